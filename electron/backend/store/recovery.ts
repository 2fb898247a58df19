/**
 * The way back from a store that does not open because its files are damaged or missing
 * (StoreError 'corrupt', 'invalid', 'missing'): say what is wrong, then put a backup in place
 * (and replay on top of it what the journal still holds), or start empty.
 *
 * Every step is ordered so that a crash at any point leaves the old state or the new one
 * (issue 10): the damaged files are first copied aside (claimdesk.damaged-<stamp>/, the
 * segments and journal linked there), the backup's files are put in place next to them, and
 * only then does one atomic rename of claimdesk.json switch to the restored store. Nothing
 * of the damaged store is deleted by a repair.
 *
 * The caller holds the data dir's lock (the session keeps it, recovery mode included) and
 * opens the store afterwards as usual; a restored manifest tells that open to replay the
 * journal leniently and to report what it recovered (openStore.ts).
 */
import { mkdir, readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUPS_DIR,
  backupDate,
  listBackups,
  missingFromBackup,
  readBackupManifest,
  readLegacyBackupContent,
  type BackupInfo,
} from './backups';
import { copyFileDurable, fileExists, fsyncDirectory, isNotFound, linkOrCopy } from './durableFile';
import { StoreError, type StoreErrorKind } from './errors';
import { writeManifest } from './fold';
import { JOURNAL_DIR, generationFile, listGenerations, readGenerations } from './journal';
import { LEGACY_JOURNAL_FILE } from './legacy';
import { ManifestSchema, emptyManifest } from './manifest';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { SEGMENTS_DIR, isSegmentName, segmentName, sha256 } from './segmentFile';
import { STORE_FILE, TEXTS_DIR } from './store';

/** A store that failed to open for one of these reasons can be repaired here. */
export const isRecoverable = (error: unknown): error is StoreError =>
  error instanceof StoreError &&
  (error.kind === 'corrupt' || error.kind === 'invalid' || error.kind === 'missing');

export interface Inspection {
  /** True when the store's files are damaged: a backup or an empty store can replace them. */
  damaged: boolean;
  /** Why the store does not open; null when it does. */
  kind: StoreErrorKind | null;
  /** The StoreError's message, as the user reads it; '' when the store opens. */
  problem: string;
  /** The file at fault; '' when the store opens. */
  file: string;
  backups: BackupInfo[];
}

/** What a StoreError says about the data dir, with the backups there are to go back to. */
export async function describeProblem(dir: string, error: StoreError | null): Promise<Inspection> {
  return {
    damaged: isRecoverable(error),
    kind: error?.kind ?? null,
    problem: error?.message ?? '',
    file: error ? (error.file ?? path.join(dir, STORE_FILE)) : '',
    backups: await listBackups(path.join(dir, BACKUPS_DIR)),
  };
}

/** A repair refused before anything was touched. */
export class RecoveryError extends Error {
  constructor(
    readonly reason: 'not_found' | 'unusable',
    message: string,
  ) {
    super(message);
    this.name = 'RecoveryError';
  }
}

export interface RepairOptions {
  /** The clock for the name of the set-aside folder; injected by tests. */
  now?: () => Date;
  /** Called between steps, so a crash test can stop the repair at each one. */
  step?: (name: string) => Promise<void>;
}

export interface Repaired {
  /** The folder holding the damaged store as it was (full path); '' when there was none. */
  movedAside: string;
}

/**
 * Puts the backup `backupFile` (a name inside <dir>/backups/) in place of the store. The
 * backup is read and checked first (every segment against its checksum, every text present):
 * one that cannot be restored is refused with nothing changed.
 */
