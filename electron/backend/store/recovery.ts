/**
 * The way back from a store that does not open because its files are damaged (StoreError
 * 'corrupt' or 'invalid'): say what is wrong, then put a backup in place, or start empty.
 * The damaged files are never overwritten or deleted: they are moved aside under a name of
 * their own (claimdesk.damaged-<stamp>.json / .journal), byte for byte.
 *
 * Both repairs take the data dir's lock while they work, so no store is open on the files
 * they move; the caller opens the store afterwards as usual.
 */
import { link, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { backupDate, listBackups, readBackupContent, type BackupInfo } from './backups';
import { fileExists, fsyncDirectory, isNotFound, writeFileDurable } from './durableFile';
import { StoreError, type StoreErrorKind } from './errors';
import { DataDirLock } from './lock';
import { BACKUPS_DIR, JOURNAL_FILE, LOCK_FILE, STORE_FILE, Store } from './store';

/** Who holds the data dir while a repair runs, as a second process would be told. */
const REPAIR_OWNER = 'the Claimdesk recovery';

/** A store that failed to open for one of these reasons can be repaired here. */
export const isRecoverable = (error: unknown): error is StoreError =>
  error instanceof StoreError && (error.kind === 'corrupt' || error.kind === 'invalid');

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

/**
 * What is wrong with the store in `dir`, found the one sure way: by opening it (and closing
 * it again at once). A store that opens is reported healthy; one in use by another process
 * or from a newer Claimdesk is reported with `damaged: false`, as no backup helps there.
 */
export async function inspectDataDir(dir: string): Promise<Inspection> {
  try {
    const store = await Store.open(dir, { owner: REPAIR_OWNER });
    await store.close();
    return await describeProblem(dir, null);
  } catch (error) {
    if (error instanceof StoreError) return describeProblem(dir, error);
    throw error;
  }
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
  /** The clock for the names of the moved-aside files; injected by tests. */
  now?: () => Date;
}

export interface Repaired {
  /** Where the damaged files went (full paths); empty when there were none. */
  movedAside: string[];
}

/**
 * Puts the backup `backupFile` (a name inside <dir>/backups/) in place of the store, after
 * moving the damaged claimdesk.json and claimdesk.journal aside. The backup is read and
 * checked first: an unusable one is refused with nothing moved.
 */
export async function restoreBackup(
  dir: string,
  backupFile: string,
  options: RepairOptions = {},
): Promise<Repaired> {
  if (path.basename(backupFile) !== backupFile || !backupDate(backupFile)) {
    throw new RecoveryError('not_found', `"${backupFile}" is not the name of a Claimdesk backup.`);
  }
  const source = path.join(dir, BACKUPS_DIR, backupFile);
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (error) {
    if (isNotFound(error)) {
      throw new RecoveryError(
        'not_found',
        `There is no backup ${backupFile} in ${path.dirname(source)}.`,
      );
    }
    throw error;
  }
  const content = readBackupContent(bytes);
  if (!content.usable) {
    throw new RecoveryError(
      'unusable',
      `The backup ${backupFile} cannot be restored: ${content.problem}. Nothing was changed.`,
    );
  }
  return withLock(dir, async () => {
    const movedAside = await moveDamagedAside(dir, options.now?.() ?? new Date());
    await writeFileDurable(path.join(dir, STORE_FILE), bytes);
    return { movedAside };
  });
}

/** Moves the damaged files aside, so that the next open creates a fresh, empty store. */
export async function startEmpty(dir: string, options: RepairOptions = {}): Promise<Repaired> {
  return withLock(dir, async () => ({
    movedAside: await moveDamagedAside(dir, options.now?.() ?? new Date()),
  }));
}

async function withLock<R>(dir: string, work: () => Promise<R>): Promise<R> {
  const lock = await DataDirLock.acquire(path.join(dir, LOCK_FILE), REPAIR_OWNER);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

const ASIDE = [
  { name: STORE_FILE, extension: '.json' },
  { name: JOURNAL_FILE, extension: '.journal' },
] as const;

/**
 * Moves claimdesk.json and claimdesk.journal (those that exist) to
 * claimdesk.damaged-<stamp>[-<n>].json / .journal, a pair of names neither of which exists.
 */
async function moveDamagedAside(dir: string, now: Date): Promise<string[]> {
  const present = [];
  for (const file of ASIDE) if (await fileExists(path.join(dir, file.name))) present.push(file);
  if (present.length === 0) return [];
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const stem = `claimdesk.damaged-${stamp}${n === 1 ? '' : `-${n}`}`;
    const targets = ASIDE.map((file) => path.join(dir, `${stem}${file.extension}`));
    if ((await Promise.all(targets.map(fileExists))).some(Boolean)) continue;
    const moved: string[] = [];
    for (const file of present) {
      const target = path.join(dir, `${stem}${file.extension}`);
      await moveWithoutOverwriting(path.join(dir, file.name), target);
      moved.push(target);
    }
    await fsyncDirectory(dir);
    return moved;
  }
}

/**
 * A rename that cannot replace an existing file: a hard link fails if the target exists.
 * Where hard links are not supported, the caller's check that the target is free (under
 * the data dir's lock) stands in.
 */
async function moveWithoutOverwriting(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : '';
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') {
      throw error;
    }
    if (await fileExists(to)) throw error;
    await rename(from, to);
    return;
  }
  await unlink(from);
}
