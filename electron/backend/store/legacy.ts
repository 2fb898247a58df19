/**
 * Stores written by Claimdesk before version 6 kept every record in claimdesk.json itself,
 * with one journal, claimdesk.journal. They are read here the way they always were (JSON,
 * journal replay, the numbered migrations, schema validation), and the store then writes
 * them out as segments (store.ts), after keeping the old files in backups/.
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describeIssue } from '../../../shared/contract/validate';
import { copyFileDurable, fsyncDirectory } from './durableFile';
import { StoreError } from './errors';
import { JournalError, readJournalFile } from './journal';
import { migrate } from './migrations';
import { applyOpsToRaw } from './ops';
import { SnapshotSchema, type Snapshot } from './schema';

/** The journal of a version 1–5 store. */
export const LEGACY_JOURNAL_FILE = 'claimdesk.journal';

export interface LegacyStore {
  snapshot: Snapshot;
  /** The last journal entry it holds: numbering goes on from there. */
  lastSeq: number;
  from: number;
}

/** Reads a version 1–5 store whose file `raw` is already parsed. */
export async function readLegacyStore(
  dir: string,
  file: string,
  raw: Record<string, unknown>,
  version: number,
): Promise<LegacyStore> {
  let replayed;
  try {
    replayed = await readJournalFile(path.join(dir, LEGACY_JOURNAL_FILE));
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

  const migrated = migrate({ ...raw, schemaVersion: version, journalSeq: lastSeq });
  const parsed = SnapshotSchema.safeParse(migrated.raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new StoreError(
      'invalid',
      `The Claimdesk store ${file} does not match the expected format (${first ? describeIssue(first).message : 'unknown problem'}). It has been left as it is.`,
      file,
    );
  }
  return { snapshot: parsed.data, lastSeq, from: version };
}

/**
 * Keeps the old store file and its journal in backups/ before the conversion replaces them,
 * so an upgrade can always be undone by hand: claimdesk-v<N>-<stamp>.json (+ .journal).
 * Each copy is written whole or not at all (a crash mid-copy leaves only a temp file, which
 * the next open removes), the journal before the store file, so a store file copy that exists
 * has its journal beside it. A conversion that a crash interrupted and that runs again finds
 * its copy there and makes no second one.
 */
export async function keepLegacyFiles(
  dir: string,
  file: string,
  backupsDir: string,
  from: number,
  at: Date,
): Promise<string> {
  await mkdir(backupsDir, { recursive: true });
  const bytes = await readFile(file);
  const journal = path.join(dir, LEGACY_JOURNAL_FILE);
  const journalBytes = await readFile(journal).catch(() => null);
  const kept = await findKeptCopy(backupsDir, from, bytes, journalBytes);
  if (kept) return kept;
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const name = `claimdesk-v${from}-${stamp}.json`;
  if (journalBytes) {
    await copyFileDurable(journal, path.join(backupsDir, name.replace(/\.json$/, '.journal')));
  }
  await copyFileDurable(file, path.join(backupsDir, name));
  await fsyncDirectory(backupsDir);
  return name;
}

/** An older-store copy of version `from` holding these very bytes (and this journal), if any. */
async function findKeptCopy(
  backupsDir: string,
  from: number,
  bytes: Buffer,
  journalBytes: Buffer | null,
): Promise<string | null> {
  const prefix = `claimdesk-v${from}-`;
  for (const name of await readdir(backupsDir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.json')) continue;
    const copy = await readFile(path.join(backupsDir, name)).catch(() => null);
    if (!copy?.equals(bytes)) continue;
    const copyJournal = await readFile(
      path.join(backupsDir, name.replace(/\.json$/, '.journal')),
    ).catch(() => null);
    if ((copyJournal ?? Buffer.alloc(0)).equals(journalBytes ?? Buffer.alloc(0))) return name;
  }
  return null;
}