export async function restoreBackup(
  dir: string,
  backupFile: string,
  options: RepairOptions = {},
): Promise<Repaired> {
  const found = path.basename(backupFile) === backupFile ? backupDate(backupFile) : null;
  if (!found) {
    throw new RecoveryError('not_found', `"${backupFile}" is not the name of a Claimdesk backup.`);
  }
  const backupsDir = path.join(dir, BACKUPS_DIR);
  if (!(await fileExists(path.join(backupsDir, backupFile)))) {
    throw new RecoveryError('not_found', `There is no backup ${backupFile} in ${backupsDir}.`);
  }
  const step = options.step ?? (async () => undefined);
  const now = options.now?.() ?? new Date();
  if (found.kind === 'pre-migration') return restoreLegacy(dir, backupFile, now, step);

  const manifest = await readBackupManifest(backupsDir, backupFile);
  if (!manifest) throw unusable(backupFile, 'its manifest cannot be read');
  if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw unusable(
      backupFile,
      `it was written by a newer Claimdesk (store version ${manifest.schemaVersion})`,
    );
  }
  const missing = await missingFromBackup(backupsDir, manifest);
  if (missing.length > 0)
    throw unusable(backupFile, `${missing.length} of its files are missing (${missing[0]})`);
  for (const ref of manifest.segments) {
    const copy = path.join(backupsDir, SEGMENTS_DIR, segmentName(ref.hash));
    if (sha256(await readFile(copy)) !== ref.hash)
      throw unusable(backupFile, `its copy of ${ref.key} is damaged`);
  }
  for (const hash of manifest.texts) {
    const copy = path.join(backupsDir, TEXTS_DIR, `${hash}.txt`);
    if (sha256(await readFile(copy)) !== hash)
      throw unusable(backupFile, `its copy of the text ${hash} is damaged`);
  }

  const movedAside = await setAside(dir, now);
  await step('set-aside');
  // The backup's files next to the damaged ones; a live file of the same name is kept only
  // when its bytes are right.
  const segmentsDir = path.join(dir, SEGMENTS_DIR);
  await mkdir(segmentsDir, { recursive: true });
  for (const ref of manifest.segments) {
    const live = path.join(segmentsDir, segmentName(ref.hash));
    if ((await readIfExists(live)).hash === ref.hash) continue;
    await copyFileDurable(path.join(backupsDir, SEGMENTS_DIR, segmentName(ref.hash)), live);
  }
  await step('segments');
  await restoreTexts(dir, manifest.texts, movedAside);
  await step('texts');
  await writeManifest(dir, {
    ...manifest,
    restoredFrom: { backup: backupFile, at: now.toISOString(), movedAside },
  });
  await step('manifest');
  return { movedAside };
}

/** Moves the damaged store aside, so that the next open starts a fresh, empty one. */
export async function startEmpty(dir: string, options: RepairOptions = {}): Promise<Repaired> {
  const now = options.now?.() ?? new Date();
  const movedAside = await setAside(dir, now);
  await options.step?.('set-aside');
  // Past every journal generation there is: none of it is replayed into the empty store. Its
  // numbering goes on after theirs and after every backup's, so that a backup of the old
  // store restored later replays the old lines first and the new store's edits after them,
  // never the two interleaved, nor a new edit taken for one the backup already holds.
  const journalDir = path.join(dir, JOURNAL_DIR);
  const gens = await listGenerations(journalDir);
  const old = await readGenerations(journalDir, 0, 'lenient');
  let lastSeq = old.entries.reduce((max, entry) => Math.max(max, entry.seq), 0);
  const backupsDir = path.join(dir, BACKUPS_DIR);
  for (const backup of await listBackups(backupsDir)) {
    if (backup.kind !== 'rotating') continue;
    const manifest = await readBackupManifest(backupsDir, backup.file);
    lastSeq = Math.max(lastSeq, manifest?.foldedSeq ?? 0);
  }
  await writeManifest(dir, {
    ...emptyManifest(CURRENT_SCHEMA_VERSION, (gens.at(-1) ?? 0) + 1),
    foldedSeq: lastSeq,
  });
  await options.step?.('manifest');
  return { movedAside };
}

const unusable = (file: string, why: string) =>
  new RecoveryError(
    'unusable',
    `The backup ${file} cannot be restored: ${why}. Nothing was changed.`,
  );

async function readIfExists(file: string): Promise<{ hash: string | null }> {
  try {
    return { hash: sha256(await readFile(file)) };
  } catch (error) {
    if (isNotFound(error)) return { hash: null };
    throw error;
  }
}

/**
 * The texts the restored store names, put back from the backups' copies where the store lacks
 * them or holds other bytes under their name (the damaged file is moved into the set-aside
 * folder first: a crash between leaves it there and the text still to put back, which a
 * repair run again does).
 */
