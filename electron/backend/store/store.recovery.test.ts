/** openStore on damaged, foreign, missing or too new data: refuse, say why, touch nothing. */
import { mkdir, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validCase, validClaim, validDocument, validHistory } from '../testing/records';
import { edit, put, putCase, storeHarness } from '../testing/stores';
import { readTree } from '../testing/tempDir';
import { StoreError, type StoreErrorKind } from './errors';
import { ManifestSchema } from './manifest';
import { openStore } from './openStore';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { BACKUPS_DIR, JOURNAL_DIR, SEGMENTS_DIR, STORE_FILE, TEXTS_DIR } from './store';

const stores = storeHarness();
afterEach(() => stores.cleanup());

/** Opens a store and expects a StoreError of `kind`; returns it. */
async function openFails(dir: string, kind: StoreErrorKind): Promise<StoreError> {
  const error: unknown = await openStore(dir, { idleFoldMs: 0 }).then(
    async (store) => {
      await store.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  if (!(error instanceof StoreError)) throw new Error('unreachable');
  expect(error.kind, error.message).toBe(kind);
  return error;
}

/** A closed store holding two cases, folded into segments, with a backup. */
async function closedStore(): Promise<string> {
  const dir = await stores.dir();
  const store = await stores.open(dir);
  await putCase(store, 'one');
  await putCase(store, 'two');
  await store.close();
  return dir;
}

describe('openStore on data it cannot use', () => {
  it('refuses a damaged middle journal line as corrupt and leaves the files byte-identical', async () => {
    const dir = await closedStore();
    const entry = (seq: number, id: string) =>
      JSON.stringify({ seq, ops: [{ type: 'put', collection: 'cases', value: validCase(id) }] });
    const file = path.join(dir, JOURNAL_DIR, '00000009.jsonl');
    await writeFile(file, `${entry(3, 'three')}\n{"seq":4,"ops":[{"ty\n${entry(5, 'five')}\n`);
    const before = await readTree(dir);

    const error = await openFails(dir, 'corrupt');
    expect(error.message).toContain('line 2');
    expect(error.message).toContain(file);
    expect(error.file).toBe(file);
    expect(await readTree(dir)).toEqual(before);
  });

  it('refuses a claimdesk.json that is not JSON as corrupt, leaving it as it is', async () => {
    const dir = await stores.dir();
    const bytes = Buffer.from('{"schemaVersion":6,"segments":[{"key":"x", \u0000 oops');
    await writeFile(path.join(dir, STORE_FILE), bytes);
    const error = await openFails(dir, 'corrupt');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.message).toMatch(/left exactly as it is/);
    expect(error.file).toBe(path.join(dir, STORE_FILE));
    expect(await readFile(path.join(dir, STORE_FILE))).toEqual(bytes);
    expect(await readdir(path.join(dir, JOURNAL_DIR)).catch(() => [])).toEqual([]);
  });

  it('refuses valid JSON of the wrong shape as invalid, leaving it as it is', async () => {
    const shapes = [
      '[1, 2, 3]',
      '"a string"',
      '{"schemaVersion": "two"}',
      // An older store whose records do not validate.
      '{"schemaVersion":2,"journalSeq":0,"cases":[{"id":"x","title":""}],"documents":[],"claims":[]}',
      '{"schemaVersion":2,"journalSeq":0,"cases":"none","documents":[],"claims":[]}',
      // A manifest that is not one.
      '{"schemaVersion":6,"format":"claimdesk-store","foldedSeq":-1,"journalFrom":1,"foldedAt":"","segments":[]}',
      '{"schemaVersion":6,"format":"something else","foldedSeq":0,"journalFrom":1,"foldedAt":"","segments":[]}',
    ];
    for (const text of shapes) {
      const dir = await stores.dir();
      await writeFile(path.join(dir, STORE_FILE), text);
      const error = await openFails(dir, 'invalid');
      expect(error.message).toMatch(/left as it is/);
      expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe(text);
    }
  });

  it('refuses a manifest naming one bucket twice as invalid', async () => {
    const dir = await closedStore();
    const manifest = ManifestSchema.parse(
      JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8')),
    );
    const [first] = manifest.segments;
    if (!first) throw new Error('no segment');
    const text = JSON.stringify({ ...manifest, segments: [first, first] });
    await writeFile(path.join(dir, STORE_FILE), text);
    const error = await openFails(dir, 'invalid');
    expect(error.message).toContain(first.key);
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe(text);
  });

  it('refuses a damaged or missing segment as corrupt, naming it, and changes nothing', async () => {
    const dir = await closedStore();
    const [segment] = (await readdir(path.join(dir, SEGMENTS_DIR))).filter((n) =>
      n.endsWith('.json'),
    );
    const file = path.join(dir, SEGMENTS_DIR, segment ?? '');
    const bytes = await readFile(file);
    await writeFile(file, Buffer.concat([bytes.subarray(0, bytes.length - 2), Buffer.from('}}')]));
    const damagedTree = await readTree(dir);
    const damaged = await openFails(dir, 'corrupt');
    expect(damaged.message).toContain(file);
    expect(damaged.message).toMatch(/no longer matches its checksum/);
    expect(await readTree(dir)).toEqual(damagedTree);

    await rm(file);
    const missingTree = await readTree(dir);
    const missing = await openFails(dir, 'corrupt');
    expect(missing.message).toMatch(/is missing/);
    expect(missing.file).toBe(file);
    expect(await readTree(dir)).toEqual(missingTree);
  });

  it('refuses a damaged history part as the store loads, not at the first read of a claim history', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    const text = 'text';
    await store.texts.put(text);
    await edit(
      store,
      put('cases', validCase('c')),
      put('documents', validDocument('d', 'c', text)),
      put('claims', validClaim('k', 'c', 'd')),
      put('history', validHistory('h', 'k', 0)),
    );
    await store.close();
    const manifest = ManifestSchema.parse(
      JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8')),
    );
    const part = manifest.segments.find((s) => s.collection === 'history');
    if (!part) throw new Error('no history part');
    const file = path.join(dir, SEGMENTS_DIR, `${part.hash}.json`);
    await truncate(file, 10);
    const tree = await readTree(dir);
    // After a clean close the claims and history load in the background: the damage is found
    // there, `ready` rejects (the session then offers recovery), and nothing is written.
    const opened = await openStore(dir, { idleFoldMs: 0 });
    const error: unknown = await opened.ready.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    if (!(error instanceof StoreError)) throw new Error('unreachable');
    expect(error.kind).toBe('corrupt');
    expect(error.file).toBe(file);
    expect(error.message).toMatch(/no longer matches its checksum/);
    await opened.close();
    expect(await readTree(dir)).toEqual(tree);
    // Read in full at open (no background loading), it is refused at open.
    const refused = await openStore(dir, { idleFoldMs: 0, progressive: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StoreError);
  });

  it('refuses a damaged claims segment as the claims load in the background, writing nothing', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    await store.texts.put('text');
    await edit(
      store,
      put('cases', validCase('c')),
      put('documents', validDocument('d', 'c', 'text')),
      put('claims', validClaim('k', 'c', 'd')),
    );
    await store.close();
    const manifest = ManifestSchema.parse(
      JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8')),
    );
    const bucket = manifest.segments.find((s) => s.collection === 'claims');
    if (!bucket) throw new Error('no claims segment');
    const file = path.join(dir, SEGMENTS_DIR, `${bucket.hash}.json`);
    await truncate(file, 10);
    const tree = await readTree(dir);
    const opened = await openStore(dir, { idleFoldMs: 0 });
    // An edit waits for the loading, and fails with it: nothing reaches the journal.
    const edited = await edit(opened, put('cases', validCase('other'))).then(
      () => null,
      (e: unknown) => e,
    );
    expect(edited).toBeInstanceOf(StoreError);
    const error = await opened.ready.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBe(edited);
    await opened.close();
    expect(await readTree(dir)).toEqual(tree);
  });

  it('refuses schemaVersion 99 as too_new, naming both versions, and writes no file', async () => {
    const dir = await stores.dir();
    const text = '{"schemaVersion":99,"journalSeq":0,"cases":[],"future":true}';
    await writeFile(path.join(dir, STORE_FILE), text);
    const error = await openFails(dir, 'too_new');
    expect(error.message).toContain('store version 99');
    expect(error.message).toContain(`up to ${CURRENT_SCHEMA_VERSION}`);
    expect(error.message).toContain('Nothing was written');
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe(text);
    // No journal, backup or folder is left behind: the store file alone, unchanged.
    expect(await readdir(dir)).toEqual([STORE_FILE]);
  });

  // Regression: a file holding the JSON text `null` was once taken for a missing store and
  // overwritten (with the sample case seeded into it) instead of refused as invalid.
  it('refuses a claimdesk.json holding the JSON value null, leaving it as it is', async () => {
    const dir = await stores.dir();
    await writeFile(path.join(dir, STORE_FILE), 'null');
    await openFails(dir, 'invalid');
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe('null');
  });
});

