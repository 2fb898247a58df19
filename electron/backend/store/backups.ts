/**
 * Rotating backups (DESIGN.md "Store", issue 10 "Backups are complete"), under backups/:
 *
 *   claimdesk-<stamp>.json        a backup: a copy of the manifest after a fold
 *   segments/<hash>.json          copies of the segments the backups name, one per hash
 *   texts/<hash>.txt              copies of the document texts the backups need, one per hash
 *   claimdesk-v<N>-<stamp>.json   an older store kept whole before its conversion (+ .journal)
 *
 * A backup names its segments and texts by content hash, so successive backups share the
 * copies of everything that did not change: a backup after a fold copies only the segments
 * the fold wrote and the texts imported since. The copies are files of their own, so a
 * segment or text lost or damaged in the store itself is still whole here.
 *
 * A backup is made after a fold at most once every ten minutes (or the first of a new day)
 * and on close. Kept: the 5 newest, the newest of each of the last 7 days, and always the
 * newest one whose files are all present. Older-store copies are never deleted.
 */
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { copyFileDurable, fileExists, isNotFound, writeFileDurable } from './durableFile';
import { ManifestSchema, type Manifest } from './manifest';
import { migrate } from './migrations';
import { isRecord } from './ops';
import { CURRENT_SCHEMA_VERSION, SnapshotSchema } from './schema';
import { SEGMENTS_DIR, isSegmentName, segmentName } from './segmentFile';

export const BACKUPS_DIR = 'backups';
const TEXTS = 'texts';

export interface BackupPolicy {
  /** The newest backups always kept. */
  recent: number;
  /** For each of this many days (today included), its newest backup is kept. */
  days: number;
  /** Least time between two backups after folds (ms); a new day starts one anyway. */
  intervalMs: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  recent: 5,
  days: 7,
  intervalMs: 10 * 60 * 1000,
};

/** `claimdesk-2025-11-05T10-20-30.123Z.json`: an ISO stamp with "-" for ":". */
const ROTATING = /^claimdesk-(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}(?:\.\d{1,3})?Z)\.json$/;
/** `claimdesk-v2-2025-11-05T10-20-30-123Z.json`, kept before an older store's conversion. */
const PRE_MIGRATION = /^claimdesk-v(\d+)-(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json$/;

export type BackupKind = 'rotating' | 'pre-migration';

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

/** The local calendar day of a moment, as a key. */
const dayKey = (at: Date): string => `${at.getFullYear()}-${at.getMonth() + 1}-${at.getDate()}`;

/**
 * Which rotating backups the policy lets go, given every one there is and the newest one
 * known to be whole (never let go). Pure, so the rules can be tested on names alone.
 */
export function backupsToDelete(
  files: readonly string[],
  now: Date,
  policy: BackupPolicy,
  newestWhole: string | null = null,
): string[] {
  const rotating = files
    .map((file) => ({ file, found: backupDate(file) }))
    .filter(
      (b): b is { file: string; found: { date: Date; kind: 'rotating' } } =>
        b.found?.kind === 'rotating',
    )
    .sort((a, b) => b.found.date.getTime() - a.found.date.getTime() || (a.file < b.file ? 1 : -1));
  const keep = new Set(rotating.slice(0, policy.recent).map((b) => b.file));
  if (newestWhole) keep.add(newestWhole);
  for (let d = 0; d < policy.days; d++) {
    const day = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - d));
    const newestThatDay = rotating.find((b) => dayKey(b.found.date) === day);
    if (newestThatDay) keep.add(newestThatDay.file);
  }
  return rotating.filter((b) => !keep.has(b.file)).map((b) => b.file);
}

export interface BackupOptions {
  policy?: Partial<BackupPolicy>;
  /** The clock, injected so tests can walk through days. */
  now?: () => Date;
  log?: (message: string) => void;
  /** Awaited just before a backup copies anything: lets a test hold one in flight. */
  beforeCopy?: () => Promise<void>;
}