async function restoreTexts(
  dir: string,
  hashes: readonly string[],
  movedAside: string,
): Promise<void> {
  const textsDir = path.join(dir, TEXTS_DIR);
  await mkdir(textsDir, { recursive: true });
  for (const hash of hashes) {
    const live = path.join(textsDir, `${hash}.txt`);
    const found = await readIfExists(live);
    if (found.hash === hash) continue;
    if (found.hash !== null) {
      await mkdir(path.join(movedAside, TEXTS_DIR), { recursive: true });
      await rename(live, path.join(movedAside, TEXTS_DIR, `${hash}.txt`));
    }
    await copyFileDurable(path.join(dir, BACKUPS_DIR, TEXTS_DIR, `${hash}.txt`), live);
  }
}

/** An older store's whole-file copy: it goes back as claimdesk.json and is converted on open. */
async function restoreLegacy(
  dir: string,
  backupFile: string,
  now: Date,
  step: (name: string) => Promise<void>,
): Promise<Repaired> {
  const backupsDir = path.join(dir, BACKUPS_DIR);
  const content = readLegacyBackupContent(await readFile(path.join(backupsDir, backupFile)));
  if (!content.usable) throw unusable(backupFile, content.problem);
  const movedAside = await setAside(dir, now);
  await step('set-aside');
  const journal = path.join(backupsDir, backupFile.replace(/\.json$/, '.journal'));
  const legacyJournal = path.join(dir, LEGACY_JOURNAL_FILE);
  if (await fileExists(journal)) await copyFileDurable(journal, legacyJournal);
  await step('journal');
  await copyFileDurable(path.join(backupsDir, backupFile), path.join(dir, STORE_FILE));
  await step('manifest');
  return { movedAside };
}

/**
 * Copies the store as it is now into claimdesk.damaged-<stamp>/ (its manifest copied, its
 * segments and journal linked, which costs no space), under a name that does not exist yet.
 * Nothing is removed from the store: a crash here changes nothing the next start reads.
 */
async function setAside(dir: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const nameFor = (n: number) =>
    path.join(dir, `claimdesk.damaged-${stamp}${n === 1 ? '' : `-${n}`}`);
  let n = 1;
  while (await fileExists(nameFor(n))) n++;
  const target = nameFor(n);
  await mkdir(path.join(target, SEGMENTS_DIR), { recursive: true });
  await mkdir(path.join(target, JOURNAL_DIR), { recursive: true });
  const manifestFile = path.join(dir, STORE_FILE);
  let named: string[] | null = null;
  if (await fileExists(manifestFile)) {
    await copyFileDurable(manifestFile, path.join(target, STORE_FILE));
    named = await segmentsNamedBy(manifestFile);
  }
  const segmentsDir = path.join(dir, SEGMENTS_DIR);
  const present = (await readdir(segmentsDir).catch(() => [] as string[])).filter(isSegmentName);
  // The segments the damaged manifest names, or every one when it names none we can read.
  for (const name of named ?? present) {
    if (!present.includes(name)) continue;
    await linkOrCopy(path.join(segmentsDir, name), path.join(target, SEGMENTS_DIR, name));
  }
  const journalDir = path.join(dir, JOURNAL_DIR);
  for (const gen of await listGenerations(journalDir)) {
    await linkOrCopy(
      path.join(journalDir, generationFile(gen)),
      path.join(target, JOURNAL_DIR, generationFile(gen)),
    );
  }
  const legacyJournal = path.join(dir, LEGACY_JOURNAL_FILE);
  if (await fileExists(legacyJournal))
    await copyFileDurable(legacyJournal, path.join(target, LEGACY_JOURNAL_FILE));
  for (const folder of [
    path.join(target, SEGMENTS_DIR),
    path.join(target, JOURNAL_DIR),
    target,
    dir,
  ]) {
    await fsyncDirectory(folder);
  }
  return target;
}

/** The segment files a (possibly damaged) manifest names; null when it cannot be read. */
async function segmentsNamedBy(file: string): Promise<string[] | null> {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data.segments.map((ref) => segmentName(ref.hash)) : null;
  } catch {
    return null;
  }
}
