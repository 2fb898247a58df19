import { describe, expect, it } from 'vitest';
import { loadInBackground, type LoadedSegment } from './loadQueue';
import type { SegmentRef } from './manifest';

const ref = (caseId: string, n: number, count: number): SegmentRef => ({
  collection: 'claims',
  key: `claims/${caseId}/${n}`,
  hash: '0'.repeat(64),
  count,
});

const records = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `c${i}` }));

describe('loadInBackground: waiting for a case’s claims', () => {
  it('wakes a call waiting for more of a case as its claims come, then says none will', async () => {
    let absorbed = 0;
    const load = loadInBackground(
      [ref('a', 0, 3000)],
      async (r) => ({ ref: r, bytes: Buffer.alloc(0) }),
      (_ref, _records, from, to) => {
        absorbed += to - from;
      },
      () => records(3000),
      () => undefined,
    );
    expect(await load.queue.moreOf('a')).toBe(true);
    expect(absorbed).toBeGreaterThan(0);
    await load.done;
    expect(absorbed).toBe(3000);
    expect(await load.queue.moreOf('a')).toBe(false);
  });

  it('does not leave a caller waiting when the loading stops on a damaged bucket', async () => {
    const load = loadInBackground(
      [ref('a', 0, 10), ref('a', 1, 10)],
      (r): Promise<LoadedSegment> =>
        r.key.endsWith('/1')
          ? Promise.reject(new Error('damaged'))
          : Promise.resolve({ ref: r, bytes: Buffer.alloc(0) }),
      () => undefined,
      () => records(10),
      () => undefined,
    );
    await expect(load.done).rejects.toThrow('damaged');
    expect(await load.queue.moreOf('a')).toBe(false);
  });
});
