/** Store.open on damaged, foreign or too new data: refuse, say why, touch nothing. */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validCase } from '../testing/records';
import { readOrNull, readTree, tempDirs } from '../testing/tempDir';
import { StoreError, type StoreErrorKind } from './errors';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { JOURNAL_FILE, STORE_FILE, Store } from './store';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const OWNER = { owner: 'the store test' };

/** Opens a store and expects a StoreError of `kind`; returns it. */
async function openFails(dir: string, kind: StoreErrorKind): Promise<StoreError> {
  const error: unknown = await Store.open(dir, OWNER).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  if (!(error instanceof StoreError)) throw new Error('unreachable');
  expect(error.kind).toBe(kind);
  return error;
}

describe('Store.open on data it cannot use', () => {
  it('refuses a damaged middle journal line as corrupt and leaves the files byte-identical', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir, OWNER);
    await store.close();
    const entry = (seq: number, id: string) =>
      JSON.stringify({ seq, ops: [{ type: 'put', collection: 'cases', value: validCase(id) }] });
    await writeFile(
      path.join(dir, JOURNAL_FILE),
      `${entry(1, 'one')}\n{"seq":2,"ops":[{"ty\n${entry(3, 'three')}\n`,
    );
    const before = await readTree(dir);

    const error = await openFails(dir, 'corrupt');
    expect(error.message).toContain('line 2');
    expect(error.message).toContain(JOURNAL_FILE);
    expect(await readTree(dir)).toEqual(before);
  });

  it('refuses a claimdesk.json that is not JSON as corrupt, leaving it as it is', async () => {
    const dir = await dirs.make();
    const bytes = Buffer.from('{"schemaVersion":2,"cases":[{"id":"x", \u0000 oops');
    await writeFile(path.join(dir, STORE_FILE), bytes);
    const error = await openFails(dir, 'corrupt');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.message).toMatch(/left exactly as it is/);
    expect(error.file).toBe(path.join(dir, STORE_FILE));
    expect(await readFile(path.join(dir, STORE_FILE))).toEqual(bytes);
    expect(await readOrNull(path.join(dir, JOURNAL_FILE))).toBeNull();
  });

  it('refuses valid JSON of the wrong shape as invalid, leaving it as it is', async () => {
    const shapes = [
      '[1, 2, 3]',
      '"a string"',
      '{"schemaVersion": "two"}',
      '{"schemaVersion":2,"journalSeq":0,"cases":[{"id":"x","title":""}],"documents":[],"claims":[]}',
      '{"schemaVersion":2,"journalSeq":0,"cases":"none","documents":[],"claims":[]}',
    ];
    for (const text of shapes) {
      const dir = await dirs.make();
      await writeFile(path.join(dir, STORE_FILE), text);
      const error = await openFails(dir, 'invalid');
      expect(error.message).toMatch(/left as it is/);
      expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe(text);
    }
  });

  it('refuses schemaVersion 99 as too_new, naming both versions, and writes no file', async () => {
    const dir = await dirs.make();
    const text = '{"schemaVersion":99,"journalSeq":0,"cases":[],"future":true}';
    await writeFile(path.join(dir, STORE_FILE), text);
    const error = await openFails(dir, 'too_new');
    expect(error.message).toContain('store version 99');
    expect(error.message).toContain(`up to ${CURRENT_SCHEMA_VERSION}`);
    expect(error.message).toContain('Nothing was written');
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe(text);
    // No journal, lock, backup or folder is left behind: the store file alone, unchanged.
    expect([...(await readTree(dir)).keys()]).toEqual([STORE_FILE]);
    expect((await readdir(dir)).sort()).toEqual([STORE_FILE]);
  });

  // Regression: a file holding the JSON text `null` was once taken for a missing store and
  // overwritten (with the sample case seeded into it) instead of refused as invalid.
  it('refuses a claimdesk.json holding the JSON value null, leaving it as it is', async () => {
    const dir = await dirs.make();
    await writeFile(path.join(dir, STORE_FILE), 'null');
    await openFails(dir, 'invalid');
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe('null');
  });
});
