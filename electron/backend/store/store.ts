/**
 * The store: records in memory, a journal on disk for every edit, and segments for the rest,
 * owned by one process (the caller holds the data dir's lock, lock.ts).
 *
 * - An edit is acknowledged once its journal line is on disk (append + fdatasync), so the
 *   cost of one edit does not grow with the case (DESIGN.md, "Store").
 * - Edits run one at a time through a queue: each one plans its ops against the state left
 *   by the previous one, so concurrent calls are serialised, never interleaved.
 * - Every applied op is told to the listeners (the indexes, ../indexes), so what the views
 *   need is kept up to date per edit instead of recomputed from every record.
 * - From time to time, and on close, a fold (fold.ts) writes the buckets that changed as new
 *   segments and a new manifest. Only its cut runs in the queue; the writing does not.
 *
 * Opening is in openStore.ts.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describeIssue } from '../../../shared/contract/validate';
import type { HistoryEntry } from '../../../shared/domain/schemas';
import { StoreError } from './errors';
import { Folder, type FoldOptions } from './fold';
import { HistoryLog } from './historyLog';
import type { Journal } from './journal';
import { Layout, type BucketedCollection } from './layout';
import type { LoadQueue } from './loadQueue';
import type { Manifest } from './manifest';
import { COLLECTIONS, type EditOrigin, type Op } from './ops';
import { CURRENT_SCHEMA_VERSION, recordSchemas, type Snapshot } from './schema';
import { TextStore } from './textStore';
import { StringPool, shareClaimStrings, shareTimestamps } from './sharedStrings';

export const STORE_FILE = 'claimdesk.json';
export const LOCK_FILE = 'claimdesk.lock';
export const TEXTS_DIR = 'texts';
export { BACKUPS_DIR } from './backups';
export { JOURNAL_DIR } from './journal';
export { SEGMENTS_DIR } from './segmentFile';

export type RecordOf<K extends keyof Snapshot> = Snapshot[K] extends (infer R)[] ? R : never;
export type Records = { [K in BucketedCollection]: Map<string, RecordOf<K>> };

/** Told of every record an op (or the loading of a segment) puts or removes. */
export type ApplyListener = (
  collection: BucketedCollection,
  before: RecordOf<BucketedCollection> | undefined,
  after: RecordOf<BucketedCollection> | undefined,
  /** `load`: read from a segment at open; `edit`: an op applied (replayed ones included). */
  source: 'load' | 'edit',
) => void;

/**
 * Told of every edit once it is applied: its number, its ops (history included) and where it
 * came from; `replayed` when it is read back from the journal at open after a crash.
 */
export type CommitListener = (
  seq: number,
  ops: readonly Op[],
  origin: EditOrigin,
  replayed: boolean,
) => void;

export interface MutationPlan<R> {
  ops: Op[];
  result: R;
  /** Recorded in the journal line; default `local`. */
  origin?: EditOrigin;
  committed?: () => void;
  aborted?: () => void;
}

export interface OpenReport {
  /** True when the data dir held no store: the caller may seed the sample case. */
  created: boolean;
  migratedFrom: number | null;
  /** After a restore: what the replay of the journal on top of the backup did. */
  recovered: RecoveredReport | null;
}

export interface RecoveredReport {
  backup: string;
  movedAside: string;
  /** Edits replayed on top of the backup. */
  replayed: number;
  /** Edits that no longer applied (they needed records the backup does not have). */
  skipped: number;
  /** Journal lines that could not be read at all. */
  unreadable: number;
  /** True when edits between the backup and the journal are missing (they were folded). */
  gap: boolean;
}

/** While claims load in the background after open (openStore.ts). */
export interface LoadProgress {
  loaded: number;
  total: number;
}

export interface StoreParts {
  dir: string;
  journal: Journal;
  manifest: Manifest;
  report: OpenReport;
  fold: FoldOptions;
}

export class Store {
  /** Strings the claims read from disk share (sharedStrings.ts). */
  private readonly strings = new StringPool();
  readonly records: Records = {
    cases: new Map(),
    documents: new Map(),
    claims: new Map(),
    entities: new Map(),
    links: new Map(),
    judgments: new Map(),
    briefings: new Map(),
  };
  readonly layout = new Layout();
  readonly history: HistoryLog;
  readonly texts: TextStore;
  readonly dir: string;
  readonly report: OpenReport;
  readonly folder: Folder;
  journalSeq: number;
  /** Texts put back from the backups' copies at open (backend.ts). */
  textsRecovered = 0;
  /** Claims still loading after open; null once every record is in memory. */
  loading: LoadProgress | null = null;
  /** Resolves once every record is in memory (at once when nothing loads in the background). */
  ready: Promise<void> = Promise.resolve();
  /** The claim segments still to parse, while `loading`. */
  loadQueue: LoadQueue | null = null;
  private needClaims: () => void = () => undefined;
  /**
   * Settles at the first call that needs the claims (dispatch.ts, a claim search): a
   * background loading held back (`OpenOptions.loadAfter`) starts then.
   */
  readonly claimsNeeded = new Promise<void>((resolve) => (this.needClaims = resolve));
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly applyListeners: ApplyListener[] = [];
  private readonly commitListeners: CommitListener[] = [];