describe('openStore after a crash mid-write', () => {
  it('removes the temp files killed writes left, a set-aside folder included, and nothing else', async () => {
    const dir = await closedStore();
    const aside = 'claimdesk.damaged-2025-11-06T09-30-15-250Z';
    const temps = [
      '.claimdesk.json.123.4.tmp',
      `${SEGMENTS_DIR}/.${'a'.repeat(64)}.json.123.5.tmp`,
      `${TEXTS_DIR}/.${'b'.repeat(64)}.txt.123.6.tmp`,
      `${BACKUPS_DIR}/.claimdesk-2025-11-06T09-30-15.250Z.json.123.7.tmp`,
      `${aside}/.claimdesk.json.123.8.tmp`,
      `${aside}/${SEGMENTS_DIR}/.${'c'.repeat(64)}.json.123.9.tmp`,
    ];
    await mkdir(path.join(dir, aside, SEGMENTS_DIR), { recursive: true });
    await writeFile(path.join(dir, aside, STORE_FILE), 'the damaged manifest');
    // Another process racing for the lock writes its temp file before linking it: not ours.
    const lockTemp = '.claimdesk.lock.999.1.tmp';
    for (const name of [...temps, lockTemp]) await writeFile(path.join(dir, name), 'x');
    const store = await stores.open(dir);
    for (const name of temps) {
      expect(await readFile(path.join(dir, name)).catch(() => null), name).toBeNull();
    }
    expect(await readFile(path.join(dir, lockTemp), 'utf8')).toBe('x');
    expect(await readFile(path.join(dir, aside, STORE_FILE), 'utf8')).toBe('the damaged manifest');
    expect(store.list('cases')).toHaveLength(2);
  });
});

