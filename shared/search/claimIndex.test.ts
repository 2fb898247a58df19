import { describe, expect, it } from 'vitest';
import type { Claim } from '../domain/schemas';
import { claim, said } from './testClaims';
import { ClaimIndex, type ClaimLookup } from './claimIndex';

const T1 = '2025-11-02T00:00:00.000Z';

const NAMES: Readonly<Record<string, string[]>> = {
  zakharova: ['Maria Zakharova', 'Zakharova', 'Мария Захарова'],
  galeotti: ['Mark Galeotti', 'Galeotti'],
  liberty: ['Radio Liberty', 'Radio Svoboda'],
  tass: ['TASS'],
};
const DOCUMENTS: Record<string, { title: string; outletId: string | null }> = {
  'doc-tass': { title: 'Foreign ministry briefing', outletId: 'tass' },
  'doc-blog': { title: 'Analyst notebook', outletId: null },
};
const lookup: ClaimLookup = {
  entityNames: (id) => NAMES[id] ?? [],
  documentTitle: (id) => DOCUMENTS[id]?.title ?? '',
  documentOutletId: (id) => DOCUMENTS[id]?.outletId ?? null,
};

function indexOf(claims: Claim[]): ClaimIndex {
  const index = new ClaimIndex(lookup);
  index.sync(claims);
  return index;
}

describe('ClaimIndex', () => {
  it('finds claims by their text, quote, tags, notes and document title', () => {
    const index = indexOf([
      claim('a', 'Warships will dock in Havana', {
        anchor: { exact: 'frigate visit', prefix: '', suffix: '', start: 0, end: 13 },
        tags: ['navy'],
        notes: 'Check against port records',
      }),
      claim('b', 'Bombers landed in Caracas', { documentId: 'doc-blog' }),
    ]);
    expect(index.size).toBe(2);
    expect(index.query('warships')).toEqual(['a']);
    expect(index.query('frigate')).toEqual(['a']);
    expect(index.query('navy')).toEqual(['a']);
    expect(index.query('records')).toEqual(['a']);
    expect(index.query('notebook')).toEqual(['b']);
    expect(index.query('submarine')).toEqual([]);
  });

  it('adds new claims and re-indexes a changed one by its updatedAt', () => {
    const quote = { exact: 'port call', prefix: '', suffix: '', start: 0, end: 9 };
    const original = claim('a', 'Warships will dock in Havana', { anchor: quote });
    const index = indexOf([original, claim('b', 'Bombers landed in Caracas')]);
    expect(index.query('warships')).toEqual(['a']);
    const changed = { ...original, text: 'Troops deployed to Maracaibo', updatedAt: T1 };
    const added = claim('c', 'Engineers repair radars');
    index.sync([changed, claim('b', 'Bombers landed in Caracas'), added]);
    expect(index.size).toBe(3);
    expect(index.query('Maracaibo')).toEqual(['a']);
    expect(index.query('warships')).toEqual([]);
    expect(index.query('Havana')).toEqual([]);
    expect(index.query('radars')).toEqual(['c']);
    // The quote did not change: the claim is still found by it.
    expect(index.query('port call')).toEqual(['a']);
  });

  it('skips a claim whose updatedAt is unchanged, unless forced', () => {
    // The names around a claim can change without the claim changing.
    const names = new Map([['galeotti', ['Mark Galeotti']]]);
    const index = new ClaimIndex({ ...lookup, entityNames: (id) => names.get(id) ?? [] });
    const original = claim('a', 'Warships will dock in Havana', { attribution: said('galeotti') });
    index.sync([original]);
    names.set('galeotti', ['Mark Galeotti', 'Professor G']);
    index.sync([original]);
    expect(index.query('Professor')).toEqual([]);
    index.sync([original], true);
    expect(index.query('Professor')).toEqual(['a']);
    expect(index.size).toBe(1);
  });

  it('drops a deleted claim', () => {
    const index = indexOf([claim('a', 'Warships will dock in Havana'), claim('b', 'Bombers')]);
    index.sync([claim('b', 'Bombers')]);
    expect(index.size).toBe(1);
    expect(index.query('Havana')).toEqual([]);
    expect(index.query('bombers')).toEqual(['b']);
    index.sync([]);
    expect(index.size).toBe(0);
    expect(index.query('bombers')).toEqual([]);
  });

  it('finds a claim by the name or an alias of its speaker, intermediaries and outlet', () => {
    const index = indexOf([
      claim('a', 'Russia will honour its obligations', { attribution: said('zakharova') }),
      claim('b', 'Moscow lacks the means', {
        documentId: 'doc-blog',
        attribution: said('galeotti', ['liberty']),
      }),
    ]);
    expect(index.query('Maria Zakharova')).toEqual(['a']);
    expect(index.query('Захарова')).toEqual(['a']);
    expect(index.query('Galeotti')).toEqual(['b']);
    expect(index.query('Svoboda')).toEqual(['b']);
    // The document's outlet.
    expect(index.query('TASS')).toEqual(['a']);
  });

  it('matches word prefixes and requires every word', () => {
    const index = indexOf([
      claim('a', 'Bombers landed in Caracas', { attribution: said('zakharova') }),
      claim('b', 'Bombers seen over Havana', { documentId: 'doc-blog' }),
    ]);
    expect(index.query('Zakh')).toEqual(['a']);
    expect(index.query('bomb').sort()).toEqual(['a', 'b']);
    expect(index.query('bomb hav')).toEqual(['b']);
    expect(index.query('bombers zakharova')).toEqual(['a']);
  });
});
