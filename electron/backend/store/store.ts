/**
 * The store: a lowdb snapshot plus an fsync'd journal, owned by one process.
 *
 * - An edit is acknowledged once its journal line is on disk (append + fdatasync), so the
 *   cost of one edit does not grow with the case (DESIGN.md, "Store").
 * - Edits run one at a time through a queue: each one plans its ops against the state left
 *   by the previous one, so concurrent calls are serialised, never interleaved.
 * - From time to time, and on close, the snapshot absorbs the journal through lowdb with a
 *   durable adapter (temp file, fsync, rename, fsync of the directory).
 * - After a compaction, a rotating backup copies the new snapshot, outside the queue
 *   (./backups.ts).
 */
import { copyFile, mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { describeIssue } from '../../../shared/contract/validate';
import { BACKUPS_DIR, BackupRotation, type BackupOptions } from './backups';
import { DurableJsonFile, NotJsonError, fileExists, fsyncDirectory } from './durableFile';
import { StoreError } from './errors';
import { Journal, JournalError } from './journal';
import { DataDirLock } from './lock';
import { migrate } from './migrations';
import { applyOpsToRaw, COLLECTIONS, isRecord, type CollectionName, type Op } from './ops';
import {
  CURRENT_SCHEMA_VERSION,
  SnapshotSchema,
  emptySnapshot,
  recordSchemas,
  type Snapshot,
} from './schema';
import { TextStore } from './textStore';

export const STORE_FILE = 'claimdesk.json';
export const JOURNAL_FILE = 'claimdesk.journal';
export const LOCK_FILE = 'claimdesk.lock';
export const TEXTS_DIR = 'texts';
export { BACKUPS_DIR };

/** Fold the journal into the snapshot past this size (bytes). */
const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

type Records = { [K in CollectionName]: Map<string, Snapshot[K][number]> };

export interface MutationPlan<R> {
  ops: Op[];
  result: R;
  committed?: () => void;
  aborted?: () => void;
}

export interface StoreOptions {
  /** Who holds the data dir, shown to a second process: "the desktop app", "the web host". */
  owner: string;
  /** The rotating backups: tests pin their clock and hold a copy in flight. */
  backups?: BackupOptions;
  /** Fold the journal into the snapshot past this size (bytes); tests lower it. */
  compactAfterBytes?: number;
}

export interface OpenReport {
  /** True when the data dir held no store: the caller may seed the sample case. */
  created: boolean;
  migratedFrom: number | null;
}

export class Store {
  private records: Records;
  private journalSeq: number;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly db: Low<unknown>,
    private readonly journal: Journal,
    private readonly lock: DataDirLock,
    readonly texts: TextStore,
    snapshot: Snapshot,
    readonly report: OpenReport,
    /** The rotating backups of this data dir (./backups.ts). */
    readonly backups: BackupRotation,
    private readonly compactAfterBytes: number,
  ) {
    this.journalSeq = snapshot.journalSeq;
    this.records = {
      cases: new Map(snapshot.cases.map((r) => [r.id, r])),
      documents: new Map(snapshot.documents.map((r) => [r.id, r])),
      claims: new Map(snapshot.claims.map((r) => [r.id, r])),
      entities: new Map(snapshot.entities.map((r) => [r.id, r])),
      history: new Map(snapshot.history.map((r) => [r.id, r])),
      links: new Map(snapshot.links.map((r) => [r.id, r])),
      judgments: new Map(snapshot.judgments.map((r) => [r.id, r])),
      briefings: new Map(snapshot.briefings.map((r) => [r.id, r])),
    };
  }

  /** Opens (or creates) the store in `dir`. Throws a `StoreError` a user can act on. */
  static async open(dir: string, options: StoreOptions): Promise<Store> {
    await mkdir(dir, { recursive: true });
    const lock = await DataDirLock.acquire(path.join(dir, LOCK_FILE), options.owner);
    try {
      await removeStaleTempFiles(dir);
      const file = path.join(dir, STORE_FILE);
      const db = new Low<unknown>(new DurableJsonFile(file), null);
      const journal = new Journal(path.join(dir, JOURNAL_FILE));
      const loaded = await load(dir, file, db, journal);
      // Only once the store is known to be readable: a refused store gets nothing new.
      await mkdir(path.join(dir, TEXTS_DIR), { recursive: true });
      const backups = await BackupRotation.open(path.join(dir, BACKUPS_DIR), file, options.backups);
      const store = new Store(
        dir,
        db,
        journal,
        lock,
        new TextStore(path.join(dir, TEXTS_DIR)),
        loaded.snapshot,
        { created: loaded.created, migratedFrom: loaded.migratedFrom },
        backups,
        options.compactAfterBytes ?? COMPACT_AFTER_BYTES,
      );
      if (loaded.needsCompaction) await store.compact();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** All records of a collection, in insertion order. Read-only views of the truth. */
  list<K extends CollectionName>(collection: K): Snapshot[K][number][] {
    return [...this.records[collection].values()];
  }

  get<K extends CollectionName>(collection: K, id: string): Snapshot[K][number] | undefined {
    return this.records[collection].get(id);
  }

  /**
   * Runs one edit. `plan` sees the state left by every earlier edit and returns the ops to
   * apply and the value to answer with. The returned promise settles once the edit is on
   * disk (or failed, in which case nothing changed). `committed` runs inside the queue right
   * after the ops are applied, before any later edit is planned; `aborted` when the write
   * fails after planning.
   */
  mutate<R>(plan: () => MutationPlan<R> | Promise<MutationPlan<R>>): Promise<R> {
    const run = async (): Promise<R> => {
      if (this.closed) throw new StoreError('io', 'The store is closed.');
      const { ops, result, committed, aborted } = await plan();
      if (ops.length === 0) {
        committed?.();
        return result;
      }
      try {
        for (const op of ops) checkOp(op);
        const seq = this.journalSeq + 1;
        await this.journal.append({ seq, ops });
        this.journalSeq = seq;
      } catch (error) {
        aborted?.();
        throw error;
      }
      for (const op of ops) this.apply(op);
      committed?.();
      if (this.journal.appendedBytes > this.compactAfterBytes) {
        // Queued after this edit, so the caller is answered first.
        void this.enqueue(() => this.compact());
      }
      return result;
    };
    return this.enqueue(run);
  }

  /** Waits for queued edits, folds the journal into the snapshot and releases the data dir. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.enqueue(async () => {
      if (this.journal.appendedBytes > 0) await this.compact();
      this.closed = true;
      await this.journal.close();
      // The last snapshot is backed up before another process may take the data dir.
      await this.backups.close();
      await this.lock.release();
    });
  }

  /** The snapshot as it would be written now. */
  snapshot(): Snapshot {
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      journalSeq: this.journalSeq,
      cases: this.list('cases'),
      documents: this.list('documents'),
      claims: this.list('claims'),
      entities: this.list('entities'),
      history: this.list('history'),
      links: this.list('links'),
      judgments: this.list('judgments'),
      briefings: this.list('briefings'),
    };
  }

  private enqueue<R>(task: () => Promise<R>): Promise<R> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private apply(op: Op): void {
    const map: Map<string, unknown> = this.records[op.collection];
    if (op.type === 'put') map.set(op.value.id, op.value);
    else map.delete(op.id);
  }

  private async compact(): Promise<void> {
    this.db.data = this.snapshot();
    await this.db.write();
    await this.journal.reset();
    // Fired and forgotten: the copy runs while the next edits go on.
    this.backups.afterCompaction(Object.values(this.records).some((map) => map.size > 0));
  }
}

/** Refuses an op whose record does not match its schema: a bug must not reach the disk. */
function checkOp(op: Op): void {
  if (!COLLECTIONS.includes(op.collection)) throw new Error(`unknown collection ${op.collection}`);
  if (op.type === 'delete') return;
  const parsed = recordSchemas[op.collection].safeParse(op.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `refusing to store an invalid ${op.collection} record: ${first ? describeIssue(first).message : ''}`,
    );
  }
}