describe('openStore on a folder whose claimdesk.json is gone (issue 10)', () => {
  it('refuses as missing, naming what is left, when the journal, texts or backups are there', async () => {
    const remnants: [string, (dir: string) => Promise<void>][] = [
      ['its journal', async (dir) => writeFile(path.join(dir, JOURNAL_DIR, '00000003.jsonl'), '')],
      [
        'document texts',
        async (dir) => writeFile(path.join(dir, TEXTS_DIR, `${'a'.repeat(64)}.txt`), 'x'),
      ],
      [
        'backups',
        async (dir) =>
          writeFile(path.join(dir, BACKUPS_DIR, 'claimdesk-2025-11-01T00-00-00.000Z.json'), '{}'),
      ],
      [
        'its segments',
        async (dir) => writeFile(path.join(dir, SEGMENTS_DIR, `${'b'.repeat(64)}.json`), '{}'),
      ],
      ['its journal', async (dir) => writeFile(path.join(dir, 'claimdesk.journal'), '')],
    ];
    for (const [what, leave] of remnants) {
      const dir = await stores.dir();
      for (const folder of [JOURNAL_DIR, TEXTS_DIR, BACKUPS_DIR, SEGMENTS_DIR]) {
        await mkdir(path.join(dir, folder));
      }
      await leave(dir);
      const before = await readTree(dir);
      const error = await openFails(dir, 'missing');
      expect(error.message).toContain(what);
      expect(error.message).toContain('Nothing was created or changed');
      expect(error.file).toBe(path.join(dir, STORE_FILE));
      expect(await readTree(dir)).toEqual(before);
    }
  });

  it('refuses a whole store that lost only its claimdesk.json; empty folders alone make a new store', async () => {
    const dir = await closedStore();
    await rm(path.join(dir, STORE_FILE));
    const error = await openFails(dir, 'missing');
    expect(error.message).toMatch(/its segments.*backups|backups.*its segments/);

    const bare = await stores.dir();
    for (const folder of [JOURNAL_DIR, TEXTS_DIR, SEGMENTS_DIR]) {
      await mkdir(path.join(bare, folder));
    }
    const store = await stores.open(bare);
    expect(store.report.created).toBe(true);
  });
});