  constructor(parts: StoreParts) {
    this.dir = parts.dir;
    this.report = parts.report;
    this.journalSeq = parts.manifest.foldedSeq;
    this.history = new HistoryLog(`${parts.dir}/segments`);
    this.texts = new TextStore(`${parts.dir}/${TEXTS_DIR}`, `${parts.dir}/backups/texts`);
    this.folder = new Folder(this, parts.journal, parts.manifest, parts.fold);
  }

  /** Whether every claim of a case is in memory (always, once the store is loaded). */
  caseLoaded(caseId: string): boolean {
    return this.loadQueue?.done(caseId) ?? true;
  }

  /** A call needs the claims: any background loading held back starts now. */
  needsClaims(): void {
    this.needClaims();
  }

  /** Parse this case's claims next: the UI is waiting for them. */
  prioritize(caseId: string): void {
    this.needClaims();
    this.loadQueue?.prioritize(caseId);
  }

  /** Settles true once more of the case's claims are in memory; false when none will come. */
  moreClaimsOf(caseId: string): Promise<boolean> {
    return this.loadQueue?.moreOf(caseId) ?? Promise.resolve(false);
  }

  onApply(listener: ApplyListener): void {
    this.applyListeners.push(listener);
  }

  onCommit(listener: CommitListener): void {
    this.commitListeners.push(listener);
  }

  get<K extends BucketedCollection>(collection: K, id: string): RecordOf<K> | undefined {
    return this.records[collection].get(id);
  }

  /**
   * Every record of a collection. Only for the small collections shared by the whole store
   * (cases, entities): the large ones are reached through indexes (../indexes).
   */
  list<K extends 'cases' | 'entities'>(collection: K): RecordOf<K>[] {
    return [...this.records[collection].values()] as RecordOf<K>[];
  }

  /** The ids of a collection's records, live (for background passes over every record). */
  ids(collection: BucketedCollection): IterableIterator<string> {
    return this.records[collection].keys();
  }

  count(collection: BucketedCollection): number {
    return this.records[collection].size;
  }

  /**
   * Every record, each collection sorted by id, history included: the whole state, for tests
   * and the crash harness to compare (it reads every history segment, so never on a hot path).
   */
  async snapshot(): Promise<Snapshot> {
    const sorted = <T extends { id: string }>(list: Iterable<T>): T[] =>
      [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const history: HistoryEntry[] = [];
    for await (const batch of this.history.entries(() => true)) history.push(...batch);
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      journalSeq: this.journalSeq,
      cases: sorted(this.records.cases.values()),
      documents: sorted(this.records.documents.values()),
      claims: sorted(this.records.claims.values()),
      entities: sorted(this.records.entities.values()),
      history: sorted(history),
      links: sorted(this.records.links.values()),
      judgments: sorted(this.records.judgments.values()),
      briefings: sorted(this.records.briefings.values()),
    };
  }

  /** One claim's history, oldest first (historyLog.ts). */
  historyOf(claimId: string): Promise<HistoryEntry[]> {
    return this.history.of(claimId);
  }

  /**
   * Runs one edit. `plan` sees the state left by every earlier edit and returns the ops to
   * apply and the value to answer with. The returned promise settles once the edit is on
   * disk (or failed, in which case nothing changed). `committed` runs inside the queue right
   * after the ops are applied, before any later edit is planned; `aborted` when the write
   * fails after planning. Edits wait for records still loading after open.
   */
  mutate<R>(plan: () => MutationPlan<R> | Promise<MutationPlan<R>>): Promise<R> {
    const run = async (): Promise<R> => {
      await this.ready;
      if (this.closed) throw new StoreError('io', 'The store is closed.');
      const { ops, result, committed, aborted, origin = 'local' } = await plan();
      if (ops.length === 0) {
        committed?.();
        return result;
      }
      const seq = this.journalSeq + 1;
      try {
        await checkOps(ops);
        if (ops.length > LARGE_EDIT_OPS) {
          await this.folder.journal.appendPieces(entryPieces(seq, ops, origin));
        } else {
          await this.folder.journal.append(
            origin === 'local' ? { seq, ops } : { seq, ops, origin },
          );
        }
        this.journalSeq = seq;
      } catch (error) {
        aborted?.();
        throw error;
      }
      await this.applyAll(ops, ops.length > LARGE_EDIT_OPS);
      committed?.();
      this.told(seq, ops, origin, false);
      this.folder.afterEdit();
      return result;
    };
    return this.enqueue(run);
  }

