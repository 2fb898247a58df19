/**
 * The v6 store: an edit is acknowledged once its journal line is on disk; a fold writes the
 * buckets that changed as segments and replaces the manifest; the journal is replayed after
 * a crash (a torn last line dropped); history lives in segment parts, read per claim.
 */
import { createHash } from 'node:crypto';
import { appendFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleChildStore, killAllChildStores, startChildStore } from '../testing/childStore';
import { validCase, validClaim, validDocument, validHistory } from '../testing/records';
import { del, edit, put, putCase, storeHarness } from '../testing/stores';
import { journalLines, readOrNull, tempDirs } from '../testing/tempDir';
import { historyBucketOf } from './historyLog';
import { ManifestSchema, type Manifest } from './manifest';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { JOURNAL_DIR, LOCK_FILE, SEGMENTS_DIR, STORE_FILE, type Store } from './store';

const stores = storeHarness();
const bundleDirs = tempDirs('claimdesk-bundle-');
/** A child process running the Store, so that a crash can be a real SIGKILL. */
let childScript = '';

beforeAll(async () => {
  childScript = await bundleChildStore(await bundleDirs.make());
}, 60_000);
afterAll(() => bundleDirs.cleanup());
afterEach(async () => {
  await killAllChildStores();
  await stores.cleanup();
});

