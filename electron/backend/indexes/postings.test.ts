import { describe, expect, it } from 'vitest';
import { Postings } from './postings';

describe('Postings', () => {
  it('keeps its values sorted and once each, whatever order they come in', () => {
    const list = new Postings();
    for (const n of [40, 3, 99_999, 3, 17, 40]) list.add(n);
    expect([...list.toBitSet()]).toEqual([3, 17, 40, 99_999]);
    expect(list.length).toBe(4);
  });

  it('forgets what is deleted, and a value never added is no error', () => {
    const list = new Postings();
    for (const n of [5, 6, 7]) list.add(n);
    list.delete(6);
    list.delete(1000);
    expect([...list.toBitSet()]).toEqual([5, 7]);
  });

  it('takes four bytes a value, not a bit for every claim before the last', () => {
    const list = new Postings();
    for (let n = 0; n < 60; n++) list.add(99_000 + n);
    expect(list.values.byteLength).toBeLessThanOrEqual(256);
  });
});
