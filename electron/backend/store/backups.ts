/**
 * Rotating backups of the snapshot (issue "Durable and safe", DESIGN.md "Store"), under
 * <dataDir>/backups/, next to the pre-migration copies the store makes before an upgrade.
 *
 * - A backup is a copy of claimdesk.json taken right after a compaction wrote it: a file the
 *   store renamed into place whole, from a validated snapshot. It is written like the store
 *   itself (temp file, fsync, rename, fsync of the folder).
 * - The copy runs outside the store's edit queue, fired and forgotten after the compaction,
 *   so an edit never waits for it and a failed copy is logged, never an edit's failure.
 * - After a compaction at most one every ten minutes (or the first of a new day), and one on
 *   close. Kept: the 5 newest, plus the newest of each of the last 7 days; at most 12 files.
 *   Pre-migration copies (claimdesk-v<N>-<stamp>.json) and any other file are never deleted.
 */
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileExists, isNotFound, writeFileDurable } from './durableFile';
import { migrate } from './migrations';
import { isRecord } from './ops';
import { CURRENT_SCHEMA_VERSION, SnapshotSchema } from './schema';

export const BACKUPS_DIR = 'backups';

export interface BackupPolicy {
  /** The newest backups always kept. */
  recent: number;
  /** For each of this many days (today included), its newest backup is kept. */
  days: number;
  /** Least time between two backups after compactions (ms); a new day starts one anyway. */
  intervalMs: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  recent: 5,
  days: 7,
  intervalMs: 10 * 60 * 1000,
};

/** `claimdesk-2025-11-05T10-20-30.123Z.json`: an ISO stamp with "-" for ":". */
const ROTATING = /^claimdesk-(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}(?:\.\d{1,3})?Z)\.json$/;
/** `claimdesk-v2-2025-11-05T10-20-30-123Z.json`, made by the store before a migration. */
const PRE_MIGRATION = /^claimdesk-v(\d+)-(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json$/;

export const backupFileName = (at: Date): string =>
  `claimdesk-${at.toISOString().replace(/:/g, '-')}.json`;

/** When a backup was made, read from its name; null for a name that is not a backup's. */
export function backupDate(file: string): { date: Date; kind: BackupKind } | null {
  const rotating = ROTATING.exec(file);
  if (rotating) {
    const date = new Date(`${rotating[1]}:${rotating[2]}:${rotating[3]}`);
    return Number.isNaN(date.getTime()) ? null : { date, kind: 'rotating' };
  }
  const before = PRE_MIGRATION.exec(file);
  if (before) {
    const date = new Date(`${before[2]}:${before[3]}:${before[4]}.${before[5]}Z`);
    return Number.isNaN(date.getTime()) ? null : { date, kind: 'pre-migration' };
  }
  return null;
}

export type BackupKind = 'rotating' | 'pre-migration';

/** The local calendar day of a moment, as a key. */
const dayKey = (at: Date): string => `${at.getFullYear()}-${at.getMonth() + 1}-${at.getDate()}`;

/**
 * Which rotating backups the policy lets go, given every one there is. Pure, so the rules
 * can be tested on names alone. Names that are not rotating backups are never returned.
 */
export function backupsToDelete(
  files: readonly string[],
  now: Date,
  policy: BackupPolicy,
): string[] {
  const rotating = files
    .map((file) => ({ file, found: backupDate(file) }))
    .filter(
      (b): b is { file: string; found: { date: Date; kind: 'rotating' } } =>
        b.found?.kind === 'rotating',
    )
    .sort((a, b) => b.found.date.getTime() - a.found.date.getTime() || (a.file < b.file ? 1 : -1));
  const keep = new Set(rotating.slice(0, policy.recent).map((b) => b.file));
  for (let d = 0; d < policy.days; d++) {
    const day = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - d));
    const newestThatDay = rotating.find((b) => dayKey(b.found.date) === day);
    if (newestThatDay) keep.add(newestThatDay.file);
  }
  return rotating.filter((b) => !keep.has(b.file)).map((b) => b.file);
}

/** Deletes the rotating backups the policy no longer keeps. */
export async function pruneBackups(
  backupsDir: string,
  now: Date,
  policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
): Promise<void> {
  const names = await readdir(backupsDir);
  await Promise.all(
    backupsToDelete(names, now, policy).map((name) =>
      unlink(path.join(backupsDir, name)).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      }),
    ),
  );
}

export interface BackupOptions {
  policy?: Partial<BackupPolicy>;
  /** The clock, injected so tests can walk through days. */
  now?: () => Date;
  log?: (message: string) => void;
  /** Awaited just before a copy reads the snapshot: lets a test hold a backup in flight. */
  beforeCopy?: () => Promise<void>;
}

/** Makes the rotating backups of one data dir. One per open store. */
export class BackupRotation {
  private inFlight: Promise<void> | null = null;
  /** A compaction wrote a snapshot that no backup holds yet. */
  private unsaved = false;
  private readonly policy: BackupPolicy;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;