const manifestOf = async (dir: string): Promise<Manifest> =>
  ManifestSchema.parse(JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8')));
const segmentFiles = async (dir: string): Promise<string[]> =>
  (await readdir(path.join(dir, SEGMENTS_DIR))).filter((n) => n.endsWith('.json')).sort();
const seqs = async (dir: string): Promise<number[]> =>
  (await journalLines(dir)).map((l) => (JSON.parse(l) as { seq: number }).seq);
/**
 * A closed store of `count` cases with one claim each: a claim bucket per case, so that the
 * next open loads its claims in the background.
 */
async function oneClaimPerCase(count: number): Promise<string> {
  const dir = await stores.dir();
  const first = await stores.open(dir);
  const text = 'shared text';
  await first.texts.put(text);
  for (let i = 0; i < count; i++) {
    const id = `c${i}`;
    await edit(
      first,
      put('cases', validCase(id)),
      put('documents', validDocument(`d-${id}`, id, text)),
      put('claims', validClaim(`k-${id}`, id, `d-${id}`)),
    );
  }
  await first.close();
  return dir;
}

/** A promise and the function that settles it, for holding a step of the store. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

describe('Store: edits and the journal', () => {
  it('creates claimdesk.json as an empty manifest on open', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    expect(store.report).toEqual({ created: true, migratedFrom: null, recovered: null });
    const manifest = await manifestOf(dir);
    expect(manifest).toMatchObject({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      format: 'claimdesk-store',
      foldedSeq: 0,
      segments: [],
      restoredFrom: null,
      texts: [],
    });
    expect((await readdir(dir)).sort()).toEqual(
      [JOURNAL_DIR, SEGMENTS_DIR, STORE_FILE, 'texts'].sort(),
    );
  });

  it('has an edit in the journal on disk once mutate resolves, not yet in a segment', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    await putCase(store, 'case-journaled', 'Journaled title');
    const lines = await journalLines(dir);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        seq: 1,
        ops: [
          {
            type: 'put',
            collection: 'cases',
            value: validCase('case-journaled', { title: 'Journaled title' }),
          },
        ],
      },
    ]);
    // One edit costs one appended line: no segment, no new manifest.
    expect(await segmentFiles(dir)).toEqual([]);
    expect((await manifestOf(dir)).foldedSeq).toBe(0);
  });

  it('gives an identical snapshot() after close and reopen, the journal folded away', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    for (const id of ['a', 'b', 'c']) await putCase(store, id);
    await edit(store, del('cases', 'b'));
    const before = await store.snapshot();
    await store.close();
    expect(await journalLines(dir)).toEqual([]);
    expect((await manifestOf(dir)).foldedSeq).toBe(4);

    const reopened = await stores.open(dir);
    expect(await reopened.snapshot()).toEqual(before);
    expect(reopened.list('cases').map((c) => c.id)).toEqual(['a', 'c']);
  });

  it('replays the journal when reopened after a crash (SIGKILL, no close)', async () => {
    const dir = await stores.dir();
    const crashed = await startChildStore(childScript, dir, 'a process about to crash');
    await crashed.put('x');
    await crashed.put('y', 'Renamed later');
    await crashed.kill();
    // The manifest never saw these edits; only the journal did.
    expect((await manifestOf(dir)).foldedSeq).toBe(0);
    expect(await journalLines(dir)).toHaveLength(2);
    expect(await readOrNull(path.join(dir, LOCK_FILE))).not.toBeNull();

    const reopened = await stores.open(dir);
    expect(reopened.list('cases')).toEqual([
      validCase('x'),
      validCase('y', { title: 'Renamed later' }),
    ]);
    expect(reopened.journalSeq).toBe(2);
    // Replayed edits are folded soon, so the next start has little to replay.
    await reopened.folder.fold();
    expect((await manifestOf(dir)).foldedSeq).toBe(2);
  });

  it('ignores a torn last journal line and opens; the next edit goes to a new generation', async () => {
    const dir = await stores.dir();
    const crashed = await startChildStore(childScript, dir, 'a process about to crash');
    await crashed.put('kept');
    await crashed.kill();
    const [generation] = await readdir(path.join(dir, JOURNAL_DIR));
    const torn = JSON.stringify({ seq: 2, ops: [put('cases', validCase('torn'))] });
    await appendFile(
      path.join(dir, JOURNAL_DIR, generation ?? ''),
      torn.slice(0, Math.floor(torn.length / 2)),
    );

    const reopened = await stores.open(dir, { progressive: false });
    expect(reopened.list('cases').map((c) => c.id)).toEqual(['kept']);
    expect(reopened.get('cases', 'torn')).toBeUndefined();
    await putCase(reopened, 'after');
    // Never appended after the torn line: a new generation, numbered on from the last ack.
    const generations = await readdir(path.join(dir, JOURNAL_DIR));
    expect(generations.length).toBeGreaterThan(1);
    const last = await readFile(
      path.join(dir, JOURNAL_DIR, generations.sort().at(-1) ?? ''),
      'utf8',
    );
    expect((JSON.parse(last.trim().split('\n').at(-1) ?? '') as { seq: number }).seq).toBe(2);
  });

  it('serialises 50 concurrent read-modify-write edits without losing one', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    await edit(store, put('cases', validCase('counter', { question: '0' })));
    const increments = Array.from({ length: 50 }, () =>
      store.mutate(async () => {
        const current = store.get('cases', 'counter');
        if (!current) throw new Error('counter missing');
        // Yield inside the plan: an unserialised store would interleave here.
        await Promise.resolve();
        const next = Number(current.question) + 1;
        return { ops: [put('cases', { ...current, question: String(next) })], result: next };
      }),
    );
    expect(await Promise.all(increments)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(store.get('cases', 'counter')?.question).toBe('50');
    expect(await seqs(dir)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    await store.close();

    const reopened = await stores.open(dir);
    expect(reopened.get('cases', 'counter')?.question).toBe('50');
  });

  it('refuses an op with an invalid record and writes nothing to the journal', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    await expect(edit(store, put('cases', validCase('bad', { title: '' })))).rejects.toThrow(
      /refusing to store an invalid cases record: title/,
    );
    expect(await journalLines(dir)).toEqual([]);
    expect(store.list('cases')).toEqual([]);
    // The queue is not stuck: the next edit still goes through.
    await putCase(store, 'good');
    expect(await journalLines(dir)).toHaveLength(1);
  });

  it('stores document texts under texts/<sha256>.txt, never in the manifest or a segment', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    const text = 'A long article body that must not live in the hot JSON. Захарова 🇷🇺.';
    const hash = await store.texts.put(text);
    expect(hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(await readFile(path.join(dir, 'texts', `${hash}.txt`), 'utf8')).toBe(text);
    expect(await store.texts.put(text)).toBe(hash);
    await putCase(store, 'case-1');
    await edit(store, put('documents', validDocument('doc-1', 'case-1', text)));
    await store.close();
    expect((await manifestOf(dir)).texts).toEqual([hash]);
    const written = await Promise.all(
      (await segmentFiles(dir)).map((n) => readFile(path.join(dir, SEGMENTS_DIR, n), 'utf8')),
    );
    expect(written.join('\n')).toContain(hash);
    expect(written.join('\n')).not.toContain('hot JSON');
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).not.toContain('hot JSON');
    expect(await readdir(path.join(dir, 'texts'))).toEqual([`${hash}.txt`]);
  });
});

describe('Store: folds', () => {
  /** Three cases with a document each: buckets cases/-/0 and documents/<case>/0 x 3. */
  async function threeCases(store: Store): Promise<void> {
    for (const id of ['c1', 'c2', 'c3']) {
      const text = `text of ${id}`;
      await store.texts.put(text);
      await putCase(store, id);
      await edit(store, put('documents', validDocument(`d-${id}`, id, text)));
    }
  }

  it('writes only the buckets that changed: one new segment for one edited document', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    await threeCases(store);
    await store.folder.fold();
    const before = await manifestOf(dir);
    const filesBefore = await segmentFiles(dir);
    expect(before.segments.map((s) => s.key).sort()).toEqual(
      ['cases/-/0', 'documents/c1/0', 'documents/c2/0', 'documents/c3/0'].sort(),
    );
    expect(filesBefore).toHaveLength(4);

    const doc = store.get('documents', 'd-c2');
    if (!doc) throw new Error('no document');
    await edit(store, put('documents', { ...doc, title: 'Retitled' }));
    await store.folder.fold();
    const after = await manifestOf(dir);
    const hashOf = (m: Manifest, key: string) => m.segments.find((s) => s.key === key)?.hash;
    for (const key of ['cases/-/0', 'documents/c1/0', 'documents/c3/0']) {
      expect(hashOf(after, key), key).toBe(hashOf(before, key));
    }
    expect(hashOf(after, 'documents/c2/0')).not.toBe(hashOf(before, 'documents/c2/0'));
    const filesAfter = await segmentFiles(dir);
    // One file written, the one it replaces let go, the other three untouched.
    expect(filesAfter.filter((f) => !filesBefore.includes(f))).toEqual([
      `${hashOf(after, 'documents/c2/0')}.json`,
    ]);
    expect(filesBefore.filter((f) => !filesAfter.includes(f))).toEqual([
      `${hashOf(before, 'documents/c2/0')}.json`,
    ]);
    // A fold with nothing changed writes nothing at all.
    await store.folder.fold();
    expect(await manifestOf(dir)).toEqual(after);
  });

  it('answers an edit while a fold is held in its segment writing (only the cut is in the queue)', async () => {
    const dir = await stores.dir();
    const held = gate();
    const reached = gate();
    const events: string[] = [];
    let holding = false;
    const store = await stores.open(dir, {
      beforeSegmentWrite: async () => {
        if (!holding) return;
        holding = false;
        reached.open();
        await held.wait;
      },
    });
    await threeCases(store);
    holding = true;
    const folding = store.folder.fold().then(() => events.push('fold done'));
    await reached.wait;
    // The fold has taken its cut and is stuck writing a segment: an edit goes through.
    await putCase(store, 'during-fold').then(() => events.push('edit acknowledged'));
    expect(events).toEqual(['edit acknowledged']);
    held.open();
    await folding;
    expect(events).toEqual(['edit acknowledged', 'fold done']);
    // The edit came after the cut: it is in the journal, not in what the fold wrote.
    expect((await manifestOf(dir)).foldedSeq).toBe(6);
    await store.close();
    const reopened = await stores.open(dir);
    expect(reopened.get('cases', 'during-fold')).toEqual(validCase('during-fold'));
  });

  it('runs one fold at a time when several ask while one is under way, losing no edit', async () => {
    const dir = await stores.dir();
    const held = gate();
    const reached = gate();
    let holding = false;
    const store = await stores.open(dir, {
      beforeSegmentWrite: async () => {
        if (!holding) return;
        holding = false;
        reached.open();
        await held.wait;
      },
    });
    await threeCases(store);
    holding = true;
    const first = store.folder.fold();
    await reached.wait;
    await putCase(store, 'c2', 'Changed while the first fold writes');
    const more = [store.folder.fold(), store.folder.fold(), store.folder.fold()];
    held.open();
    await Promise.all([first, ...more]);
    expect((await manifestOf(dir)).foldedSeq).toBe(7);
    await store.close();
    const reopened = await stores.open(dir);
    expect(reopened.get('cases', 'c2')?.title).toBe('Changed while the first fold writes');
    expect(reopened.list('cases')).toHaveLength(3);
  });

  it('does not cut while claims still load in the background: no bucket falls out', async () => {
    // Forty claim buckets, parsed a turn apart after the next open (far more turns than the
    // cut's own file work takes).
    const dir = await oneClaimPerCase(40);

    const reopened = await stores.open(dir);
    expect(reopened.loading).not.toBeNull();
    const before = await readFile(path.join(dir, STORE_FILE), 'utf8');
    const generations = await readdir(path.join(dir, JOURNAL_DIR));
    // Held past the end of the loading, so the test does not depend on how fast it runs.
    const held = gate();
    const loaded = reopened.ready;
    reopened.ready = loaded.then(() => held.wait);
    reopened.folder.markUnwritten();
    const folding = reopened.folder.fold();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // No cut yet: no new journal generation, the manifest as it was.
    expect(await readdir(path.join(dir, JOURNAL_DIR))).toEqual(generations);
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe(before);
    held.open();
    await folding;
    expect(reopened.loading).toBeNull();
    const manifest = await manifestOf(dir);
    expect(manifest.segments.filter((s) => s.collection === 'claims')).toHaveLength(40);
    await reopened.close();
    const again = await stores.open(dir, { progressive: false });
    expect(again.count('claims')).toBe(40);
  });
});