/** A rotating backup's manifest, read from backups/; null when it does not parse. */
export async function readBackupManifest(dir: string, file: string): Promise<Manifest | null> {
  try {
    const parsed = ManifestSchema.safeParse(
      JSON.parse(await readFile(path.join(dir, file), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What of a backup is missing from the copies (segments and texts), by name. */
export async function missingFromBackup(dir: string, manifest: Manifest): Promise<string[]> {
  const present = new Set(await readdir(path.join(dir, SEGMENTS_DIR)).catch(() => []));
  const texts = new Set(await readdir(path.join(dir, TEXTS)).catch(() => []));
  return [
    ...manifest.segments
      .filter((ref) => !present.has(segmentName(ref.hash)))
      .map((ref) => `segment ${ref.hash}`),
    ...manifest.texts.filter((hash) => !texts.has(`${hash}.txt`)).map((hash) => `text ${hash}`),
  ];
}

/** Makes the rotating backups of one data dir. One per open store. */
export class BackupRotation {
  private unsaved = false;
  /**
   * The backup manifests read or written in this session, by file name. A backup's manifest
   * never changes once written, and reading (and checking) every one at each backup would hold
   * up edits for the tens of milliseconds a manifest naming 10,000 texts takes to check.
   */
  private readonly manifests = new Map<string, Manifest | null>();
  private readonly policy: BackupPolicy;
  private readonly now: () => Date;

  private constructor(
    readonly dir: string,
    private readonly dataDir: string,
    private newest: { date: Date; journalFrom: number } | null,
    /** The newest whole backup when the store opened: never let go while it runs. */
    private readonly openedFrom: string | null,
    private readonly options: BackupOptions,
  ) {
    this.policy = { ...DEFAULT_BACKUP_POLICY, ...options.policy };
    this.now = options.now ?? (() => new Date());
  }

  static async open(dataDir: string, options: BackupOptions = {}): Promise<BackupRotation> {
    const dir = path.join(dataDir, BACKUPS_DIR);
    const newest = await newestWhole(dir);
    return new BackupRotation(
      dir,
      dataDir,
      newest && { date: newest.date, journalFrom: newest.manifest.journalFrom },
      newest?.name ?? null,
      options,
    );
  }

  /**
   * The journal generation from which the newest backup needs the journal to be restored
   * with every later edit; null when there is no backup.
   */
  newestJournalFrom(): number | null {
    return this.newest?.journalFrom ?? null;
  }

  /** After a fold wrote `manifest`: a backup of it when one is due. */
  async afterFold(manifest: Manifest): Promise<void> {
    if (!holdsRecords(manifest)) return;
    this.unsaved = true;
    if (this.due()) await this.make(manifest);
  }

  /** On close: a backup of what no backup holds yet. */
  async close(manifest: Manifest): Promise<void> {
    if (this.unsaved && holdsRecords(manifest)) await this.make(manifest);
  }

  private due(): boolean {
    const now = this.now();
    if (!this.newest) return true;
    return (
      now.getTime() - this.newest.date.getTime() >= this.policy.intervalMs ||
      dayKey(now) !== dayKey(this.newest.date)
    );
  }

  private async make(manifest: Manifest): Promise<void> {
    await this.options.beforeCopy?.();
    await mkdir(path.join(this.dir, SEGMENTS_DIR), { recursive: true });
    await mkdir(path.join(this.dir, TEXTS), { recursive: true });
    // What the backups already hold, listed once: a store of 100,000 claims has some 10,000
    // texts, and a stat of each one per backup cost more than the copies themselves.
    const copiedSegments = await listedNames(path.join(this.dir, SEGMENTS_DIR));
    const copiedTexts = await listedNames(path.join(this.dir, TEXTS));
    // Copies first, the backup's manifest last: a backup that exists is whole.
    for (const ref of manifest.segments) {
      const name = segmentName(ref.hash);
      if (copiedSegments.has(name)) continue;
      const copy = path.join(this.dir, SEGMENTS_DIR, name);
      await copyFileDurable(path.join(this.dataDir, SEGMENTS_DIR, name), copy);
      copiedSegments.add(name);
    }
    const texts: string[] = [];
    for (const hash of manifest.texts) {
      const copy = path.join(this.dir, TEXTS, `${hash}.txt`);
      const original = path.join(this.dataDir, 'texts', `${hash}.txt`);
      if (!copiedTexts.has(`${hash}.txt`)) {
        // A text already missing from the store is reported there (and by a restore of this
        // backup, which names only the texts it holds); the backup keeps the rest, and stays
        // usable: one lost text must not make every later backup unrestorable.
        if (!(await fileExists(original))) continue;
        await copyFileDurable(original, copy);
        copiedTexts.add(`${hash}.txt`);
      }
      texts.push(hash);
    }
    let at = this.now();
    // Two backups in one millisecond (a test clock) must not share a name.
    while (await fileExists(path.join(this.dir, backupFileName(at)))) {
      at = new Date(at.getTime() + 1);
    }
    const name = backupFileName(at);
    const written: Manifest = { ...manifest, texts, restoredFrom: null };
    await writeFileDurable(path.join(this.dir, name), JSON.stringify(written));
    this.manifests.set(name, written);
    this.newest = { date: at, journalFrom: manifest.journalFrom };
    this.unsaved = false;
    await this.prune(at, name);
  }

  /**
   * Lets old backups go by the policy, then the copies no backup names any more. Kept besides:
   * the one just made, and the newest whole one there was when the store opened (the last
   * state known to open cleanly, whatever this session has written since).
   */
  private async prune(now: Date, newestWholeName: string): Promise<void> {
    const names = await readdir(this.dir);
    const deleted = backupsToDelete(names, now, this.policy, newestWholeName).filter(
      (name) => name !== this.openedFrom,
    );
    for (const name of deleted) {
      this.manifests.delete(name);
      await unlink(path.join(this.dir, name)).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
    const named = { segments: new Set<string>(), texts: new Set<string>() };
    for (const name of await readdir(this.dir)) {
      if (backupDate(name)?.kind !== 'rotating') continue;
      let manifest = this.manifests.get(name);
      if (manifest === undefined) {
        manifest = await readBackupManifest(this.dir, name);
        this.manifests.set(name, manifest);
      }
      if (!manifest) continue;
      manifest.segments.forEach((ref) => named.segments.add(segmentName(ref.hash)));
      manifest.texts.forEach((hash) => named.texts.add(`${hash}.txt`));
    }
    await removeUnnamed(path.join(this.dir, SEGMENTS_DIR), named.segments, isSegmentName);
    await removeUnnamed(path.join(this.dir, TEXTS), named.texts, (n) => n.endsWith('.txt'));
  }
}

/** The names of the files in `dir` (none when it is missing). */
async function listedNames(dir: string): Promise<Set<string>> {
  return new Set(await readdir(dir).catch(() => [] as string[]));
}

async function removeUnnamed(
  dir: string,
  keep: ReadonlySet<string>,
  isCopy: (name: string) => boolean,
): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!isCopy(name) || keep.has(name)) continue;
    await unlink(path.join(dir, name)).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
}

const holdsRecords = (manifest: Manifest): boolean =>
  manifest.segments.some((ref) => ref.count > 0);

/** The newest rotating backup whose manifest reads and whose copies are all there. */
async function newestWhole(
  dir: string,
): Promise<{ name: string; date: Date; manifest: Manifest } | null> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const rotating = names
    .map((name) => ({ name, found: backupDate(name) }))
    .filter((b) => b.found?.kind === 'rotating')
    .sort((a, b) => (a.name < b.name ? 1 : -1));
  for (const { name, found } of rotating) {
    const manifest = await readBackupManifest(dir, name);
    if (manifest && found && (await missingFromBackup(dir, manifest)).length === 0) {
      return { name, date: found.date, manifest };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// What the backups hold, for the recovery screen

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
  /** False when it cannot be restored: listed, never restored. */
  usable: boolean;
  /** Why it is not usable; '' when it is. */
  problem: string;
}

export type BackupContent =
  | { usable: true; cases: number; documents: number; claims: number }
  | { usable: false; problem: string };

/** Reads an older store's whole file the way the store reads one: JSON, migrations, schema. */
export function readLegacyBackupContent(bytes: Buffer): BackupContent {
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

/** What a rotating backup holds, from its manifest's counts; whole only when nothing is missing. */
async function rotatingContent(dir: string, file: string): Promise<BackupContent> {
  const manifest = await readBackupManifest(dir, file);
  if (!manifest) return { usable: false, problem: 'its manifest cannot be read' };
  if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return {
      usable: false,
      problem: `written by a newer Claimdesk (store version ${manifest.schemaVersion})`,
    };
  }
  const missing = await missingFromBackup(dir, manifest);
  if (missing.length > 0) {
    return { usable: false, problem: `${missing.length} of its files are missing (${missing[0]})` };
  }
  const count = (collection: string) =>
    manifest.segments.filter((r) => r.collection === collection).reduce((n, r) => n + r.count, 0);
  return {
    usable: true,
    cases: count('cases'),
    documents: count('documents'),
    claims: count('claims'),
  };
}

/** Older-store copies never change once written: what one holds is read once per process. */
const legacyCache = new Map<string, { stamp: string; content: BackupContent }>();

/** Every backup in `backupsDir` (rotating and older-store copies), newest first. */
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
      if (found.kind === 'rotating') {
        content = await rotatingContent(backupsDir, name);
      } else {
        const stamp = `${facts.size}:${facts.mtimeMs}`;
        const cached = legacyCache.get(file);
        if (cached?.stamp === stamp) {
          content = cached.content;
        } else {
          content = readLegacyBackupContent(await readFile(file));
          legacyCache.set(file, { stamp, content });
        }
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