  /** Tells the commit listeners of an edit applied (or replayed from the journal at open). */
  told(seq: number, ops: readonly Op[], origin: EditOrigin, replayed: boolean): void {
    for (const listener of this.commitListeners) listener(seq, ops, origin, replayed);
  }

  /** Runs `task` in the edit queue, after every edit asked for before it. */
  enqueue<R>(task: () => Promise<R>): Promise<R> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Waits for queued edits, folds what the segments lack, and closes the journal. */
  async close(): Promise<void> {
    if (this.closed) return;
    // A loading still held back (OpenOptions.loadAfter) starts now rather than at its time:
    // closing waits for it, as for any loading.
    this.needClaims();
    await this.ready.catch(() => undefined);
    await this.enqueue(async () => {
      this.closed = true;
    });
    await this.folder.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Applies one op to memory and tells the listeners. */
  apply(op: Op): void {
    if (op.collection === 'history') {
      // History only grows; an entry is never changed or removed (historyLog.ts).
      if (op.type === 'put') this.history.add(op.value as HistoryEntry);
      return;
    }
    const collection = op.collection;
    const map = this.records[collection] as Map<string, RecordOf<BucketedCollection>>;
    const id = op.type === 'put' ? op.value.id : op.id;
    const before = map.get(id);
    if (op.type === 'put') {
      const after = op.value as RecordOf<BucketedCollection>;
      map.set(id, after);
      this.layout.place(collection, after);
      for (const listener of this.applyListeners) listener(collection, before, after, 'edit');
    } else if (before) {
      map.delete(id);
      this.layout.remove(collection, id);
      for (const listener of this.applyListeners) listener(collection, before, undefined, 'edit');
    }
  }

  /** A record read from a segment at open: in memory and in the indexes, its bucket clean. */
  absorb(collection: BucketedCollection, record: RecordOf<BucketedCollection>): void {
    if (collection === 'claims') shareClaimStrings(this.strings, record as RecordOf<'claims'>);
    shareTimestamps(record);
    (this.records[collection] as Map<string, RecordOf<BucketedCollection>>).set(record.id, record);
    for (const listener of this.applyListeners) listener(collection, undefined, record, 'load');
  }

  private async applyAll(ops: readonly Op[], large: boolean): Promise<void> {
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      if (op) this.apply(op);
      // A large import gives other work a turn now and then (no task over ~50 ms).
      if (large && i % APPLY_SLICE === APPLY_SLICE - 1) await nextTurn();
    }
  }
}

/** Edits with more ops than this are written and applied in slices. */
const LARGE_EDIT_OPS = 2000;
const APPLY_SLICE = 2000;

async function* entryPieces(
  seq: number,
  ops: readonly Op[],
  origin: EditOrigin,
): AsyncGenerator<string> {
  yield `{"seq":${seq},${origin === 'local' ? '' : `"origin":${JSON.stringify(origin)},`}"ops":[`;
  for (let start = 0; start < ops.length; start += APPLY_SLICE) {
    const slice = ops.slice(start, start + APPLY_SLICE).map((op) => JSON.stringify(op));
    yield (start > 0 ? ',' : '') + slice.join(',');
    await nextTurn();
  }
  yield ']}';
}

/** Checks every op, giving other work a turn now and then in a large edit. */
async function checkOps(ops: readonly Op[]): Promise<void> {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op) checkOp(op);
    if (i % CHECK_SLICE === CHECK_SLICE - 1) await nextTurn();
  }
}

const CHECK_SLICE = 500;

/** Refuses an op whose record does not match its schema: a bug must not reach the disk. */
function checkOp(op: Op): void {
  if (!COLLECTIONS.includes(op.collection)) throw new Error(`unknown collection ${op.collection}`);
  if (op.type === 'delete') {
    if (op.collection === 'history') throw new Error('history entries are never deleted');
    return;
  }
  const parsed = recordSchemas[op.collection].safeParse(op.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `refusing to store an invalid ${op.collection} record: ${first ? describeIssue(first).message : ''}`,
    );
  }
}