describe('Store: a background loading held back (loadAfter)', () => {
  it('loads nothing until a call needs the claims, then everything', async () => {
    const dir = await oneClaimPerCase(3);
    const never = new Promise<void>(() => undefined);
    const reopened = await stores.open(dir, { loadAfter: never });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reopened.count('claims')).toBe(0);
    reopened.needsClaims();
    await reopened.ready;
    expect(reopened.count('claims')).toBe(3);
  });

  it('closes without waiting for the time the loading was held back to', async () => {
    const dir = await oneClaimPerCase(3);
    const reopened = await stores.open(dir, { loadAfter: new Promise<void>(() => undefined) });
    await reopened.close();
    expect(reopened.isClosed).toBe(true);
  });
});

describe('Store: history', () => {
  /** Claims whose history falls into two different buckets, the first bucket read first. */
  function twoBuckets(): [string, string] {
    const ids = Array.from({ length: 40 }, (_, i) => `claim-${i}`);
    const a = ids[0] ?? '';
    const b = ids.find((id) => historyBucketOf(id) !== historyBucketOf(a)) ?? '';
    return historyBucketOf(a) < historyBucketOf(b) ? [a, b] : [b, a];
  }

  async function withClaims(store: Store, claims: readonly string[]): Promise<void> {
    const text = 'text of the case';
    await store.texts.put(text);
    await putCase(store, 'c');
    await edit(store, put('documents', validDocument('d', 'c', text)));
    for (const id of claims) await edit(store, put('claims', validClaim(id, 'c', 'd')));
  }

  it('keeps every entry across folds and restarts, read per claim, oldest first', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    const [a, b] = twoBuckets();
    await withClaims(store, [a, b]);
    await edit(store, put('history', validHistory('h-a0', a, 0)));
    await edit(store, put('history', validHistory('h-b0', b, 0)));
    await store.folder.fold();
    await edit(store, put('history', validHistory('h-a1', a, 1)));
    // One entry folded, one only in the journal: both are its history.
    expect((await store.historyOf(a)).map((h) => h.id)).toEqual(['h-a0', 'h-a1']);
    await store.folder.fold();
    await edit(store, put('history', validHistory('h-a2', a, 2)));
    await store.close();
    expect((await manifestOf(dir)).segments.filter((s) => s.collection === 'history').length).toBe(
      2,
    );

    const reopened = await stores.open(dir);
    expect((await reopened.historyOf(a)).map((h) => h.id)).toEqual(['h-a0', 'h-a1', 'h-a2']);
    expect((await reopened.historyOf(b)).map((h) => h.id)).toEqual(['h-b0']);
    expect(await reopened.historyOf('no-such-claim')).toEqual([]);
    // History is never held in memory as a whole: only the part being read.
    expect((await reopened.snapshot()).history.map((h) => h.id)).toEqual([
      'h-a0',
      'h-a1',
      'h-a2',
      'h-b0',
    ]);
  });

  it('keeps a part a reader is still reading until the next fold (no read of a deleted part)', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    const [a, b] = twoBuckets();
    await withClaims(store, [a, b]);
    await edit(store, put('history', validHistory('h-a0', a, 0)));
    await edit(store, put('history', validHistory('h-b0', b, 0)));
    await store.folder.fold();
    const partOf = async (claimId: string) =>
      (await manifestOf(dir)).segments.find(
        (s) => s.key === `history/${historyBucketOf(claimId)}/0`,
      )?.hash ?? '';
    const oldPart = `${await partOf(b)}.json`;

    // A reader, halfway through: it has read a's part and not yet b's.
    const reader = store.history.entries(() => true);
    const firstBatch = await reader.next();
    expect(firstBatch.value).toEqual([validHistory('h-a0', a, 0)]);
    // Meanwhile a fold rewrites b's part (its last part takes the new entry).
    await edit(store, put('history', validHistory('h-b1', b, 1)));
    await store.folder.fold();
    expect(`${await partOf(b)}.json`).not.toBe(oldPart);
    expect(await segmentFiles(dir)).toContain(oldPart);
    const rest: string[] = [];
    for (let next = await reader.next(); !next.done; next = await reader.next()) {
      rest.push(...next.value.map((h) => h.id));
    }
    // What the reader saw is the history as of its start, read from the old part.
    expect(rest).toEqual(['h-b0']);
    // Once it is done, the next fold lets the old part go.
    await edit(store, put('history', validHistory('h-a1', a, 1)));
    await store.folder.fold();
    expect(await segmentFiles(dir)).not.toContain(oldPart);
  });
});
