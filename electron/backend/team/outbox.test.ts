/**
 * The outbox of team cases (issue 14): what waits to be pushed survives a restart and a torn
 * last line, a record's edits are kept together, an acknowledgement drops exactly what the
 * database committed, and an edit journaled but not yet in the outbox when the process died
 * is caught when the journal is replayed.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/openStore';
import { validCase } from '../testing/records';
import { put, storeHarness } from '../testing/stores';
import { tempDirs } from '../testing/tempDir';
import { Capture } from './capture';
import { Outbox } from './outbox';

const dirs = tempDirs();
const stores = storeHarness();
afterEach(async () => {
  await stores.cleanup();
  await dirs.cleanup();
});

const rec = (title: string) => ({ id: 'k1', title });

describe('Outbox', () => {
  it('keeps a record’s edits together, with the base of the first one, across a restart', async () => {
    const file = path.join(await dirs.make(), 'outbox.jsonl');
    const outbox = Outbox.open(file);
    outbox.append(1, [
      { caseId: 'c', collection: 'cases', id: 'k1', base: rec('a'), value: rec('b') },
    ]);
    outbox.append(2, [
      { caseId: 'c', collection: 'cases', id: 'k1', base: rec('b'), value: rec('c') },
    ]);
    outbox.close();
    const again = Outbox.open(file);
    const [record] = again.waiting('c');
    expect(record?.base).toEqual(rec('a'));
    expect(record?.steps.map((s) => s.value)).toEqual([rec('b'), rec('c')]);
    expect(again.lastSeq).toBe(2);
    again.close();
  });

  it('ignores a torn last line: that edit was never acknowledged', async () => {
    const file = path.join(await dirs.make(), 'outbox.jsonl');
    const outbox = Outbox.open(file);
    outbox.append(1, [{ caseId: 'c', collection: 'cases', id: 'k1', base: null, value: rec('a') }]);
    outbox.close();
    await appendFile(file, '{"entry":{"n":2,"caseId":"c","coll');
    const again = Outbox.open(file);
    expect(again.count('c')).toBe(1);
    again.close();
  });

  it('drops what the database committed and rebases a record edited again meanwhile', async () => {
    const file = path.join(await dirs.make(), 'outbox.jsonl');
    const outbox = Outbox.open(file);
    outbox.append(1, [
      { caseId: 'c', collection: 'cases', id: 'k1', base: rec('a'), value: rec('b') },
    ]);
    outbox.append(2, [
      { caseId: 'c', collection: 'cases', id: 'k2', base: null, value: { id: 'k2' } },
    ]);
    // Pushed through n 2; then k1 is edited again before the answer is recorded.
    outbox.append(3, [
      { caseId: 'c', collection: 'cases', id: 'k1', base: rec('b'), value: rec('c') },
    ]);
    outbox.ack('c', 2);
    const check = (box: Outbox) => {
      const waiting = box.waiting('c');
      expect(waiting.map((r) => r.id)).toEqual(['k1']);
      expect(waiting[0]?.base).toEqual(rec('b'));
      expect(waiting[0]?.steps.map((s) => s.n)).toEqual([3]);
    };
    check(outbox);
    outbox.close();
    const again = Outbox.open(file);
    check(again);
    again.close();
  });

  it('compacts once nothing waits, and numbers go on after the compaction', async () => {
    const file = path.join(await dirs.make(), 'outbox.jsonl');
    const outbox = Outbox.open(file);
    const big = 'x'.repeat(2000);
    for (let i = 1; i <= 40; i++) {
      outbox.append(i, [
        { caseId: 'c', collection: 'cases', id: `k${i}`, base: null, value: { id: `k${i}`, big } },
      ]);
    }
    outbox.ack('c', 40);
    const text = await readFile(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1);
    outbox.close();
    const again = Outbox.open(file);
    expect(again.lastSeq).toBe(40);
    again.append(41, [
      { caseId: 'c', collection: 'cases', id: 'k', base: null, value: { id: 'k' } },
    ]);
    expect(again.waiting('c')[0]?.steps[0]?.n).toBe(41);
    again.close();
  });
});

describe('Capture', () => {
  it('puts an edit of a shared case in the outbox, and only of a shared case', async () => {
    const dir = await dirs.make();
    const outbox = Outbox.open(path.join(dir, 'outbox.jsonl'));
    const capture = new Capture(
      outbox,
      () => new Set(['shared']),
      () => undefined,
    );
    const store = await stores.open(dir, {
      onStore: (s) => capture.bind(s),
      onApply: [capture.apply],
      onCommit: [capture.commit],
    });
    await store.mutate(() => ({ ops: [put('cases', validCase('shared'))], result: null }));
    await store.mutate(() => ({ ops: [put('cases', validCase('mine'))], result: null }));
    await store.mutate(() => ({
      ops: [put('cases', validCase('shared', { title: 'From the team' }))],
      result: null,
      origin: 'team',
    }));
    expect(outbox.waiting('shared').map((r) => r.id)).toEqual(['shared']);
    expect(outbox.waiting('shared')[0]?.steps).toHaveLength(1);
    expect(outbox.waiting('mine')).toEqual([]);
    outbox.close();
  });

  it('catches, at the next start, an edit journaled before the process died without its outbox line', async () => {
    const dir = await dirs.make();
    const file = path.join(dir, 'outbox.jsonl');
    const first = Outbox.open(file);
    const capture = new Capture(
      first,
      () => new Set(['shared']),
      () => undefined,
    );
    // No fold, no close: the journal keeps the edits, as after a kill.
    const options = { foldAfterBytes: 1e12, idleFoldMs: 1e9 };
    const dying = await openStore(dir, {
      ...options,
      onStore: (s) => capture.bind(s),
      onApply: [capture.apply],
      onCommit: [capture.commit],
    });
    await dying.mutate(() => ({ ops: [put('cases', validCase('shared'))], result: null }));
    await dying.mutate(() => ({
      ops: [put('cases', validCase('shared', { title: 'Second' }))],
      result: null,
    }));
    first.close();
    // The process died after the second journal line and before its outbox line.
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    await writeFile(file, `${lines.slice(0, -1).join('\n')}\n`);
    const outbox = Outbox.open(file);
    expect(outbox.waiting('shared')[0]?.steps).toHaveLength(1);
    const again = new Capture(
      outbox,
      () => new Set(['shared']),
      () => undefined,
    );
    await stores.open(dir, {
      ...options,
      onStore: (s) => again.bind(s),
      onApply: [again.apply],
      onCommit: [again.commit],
    });
    const [record] = outbox.waiting('shared');
    expect(record?.steps.map((s) => (s.value as { title: string }).title)).toEqual([
      validCase('shared').title,
      'Second',
    ]);
    outbox.close();
  });
});