interface Loaded {
  snapshot: Snapshot;
  created: boolean;
  migratedFrom: number | null;
  needsCompaction: boolean;
}

async function load(
  dir: string,
  file: string,
  db: Low<unknown>,
  journal: Journal,
): Promise<Loaded> {
  // Decided from the file, not from what it holds: a file holding `null` is not a new store.
  const created = !(await fileExists(file));
  try {
    await db.read();
  } catch (error) {
    if (error instanceof NotJsonError) {
      throw new StoreError(
        'corrupt',
        `The Claimdesk store ${file} is damaged: it is not valid JSON (${error.message}). ` +
          'It has been left exactly as it is. Move it aside (or restore a backup) and start again.',
        file,
      );
    }
    throw error;
  }
  const raw: unknown = created ? emptySnapshot() : db.data;
  if (!isRecord(raw)) {
    throw new StoreError(
      'invalid',
      `The Claimdesk store ${file} does not hold a Claimdesk store (expected a JSON object). It has been left as it is.`,
      file,
    );
  }
  const version = raw.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreError(
      'invalid',
      `The Claimdesk store ${file} has an unreadable schema version (${JSON.stringify(version)}). It has been left as it is.`,
      file,
    );
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new StoreError(
      'too_new',
      `The Claimdesk store ${file} was written by a newer version of Claimdesk (store version ${version}); ` +
        `this version reads store versions up to ${CURRENT_SCHEMA_VERSION}. Update Claimdesk to open it. Nothing was written.`,
      file,
    );
  }

  let replayed;
  try {
    replayed = await journal.read();
  } catch (error) {
    if (error instanceof JournalError) {
      throw new StoreError(
        'corrupt',
        `The Claimdesk journal ${error.file} is damaged at ${error.message}. It has been left as it is.`,
        error.file,
      );
    }
    throw error;
  }
  const since = typeof raw.journalSeq === 'number' ? raw.journalSeq : 0;
  const pending = replayed.entries.filter((e) => e.seq > since);
  for (const entry of pending) applyOpsToRaw(raw, entry.ops);
  const lastSeq = pending.at(-1)?.seq ?? since;

  const migrated = migrate({ ...raw, journalSeq: lastSeq });
  if (migrated.applied.length > 0) await backupBeforeMigration(dir, file, migrated.from);

  const parsed = SnapshotSchema.safeParse(migrated.raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new StoreError(
      'invalid',
      `The Claimdesk store ${file} does not match the expected format (${first ? describeIssue(first).message : 'unknown problem'}). It has been left as it is.`,
      file,
    );
  }
  return {
    snapshot: parsed.data,
    created,
    migratedFrom: migrated.applied.length > 0 ? migrated.from : null,
    needsCompaction:
      created || migrated.applied.length > 0 || replayed.entries.length > 0 || replayed.tornTail,
  };
}

/**
 * Temp files a crash left mid-write (`.claimdesk.json.<pid>.<n>.tmp`, `.<hash>.txt.….tmp`,
 * a backup's `.claimdesk-<stamp>.json.….tmp`).
 * They never hold anything acknowledged, and only the lock holder writes here, so they go.
 */
async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const folder of [dir, path.join(dir, TEXTS_DIR), path.join(dir, BACKUPS_DIR)]) {
    const names = await readdir(folder).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => name.startsWith('.') && name.endsWith('.tmp'))
        .map((name) => unlink(path.join(folder, name)).catch(() => undefined)),
    );
  }
}

/** Keeps the pre-migration file, so an upgrade can always be undone by hand. */
async function backupBeforeMigration(dir: string, file: string, from: number): Promise<void> {
  const backups = path.join(dir, BACKUPS_DIR);
  await mkdir(backups, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await copyFile(file, path.join(backups, `claimdesk-v${from}-${stamp}.json`));
  await fsyncDirectory(backups);
}
