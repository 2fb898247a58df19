import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinOneEdit } from '../../../shared/search/terms';
import { BitSet } from './bitset';
import { TermIndex } from './termIndex';

const values = (set: BitSet) => [...set];
const terms = (...list: string[]) => new Set(list);

describe('TermIndex', () => {
  it('finds a record by a whole term and by the start of one', () => {
    const index = new TermIndex();
    index.update(0, terms(), terms('galeotti', 'diplomacy'));
    index.update(1, terms(), terms('galaxy'));
    expect(values(index.match('galeotti', { prefix: false }))).toEqual([0]);
    expect(values(index.match('gale', { prefix: true }))).toEqual([0]);
    expect(values(index.match('gal', { prefix: true }))).toEqual([0, 1]);
    expect(values(index.match('g', { prefix: true }))).toEqual([0, 1]);
    expect(values(index.match('ga', { prefix: true }))).toEqual([0, 1]);
    expect(values(index.match('gale', { prefix: false }))).toEqual([]);
  });

  it('matches a term of five letters or more one typo away', () => {
    const index = new TermIndex();
    index.update(3, terms(), terms('zakharova'));
    expect(values(index.match('zakarova', { prefix: false }))).toEqual([3]);
    expect(values(index.match('zakhar0va', { prefix: false }))).toEqual([3]);
    expect(values(index.match('zakh', { prefix: false }))).toEqual([]);
  });

  it('forgets what an update removes, short prefixes included', () => {
    const index = new TermIndex();
    index.update(0, terms(), terms('sanctions', 'oil'));
    index.update(1, terms(), terms('sanctions'));
    expect(values(index.match('sanc', { prefix: true }))).toEqual([0, 1]);
    index.update(0, terms('sanctions', 'oil'), terms('oil'));
    expect(values(index.match('sanc', { prefix: true }))).toEqual([1]);
    index.update(1, terms('sanctions'), terms());
    expect(values(index.match('sanc', { prefix: true }))).toEqual([]);
    expect(values(index.match('s', { prefix: true }))).toEqual([]);
    expect(values(index.match('o', { prefix: true }))).toEqual([0]);
    expect(index.termCount).toBe(1);
  });

  it('takes an astral first letter as one character for the short prefixes', () => {
    const index = new TermIndex();
    index.update(5, terms(), terms('😀smile'));
    expect(values(index.match('😀', { prefix: true }))).toEqual([5]);
    expect(values(index.match('😀s', { prefix: true }))).toEqual([5]);
  });

  it('answers a word asked again as before, unchanged by what the caller did to the first answer, and anew after a change', () => {
    const index = new TermIndex();
    index.update(1, new Set(), new Set(['galeotti']));
    index.update(2, new Set(), new Set(['galeoti']));
    const first = index.match('galeotti', { prefix: true });
    expect(values(first)).toEqual([1, 2]);
    first.add(9);
    expect(values(index.match('galeotti', { prefix: true }))).toEqual([1, 2]);
    index.update(3, new Set(), new Set(['galeottis']));
    expect(values(index.match('galeotti', { prefix: true }))).toEqual([1, 2, 3]);
    index.update(1, new Set(['galeotti']), new Set());
    expect(values(index.match('galeotti', { prefix: true }))).toEqual([2, 3]);
  });

  it('answers as a plain scan does over any sequence of updates (seeded)', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const vocabulary = ['alpha', 'alps', 'alpine', 'beta', 'bet', 'gamma', 'gammas', 'delta', 'de'];
    const index = new TermIndex();
    const truth = new Map<number, Set<string>>();
    for (let step = 0; step < 2000; step++) {
      const record = Math.floor(next() * 60);
      const before = truth.get(record) ?? new Set<string>();
      const after = new Set(vocabulary.filter(() => next() < 0.3));
      index.update(record, before, after);
      truth.set(record, after);
      if (step % 50 === 0) {
        for (const query of ['al', 'alp', 'alpha', 'b', 'gam', 'delta', 'de', 'zz']) {
          const expected = [...truth]
            .filter(([, set]) => [...set].some((t) => t.startsWith(query)))
            .map(([n]) => n)
            .sort((a, b) => a - b);
          const all = values(index.match(query, { prefix: true }));
          // Below five letters there are no typo matches: exactly the prefix matches. From five
          // on, typo matches may add records, but every prefix match must be there.
          if (query.length < 5) expect(all).toEqual(expected);
          else expect(all.filter((n) => expected.includes(n))).toEqual(expected);
        }
      }
    }
  });
});

describe('TermIndex typo matches', () => {
  /** The definition: a term one edit from the query, or whose start is (for a prefix). */
  const plainScan = (vocabulary: readonly string[], query: string, prefix: boolean) =>
    vocabulary
      .map((term, n) => ({ term, n }))
      .filter(({ term }) =>
        prefix
          ? term.startsWith(query) ||
            (term[0] === query[0] &&
              [query.length - 1, query.length, query.length + 1].some((k) =>
                withinOneEdit(query, term.slice(0, k)),
              ))
          : term === query || (term[0] === query[0] && withinOneEdit(query, term)),
      )
      .map(({ n }) => n);

  it('finds what checking every term finds, terms that share their start included', () => {
    // Few letters, so that terms share long starts and runs of them are common.
    const word = fc.string({
      unit: fc.constantFrom('r', 'u', 's', 'i', 'a'),
      minLength: 1,
      maxLength: 9,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 60 }),
        fc.string({ unit: fc.constantFrom('r', 'u', 's', 'i', 'a'), minLength: 5, maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        (vocabulary, query, prefix, settledAt) => {
          const index = new TermIndex();
          // Some terms merged into the sorted list, the rest still set aside, as while a case
          // loads: both are searched.
          vocabulary.forEach((term, n) => {
            if (n === settledAt) index.settle();
            index.update(n, terms(), terms(term));
          });
          expect(values(index.match(query, { prefix }))).toEqual(
            plainScan(vocabulary, query, prefix),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
  it('matches a whole word only by whole terms, sorted or set aside', () => {
    const index = new TermIndex();
    index.update(0, terms(), terms('rusia'));
    index.update(2, terms(), terms('russians'));
    index.settle();
    index.update(1, terms(), terms('russiaaa'));
    // "russians" and "russiaaa" start one edit from "rusia", but are not one edit from it.
    expect(values(index.match('rusia', { prefix: false }))).toEqual([0]);
    expect(values(index.match('rusia', { prefix: true }))).toEqual([0, 1, 2]);
  });
});

describe('BitSet.rank', () => {
  it('counts the set bits below a bit, across words', () => {
    const set = BitSet.from([0, 3, 31, 32, 33, 100, 1000]);
    expect([0, 3, 31, 32, 33, 100, 1000].map((b) => set.rank(b))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(set.rank(5000)).toBe(7);
    expect(set.rank(1)).toBe(1);
  });
});
