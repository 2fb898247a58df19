import { describe, expect, it } from 'vitest';
import { claim, said } from './testClaims';
import { EMPTY_FILTER, filterClaims, isFiltering, type ClaimFilter } from './claimFilter';
import { ClaimIndex, type ClaimLookup } from './claimIndex';

const NAMES: Readonly<Record<string, string[]>> = {
  zakharova: ['Maria Zakharova', 'Zakharova'],
  galeotti: ['Mark Galeotti', 'Galeotti'],
  liberty: ['Radio Liberty'],
  tass: ['TASS'],
};
const OUTLETS: Readonly<Record<string, string | null>> = {
  'doc-tass': 'tass',
  'doc-liberty': 'liberty',
  'doc-blog': null,
};
const lookup: ClaimLookup = {
  entityNames: (id) => NAMES[id] ?? [],
  documentTitle: (id) => id,
  documentOutletId: (id) => OUTLETS[id] ?? null,
};

const CLAIMS = [
  claim('zak-troops', 'No Russian troops will be sent', {
    kind: 'indirect_speech',
    attribution: said('zakharova'),
    tags: ['troops'],
  }),
  claim('zak-treaty', 'Russia will honour its treaty', {
    kind: 'direct_quote',
    status: 'corroborated',
    attribution: said('zakharova'),
  }),
  claim('gal-means', 'Moscow lacks the means to send troops', {
    documentId: 'doc-blog',
    kind: 'indirect_speech',
    status: 'disputed',
    attribution: said('galeotti', ['liberty']),
    tags: ['troops', 'capability'],
  }),
  claim('lib-bombers', 'Bombers landed in Caracas', {
    documentId: 'doc-liberty',
    kind: 'reported',
  }),
  claim('anon-troops', 'Troops were seen at the airport', { documentId: 'doc-blog' }),
];

function run(filter: Partial<ClaimFilter>): string[] {
  const index = new ClaimIndex(lookup);
  index.sync(CLAIMS);
  return filterClaims(CLAIMS, { ...EMPTY_FILTER, ...filter }, index, lookup).map((c) => c.id);
}

describe('filterClaims', () => {
  it('returns every claim, in list order, for the empty filter', () => {
    expect(run({})).toEqual(CLAIMS.map((c) => c.id));
    expect(run({ query: '   ' })).toEqual(CLAIMS.map((c) => c.id));
  });

  it('filters by speaker', () => {
    expect(run({ speakerId: 'zakharova' })).toEqual(['zak-troops', 'zak-treaty']);
    expect(run({ speakerId: 'nobody' })).toEqual([]);
  });

  it("filters by outlet, as an intermediary or as the document's outlet", () => {
    expect(run({ outletId: 'liberty' })).toEqual(['gal-means', 'lib-bombers']);
    expect(run({ outletId: 'tass' })).toEqual(['zak-troops', 'zak-treaty']);
  });

  it('filters by kind, status, tag and document', () => {
    expect(run({ kind: 'indirect_speech' })).toEqual(['zak-troops', 'gal-means']);
    expect(run({ kind: 'reported' })).toEqual(['lib-bombers']);
    expect(run({ status: 'unverified' })).toEqual(['zak-troops', 'lib-bombers', 'anon-troops']);
    expect(run({ status: 'disputed' })).toEqual(['gal-means']);
    expect(run({ tag: 'troops' })).toEqual(['zak-troops', 'gal-means']);
    expect(run({ tag: 'capability' })).toEqual(['gal-means']);
    expect(run({ documentId: 'doc-blog' })).toEqual(['gal-means', 'anon-troops']);
  });

  it('combines filters: a claim must pass every one', () => {
    expect(run({ speakerId: 'zakharova', kind: 'direct_quote' })).toEqual(['zak-treaty']);
    expect(run({ tag: 'troops', documentId: 'doc-blog' })).toEqual(['gal-means']);
    expect(run({ speakerId: 'galeotti', status: 'unverified' })).toEqual([]);
  });

  it('combines a text query with the other filters', () => {
    expect(run({ query: 'troops' }).sort()).toEqual(['anon-troops', 'gal-means', 'zak-troops']);
    expect(run({ query: 'troops', documentId: 'doc-blog' }).sort()).toEqual([
      'anon-troops',
      'gal-means',
    ]);
    expect(run({ query: 'troops', speakerId: 'zakharova' })).toEqual(['zak-troops']);
    // The query finds claims by the names around them too.
    expect(run({ query: 'Galeotti', tag: 'troops' })).toEqual(['gal-means']);
    expect(run({ query: 'bombers', outletId: 'tass' })).toEqual([]);
  });

  it('says whether a filter filters anything', () => {
    expect(isFiltering(EMPTY_FILTER)).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, query: '  ' })).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, query: 'x' })).toBe(true);
    expect(isFiltering({ ...EMPTY_FILTER, tag: 'troops' })).toBe(true);
  });
});
