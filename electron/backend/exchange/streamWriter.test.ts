import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobControl } from '../jobs/jobRunner';
import { BATCH, FileWriter, Progress, writeJsonArray } from './streamWriter';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function control(cancelAfter = Infinity): JobControl & { seen: number[] } {
  const seen: number[] = [];
  return {
    id: 'job',
    filePath: path.join(dir, 'out.json'),
    seen,
    progress: (done) => seen.push(done),
    check: () => {
      if ((seen.at(-1) ?? 0) >= cancelAfter) throw new Error('cancelled');
    },
  };
}

describe('writeJsonArray', () => {
  it('writes every item in order across many buffers, from a list or an async source', async () => {
    // Pieces of 10 KB: the 1 MB buffer goes to the file every hundred or so.
    const items = Array.from({ length: 1500 }, (_, i) => ({ i, pad: 'é'.repeat(5000) }));
    async function* later() {
      for (const item of items) yield await Promise.resolve(item);
    }
    for (const source of [items, later()]) {
      const file = path.join(dir, 'out.json');
      const out = new FileWriter(file);
      const c = control();
      const count = await writeJsonArray(out, source, (x) => x, new Progress(c, items.length));
      await out.close();
      expect(count).toBe(1500);
      const back = JSON.parse(await readFile(file, 'utf8')) as typeof items;
      expect(back.map((x) => x.i)).toEqual(items.map((x) => x.i));
      expect(back[1499]?.pad).toBe(items[1499]?.pad);
      // Progress is told once a batch.
      expect(c.seen).toEqual([0, BATCH, 2 * BATCH, 3 * BATCH]);
    }
  });

  it('takes a piece larger than its buffer, between smaller ones', async () => {
    const file = path.join(dir, 'big.json');
    const out = new FileWriter(file);
    const items = ['a', 'x'.repeat(3 * 1024 * 1024), 'b'];
    await writeJsonArray(out, items, (x) => x, null);
    await out.close();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(items);
  });

  it('stops at a cancel between batches', async () => {
    const out = new FileWriter(path.join(dir, 'cancelled.json'));
    const c = control(BATCH);
    const items = Array.from({ length: 3 * BATCH }, (_, i) => i);
    await expect(
      writeJsonArray(out, items, (x) => x, new Progress(c, items.length)),
    ).rejects.toThrow('cancelled');
    await out.close();
  });
});
