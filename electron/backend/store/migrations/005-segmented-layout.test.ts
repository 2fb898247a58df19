/**
 * Migration 005 (store version 5 -> 6): the records keep their shape; the store writes them
 * out as segments, history in parts, and keeps the old store file and its journal in backups/.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openMigrated, preMigrationCopies, reopenConverted } from '../../testing/migrated';
import { validCase, validClaim, validDocument, validHistory } from '../../testing/records';
import { tempDirs } from '../../testing/tempDir';
import { LEGACY_JOURNAL_FILE, keepLegacyFiles } from '../legacy';
import { ManifestSchema } from '../manifest';
import { openStore } from '../openStore';
import { restoreBackup } from '../recovery';
import { CURRENT_SCHEMA_VERSION, SnapshotSchema, type Snapshot } from '../schema';
import { BACKUPS_DIR, SEGMENTS_DIR, STORE_FILE, TEXTS_DIR } from '../store';
import { hashText } from '../textStore';
import { migration005 } from './005-segmented-layout';
import { MIGRATIONS, migrate } from './index';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const TEXT = 'text of a document kept by a version 5 store';

/** A version 5 store as Claimdesk 0.x wrote it: every record in claimdesk.json. */
function v5Raw(): Record<string, unknown> {
  return {
    schemaVersion: 5,
    journalSeq: 7,
    cases: [validCase('case-a'), validCase('case-b')],
    documents: [validDocument('doc-a', 'case-a', TEXT), validDocument('doc-b', 'case-b', TEXT)],
    claims: [validClaim('claim-a', 'case-a', 'doc-a'), validClaim('claim-b', 'case-b', 'doc-b')],
    entities: [],
    history: [validHistory('h-a', 'claim-a', 0), validHistory('h-b', 'claim-b', 0)],
    links: [],
    judgments: [],
    briefings: [],
  };
}

/** The v5 store written into a fresh data dir, with its text and (optionally) journal. */
async function v5DataDir(journal: string | null = null): Promise<string> {
  const dir = await dirs.make();
  await writeFile(path.join(dir, STORE_FILE), JSON.stringify(v5Raw(), null, 2));
  await mkdir(path.join(dir, TEXTS_DIR));
  await writeFile(path.join(dir, TEXTS_DIR, `${hashText(TEXT)}.txt`), TEXT);
  if (journal !== null) await writeFile(path.join(dir, LEGACY_JOURNAL_FILE), journal);
  return dir;
}

const line = (seq: number, value: object) =>
  `${JSON.stringify({ seq, ops: [{ type: 'put', collection: 'claims', value }] })}\n`;

describe('migration 005: the segmented layout', () => {
  it('only moves the version: the records do not change', () => {
    const raw = v5Raw();
    const copy = structuredClone(raw);
    expect(migration005.up(raw)).toEqual({ ...copy, schemaVersion: 6 });
    expect(raw).toEqual(copy);
    expect(MIGRATIONS.at(-1)).toBe(migration005);
    expect(migration005.to).toBe(CURRENT_SCHEMA_VERSION);
    expect(SnapshotSchema.safeParse(migrate(v5Raw()).raw).success).toBe(true);
  });

  it('converts a version 5 store on open: segments per bucket, history in parts, the old files in backups/', async () => {
    const edited = validClaim('claim-a', 'case-a', 'doc-a', { text: 'Edited after the snapshot' });
    const journal = line(8, edited) + line(9, validClaim('claim-c', 'case-a', 'doc-a'));
    const dir = await v5DataDir(journal);
    const original = await readFile(path.join(dir, STORE_FILE));

    const store = await openMigrated(dir, 5, original, Buffer.from(journal));
    expect(store.journalSeq).toBe(9);
    expect(store.get('claims', 'claim-a')?.text).toBe('Edited after the snapshot');
    expect(store.get('claims', 'claim-c')).toBeDefined();
    expect((await store.historyOf('claim-b')).map((h) => h.id)).toEqual(['h-b']);
    const manifest = ManifestSchema.parse(
      JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8')),
    );
    expect(manifest.foldedSeq).toBe(9);
    expect(manifest.texts).toEqual([hashText(TEXT)]);
    const keys = manifest.segments.map((s) => s.key);
    expect(keys.filter((k) => !k.startsWith('history/')).sort()).toEqual([
      'cases/-/0',
      'claims/case-a/0',
      'claims/case-b/0',
      'documents/case-a/0',
      'documents/case-b/0',
    ]);
    const historyParts = keys.filter((k) => k.startsWith('history/'));
    expect(historyParts.length).toBeGreaterThanOrEqual(1);
    expect(historyParts.every((k) => /^history\/\d+\/0$/.test(k))).toBe(true);
    const files = (await readdir(path.join(dir, SEGMENTS_DIR))).sort();
    expect(files).toEqual(manifest.segments.map((s) => `${s.hash}.json`).sort());

    const expected: Snapshot = SnapshotSchema.parse(
      migrate({
        ...v5Raw(),
        claims: [
          edited,
          validClaim('claim-b', 'case-b', 'doc-b'),
          validClaim('claim-c', 'case-a', 'doc-a'),
        ],
        journalSeq: 9,
      }).raw,
    );
    await reopenConverted(store, expected);
  });

  it('converts again after a crash mid-conversion, keeping one copy of the old files', async () => {
    const journal = line(8, validClaim('claim-c', 'case-a', 'doc-a'));
    const dir = await v5DataDir(journal);
    const original = await readFile(path.join(dir, STORE_FILE));
    // The first attempt kept the old files, then died before its manifest replaced them.
    await keepLegacyFiles(
      dir,
      path.join(dir, STORE_FILE),
      path.join(dir, BACKUPS_DIR),
      5,
      new Date(Date.UTC(2025, 0, 1)),
    );
    await mkdir(path.join(dir, SEGMENTS_DIR));
    await writeFile(path.join(dir, SEGMENTS_DIR, `${'0'.repeat(64)}.json`), '{"half a segm');
    await writeFile(path.join(dir, BACKUPS_DIR, '.claimdesk-v5-partial.json.123.1.tmp'), '{"half');

    const store = await openMigrated(dir, 5, original, Buffer.from(journal));
    expect(store.get('claims', 'claim-c')).toBeDefined();
    // The leftovers of the crash are gone: a stray segment, a temp copy.
    expect(await readdir(path.join(dir, SEGMENTS_DIR))).not.toContain(`${'0'.repeat(64)}.json`);
    expect((await readdir(path.join(dir, BACKUPS_DIR))).filter((n) => n.endsWith('.tmp'))).toEqual(
      [],
    );
    await store.close();
  });

  it('restores the kept version 5 copy (with its journal), converting it again', async () => {
    const journal = line(8, validClaim('claim-c', 'case-a', 'doc-a'));
    const dir = await v5DataDir(journal);
    const converted = await openStore(dir, { idleFoldMs: 0 });
    await converted.close();
    const [copy] = await preMigrationCopies(dir);
    await writeFile(path.join(dir, STORE_FILE), 'damaged');

    await restoreBackup(dir, copy ?? '');
    expect(await readFile(path.join(dir, LEGACY_JOURNAL_FILE), 'utf8')).toBe(journal);
    const store = await openStore(dir, { idleFoldMs: 0 });
    expect(store.report.migratedFrom).toBe(5);
    expect(store.get('claims', 'claim-c')).toBeDefined();
    expect(store.count('claims')).toBe(3);
    expect(await preMigrationCopies(dir)).toEqual([copy]);
    await store.close();
  });
});
