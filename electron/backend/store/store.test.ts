import { createHash } from 'node:crypto';
import { appendFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleChildStore, killAllChildStores, startChildStore } from '../testing/childStore';
import { readOrNull, tempDirs } from '../testing/tempDir';
import { T0, validCase } from '../testing/records';
import { COLLECTIONS } from './ops';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { JOURNAL_FILE, LOCK_FILE, STORE_FILE, Store } from './store';

const dirs = tempDirs();
const bundleDirs = tempDirs('claimdesk-bundle-');
/** A child process running the Store, so that a crash can be a real SIGKILL. */
let childScript = '';

beforeAll(async () => {
  childScript = await bundleChildStore(await bundleDirs.make());
}, 60_000);
afterAll(() => bundleDirs.cleanup());
afterEach(async () => {
  await killAllChildStores();
  await dirs.cleanup();
});

const OWNER = { owner: 'the store test' };

const journalLines = async (dir: string): Promise<string[]> =>
  (await readFile(path.join(dir, JOURNAL_FILE), 'utf8')).split('\n').filter((l) => l !== '');

const putCase = (store: Store, id: string, title = `Case ${id}`) =>
  store.mutate(() => ({
    ops: [{ type: 'put', collection: 'cases', value: validCase(id, { title }) }],
    result: id,
  }));

describe('Store', () => {
  it('creates claimdesk.json with an empty snapshot on open', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir, OWNER);
    expect(store.report).toEqual({ created: true, migratedFrom: null });
    const onDisk: unknown = JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8'));
    // Every collection, empty, whatever the schema version adds next.
    expect(onDisk).toEqual({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      journalSeq: 0,
      ...Object.fromEntries(COLLECTIONS.map((name) => [name, []])),
    });
    expect(Object.keys(onDisk as object)).toHaveLength(COLLECTIONS.length + 2);
    await store.close();
  });

  it('has an edit in the journal on disk once mutate resolves, not yet in claimdesk.json', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir, OWNER);
    await putCase(store, 'case-journaled', 'Journaled title');
    const lines = await journalLines(dir);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      seq: 1,
      ops: [
        {
          type: 'put',
          collection: 'cases',
          value: validCase('case-journaled', { title: 'Journaled title' }),
        },
      ],
    });
    // The snapshot is rewritten only on compaction, so one edit costs one appended line.
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).not.toContain('case-journaled');
    await store.close();
  });

  it('gives an identical snapshot() after close and reopen', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir, OWNER);
    for (const id of ['a', 'b', 'c']) await putCase(store, id);
    await store.mutate(() => ({
      ops: [{ type: 'delete', collection: 'cases', id: 'b' }],
      result: 0,
    }));
    const before = await store.snapshot();
    await store.close();
    expect(await journalLines(dir)).toEqual([]);

    const reopened = await Store.open(dir, OWNER);
    expect(reopened.snapshot()).toEqual(before);
    expect(reopened.list('cases').map((c) => c.id)).toEqual(['a', 'c']);
    await reopened.close();
  });

  it('replays the journal when reopened after a crash (SIGKILL, no close)', async () => {
    const dir = await dirs.make();
    const crashed = await startChildStore(childScript, dir, 'a process about to crash');
    await crashed.put('x');
    await crashed.put('y', 'Renamed later');
    await crashed.kill();
    // The snapshot on disk never saw these edits; only the journal did.
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).not.toContain('"x"');
    expect(await journalLines(dir)).toHaveLength(2);
    expect(await readOrNull(path.join(dir, LOCK_FILE))).not.toBeNull();

    const reopened = await Store.open(dir, OWNER);
    expect(reopened.list('cases')).toEqual([
      validCase('x'),
      validCase('y', { title: 'Renamed later' }),
    ]);
    expect(reopened.snapshot().journalSeq).toBe(2);
    await reopened.close();
  });

  it('ignores a torn last journal line and opens', async () => {
    const dir = await dirs.make();
    const crashed = await startChildStore(childScript, dir, 'a process about to crash');
    await crashed.put('kept');
    await crashed.kill();
    const torn = JSON.stringify({
      seq: 2,
      ops: [{ type: 'put', collection: 'cases', value: validCase('torn') }],
    });
    await appendFile(path.join(dir, JOURNAL_FILE), torn.slice(0, Math.floor(torn.length / 2)));

    const reopened = await Store.open(dir, OWNER);
    expect(reopened.list('cases').map((c) => c.id)).toEqual(['kept']);
    expect(reopened.get('cases', 'torn')).toBeUndefined();
    // The next edit gets the next number, after the last acknowledged one.
    await putCase(reopened, 'after');
    expect((await journalLines(dir)).map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([
      2,
    ]);
    await reopened.close();
  });

  it('serialises 50 concurrent read-modify-write edits without losing one', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir, OWNER);
    await store.mutate(() => ({
      ops: [{ type: 'put', collection: 'cases', value: validCase('counter', { question: '0' }) }],
      result: 0,
    }));
    const increments = Array.from({ length: 50 }, () =>
      store.mutate(async () => {
        const current = store.get('cases', 'counter');
        if (!current) throw new Error('counter missing');
        // Yield inside the plan: an unserialised store would interleave here.
        await Promise.resolve();
        const next = Number(current.question) + 1;
        return {
          ops: [
            { type: 'put', collection: 'cases', value: { ...current, question: String(next) } },
          ],
          result: next,
        };
      }),
    );
    const results = await Promise.all(increments);
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(store.get('cases', 'counter')?.question).toBe('50');
    const seqs = (await journalLines(dir)).map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    await store.close();

    const reopened = await Store.open(dir, OWNER);
    expect(reopened.get('cases', 'counter')?.question).toBe('50');
    await reopened.close();
  });

  it('refuses an op with an invalid record and writes nothing to the journal', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir, OWNER);
    const journalBefore = await readFile(path.join(dir, JOURNAL_FILE));
    await expect(
      store.mutate(() => ({
        ops: [{ type: 'put', collection: 'cases', value: validCase('bad', { title: '' }) }],
        result: null,
      })),
    ).rejects.toThrow(/refusing to store an invalid cases record: title/);
    expect(await readFile(path.join(dir, JOURNAL_FILE))).toEqual(journalBefore);
    expect(store.list('cases')).toEqual([]);
    // The queue is not stuck: the next edit still goes through.
    await putCase(store, 'good');
    expect(await journalLines(dir)).toHaveLength(1);
    await store.close();
  });

  it('stores document texts under texts/<sha256>.txt, not inside claimdesk.json', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir, OWNER);
    const text = 'A long article body that must not live in the hot JSON. Захарова 🇷🇺.';
    const hash = await store.texts.put(text);
    expect(hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(await readFile(path.join(dir, 'texts', `${hash}.txt`), 'utf8')).toBe(text);
    expect(await store.texts.put(text)).toBe(hash);
    await putCase(store, 'case-1');
    await store.mutate(() => ({
      ops: [
        {
          type: 'put',
          collection: 'documents',
          value: {
            id: 'doc-1',
            caseId: 'case-1',
            title: 'Article',
            outlet: '',
            url: '',
            publishedAt: '',
            format: 'paste',
            contentHash: hash,
            textLength: text.length,
            createdAt: T0,
          },
        },
      ],
      result: null,
    }));
    await store.close();
    const json = await readFile(path.join(dir, STORE_FILE), 'utf8');
    expect(json).toContain(hash);
    expect(json).not.toContain('hot JSON');
    expect(await readdir(path.join(dir, 'texts'))).toEqual([`${hash}.txt`]);
  });
});
