/**
 * Test helpers for the migration tests: open an older store (which converts it to the
 * segmented layout, store version 6) and check what every conversion must leave behind.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { LEGACY_JOURNAL_FILE } from '../store/legacy';
import { ManifestSchema } from '../store/manifest';
import { openStore } from '../store/openStore';
import { CURRENT_SCHEMA_VERSION, type Snapshot } from '../store/schema';
import { BACKUPS_DIR, STORE_FILE, type Store } from '../store/store';

const isPreMigrationCopy = (name: string) => /^claimdesk-v\d+-.+\.json$/.test(name);

/** The older-store copies kept in backups/. */
export const preMigrationCopies = async (dir: string): Promise<string[]> =>
  (await readdir(path.join(dir, BACKUPS_DIR))).filter(isPreMigrationCopy);

/**
 * Opens the version-`from` store in `dir` (its file's bytes were `original`, its journal's
 * `journal`), and checks the conversion: reported, the old files kept byte for byte in
 * backups/, claimdesk.json now a manifest, the old journal gone. Returns the open store.
 */
export async function openMigrated(
  dir: string,
  from: number,
  original: Buffer,
  journal: Buffer | null = null,
): Promise<Store> {
  const store = await openStore(dir, { idleFoldMs: 0, log: () => undefined });
  expect(store.report).toEqual({ created: false, migratedFrom: from, recovered: null });
  const copies = await preMigrationCopies(dir);
  expect(copies).toHaveLength(1);
  const [copy = ''] = copies;
  expect(copy).toMatch(new RegExp(`^claimdesk-v${from}-.+\\.json$`));
  expect(await readFile(path.join(dir, BACKUPS_DIR, copy))).toEqual(original);
  const keptJournal = await readFile(
    path.join(dir, BACKUPS_DIR, copy.replace(/\.json$/, '.journal')),
  ).catch(() => null);
  expect(keptJournal).toEqual(journal);
  expect(await readdir(dir)).not.toContain(LEGACY_JOURNAL_FILE);
  const manifest = ManifestSchema.parse(
    JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8')),
  );
  expect(manifest.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  return store;
}

/** Closes `store`, opens it again: no second conversion, no second copy, the same records. */
export async function reopenConverted(store: Store, expected: Snapshot): Promise<void> {
  const dir = store.dir;
  await store.close();
  const again = await openStore(dir, { idleFoldMs: 0, progressive: false });
  try {
    expect(again.report.migratedFrom).toBeNull();
    expect(await preMigrationCopies(dir)).toHaveLength(1);
    expect(withoutSeq(await again.snapshot())).toEqual(withoutSeq(expected));
  } finally {
    await again.close();
  }
}

const withoutSeq = (snapshot: Snapshot) => sortedById({ ...snapshot, journalSeq: 0 });

/** The snapshot with every collection sorted by id, the order Store.snapshot() gives. */
export function sortedById(snapshot: Snapshot): Snapshot {
  const sorted = <T extends { id: string }>(list: readonly T[]): T[] =>
    [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...snapshot,
    cases: sorted(snapshot.cases),
    documents: sorted(snapshot.documents),
    claims: sorted(snapshot.claims),
    entities: sorted(snapshot.entities),
    history: sorted(snapshot.history),
    links: sorted(snapshot.links),
    judgments: sorted(snapshot.judgments),
    briefings: sorted(snapshot.briefings),
  };
}
