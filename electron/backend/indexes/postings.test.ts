import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitSet } from './bitset';
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
    expect(list.values).toBeInstanceOf(Int32Array);
    expect((list.values as Int32Array).byteLength).toBeLessThanOrEqual(256);
  });

  it('holds a short list as a plain array exactly as long as it is', () => {
    const list = new Postings();
    for (const n of [9, 2, 5]) list.add(n);
    expect(Array.isArray(list.values)).toBe(true);
    expect([...list.values]).toEqual([2, 5, 9]);
  });

  it('agrees with a set through any mix of adds and deletes, short and long', () => {
    const op = fc.record({ add: fc.boolean(), value: fc.integer({ min: 0, max: 80 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const list = new Postings();
        const model = new Set<number>();
        for (const { add, value } of ops) {
          if (add) {
            list.add(value);
            model.add(value);
          } else {
            list.delete(value);
            model.delete(value);
          }
        }
        const expected = [...model].sort((a, b) => a - b);
        expect(list.length).toBe(expected.length);
        expect([...list.values.slice(0, list.length)]).toEqual(expected);
        expect([...list.toBitSet()]).toEqual(expected);
      }),
    );
  });

  it('gives back the room it grew into when trimmed, and still takes more after', () => {
    const list = new Postings();
    for (let n = 0; n < 300; n++) list.add(n);
    expect(list.values.length).toBe(512);
    list.trim();
    expect(list.values.length).toBe(300);
    list.add(1000);
    list.add(150);
    expect(list.length).toBe(301);
    expect([...list.toBitSet()].slice(-2)).toEqual([299, 1000]);
  });

  it('adds its values to a bit set too small for them, keeping what the set held', () => {
    const list = new Postings();
    for (const n of [70_000, 5, 40]) list.add(n);
    const set = BitSet.from([1, 90_000]);
    set.words = set.words.slice(0, 1);
    list.addTo(set);
    expect([...set]).toEqual([1, 5, 40, 70_000]);
  });
});