  private constructor(
    readonly dir: string,
    private readonly source: string,
    private newest: Date | null,
    private readonly options: BackupOptions,
  ) {
    this.policy = { ...DEFAULT_BACKUP_POLICY, ...options.policy };
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message) => console.error(message));
  }

  /** `source` is the snapshot file to copy; `dir` the backups folder (made on first copy). */
  static async open(
    dir: string,
    source: string,
    options: BackupOptions = {},
  ): Promise<BackupRotation> {
    // An unreadable backups folder must not keep the store from opening: the first copy
    // will fail and say why in the log.
    const names = await readdir(dir).catch(() => [] as string[]);
    let newest: Date | null = null;
    for (const name of names) {
      const found = backupDate(name);
      if (found?.kind === 'rotating' && (!newest || found.date > newest)) newest = found.date;
    }
    return new BackupRotation(dir, source, newest, options);
  }

  /**
   * Called right after a compaction renamed a new snapshot into place. Starts a copy when
   * one is due and returns at once: it never waits for the copy and never throws.
   * `holdsRecords` false (a brand new, empty store) is not worth a backup slot.
   */
  afterCompaction(holdsRecords: boolean): void {
    if (!holdsRecords) return;
    this.unsaved = true;
    // A copy in flight reads the file after this compaction wrote it, or close() makes one.
    if (this.inFlight || !this.due()) return;
    void this.start();
  }

  /** On close: waits for a copy in flight, then backs up what no backup holds yet. */
  async close(): Promise<void> {
    await this.inFlight;
    if (this.unsaved) await this.start();
  }

  /** Resolves once no copy is in flight. */
  async idle(): Promise<void> {
    await this.inFlight;
  }

  private due(): boolean {
    const now = this.now();
    if (!this.newest) return true;
    return (
      now.getTime() - this.newest.getTime() >= this.policy.intervalMs ||
      dayKey(now) !== dayKey(this.newest)
    );
  }

  private start(): Promise<void> {
    const run = this.copy()
      .catch((error: unknown) => {
        this.log(
          `Claimdesk could not make a backup in ${this.dir}: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        if (this.inFlight === run) this.inFlight = null;
      });
    this.inFlight = run;
    return run;
  }

  private async copy(): Promise<void> {
    this.unsaved = false;
    await this.options.beforeCopy?.();
    // readFile reads through one open handle: a compaction renaming a newer snapshot over the
    // file meanwhile does not mix the two, the copy is one whole snapshot either way.
    const bytes = await readFile(this.source);
    await mkdir(this.dir, { recursive: true });
    let at = this.now();
    // Two backups in one millisecond (a test clock) must not share a name.
    while (await fileExists(path.join(this.dir, backupFileName(at)))) {
      at = new Date(at.getTime() + 1);
    }
    await writeFileDurable(path.join(this.dir, backupFileName(at)), bytes);
    if (!this.newest || at > this.newest) this.newest = at;
    await pruneBackups(this.dir, at, this.policy);
  }
}

// ---------------------------------------------------------------------------------------
// What the backups hold

export interface BackupInfo {
  /** The file name inside backups/ (what a restore names). */
  file: string;
  kind: BackupKind;
  /** When it was made, ISO 8601. */
  date: string;
  size: number;
  cases: number;
  documents: number;
  claims: number;
  /** False when it does not read as a Claimdesk store: listed, never restored. */
  usable: boolean;
  /** Why it is not usable; '' when it is. */
  problem: string;
}

export type BackupContent =
  | { usable: true; cases: number; documents: number; claims: number }
  | { usable: false; problem: string };

/** Reads a backup's bytes the way the store reads its own file: JSON, migrations, schema. */
export function readBackupContent(bytes: Buffer): BackupContent {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return {
      usable: false,
      problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (!isRecord(raw)) return { usable: false, problem: 'not a Claimdesk store' };
  const version = raw.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { usable: false, problem: 'an unreadable schema version' };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return { usable: false, problem: `written by a newer Claimdesk (store version ${version})` };
  }
  let migrated: unknown;
  try {
    migrated = migrate(raw).raw;
  } catch (error) {
    return { usable: false, problem: error instanceof Error ? error.message : String(error) };
  }
  const parsed = SnapshotSchema.safeParse(migrated);
  if (!parsed.success) return { usable: false, problem: 'does not match the expected format' };
  const { cases, documents, claims } = parsed.data;
  return { usable: true, cases: cases.length, documents: documents.length, claims: claims.length };
}

/** Backups never change once written: what a file holds is read once per process. */
const contentCache = new Map<string, { stamp: string; content: BackupContent }>();

/** Every backup in `backupsDir` (rotating and pre-migration), newest first. */
export async function listBackups(backupsDir: string): Promise<BackupInfo[]> {
  const names = await readdir(backupsDir).catch((error: unknown) => {
    if (isNotFound(error)) return [] as string[];
    throw error;
  });
  const infos: BackupInfo[] = [];
  for (const name of names) {
    const found = backupDate(name);
    if (!found) continue;
    const file = path.join(backupsDir, name);
    let content: BackupContent;
    let size: number;
    try {
      const facts = await stat(file);
      if (!facts.isFile()) continue;
      size = facts.size;
      const stamp = `${facts.size}:${facts.mtimeMs}`;
      const cached = contentCache.get(file);
      if (cached?.stamp === stamp) {
        content = cached.content;
      } else {
        content = readBackupContent(await readFile(file));
        contentCache.set(file, { stamp, content });
      }
    } catch (error) {
      // Pruned or moved while being listed.
      if (isNotFound(error)) continue;
      throw error;
    }
    infos.push({
      file: name,
      kind: found.kind,
      date: found.date.toISOString(),
      size,
      cases: content.usable ? content.cases : 0,
      documents: content.usable ? content.documents : 0,
      claims: content.usable ? content.claims : 0,
      usable: content.usable,
      problem: content.usable ? '' : content.problem,
    });
  }
  return infos.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
