/**
 * The claim list's query (issue 9: "search answers from an index in a frame at 100k";
 * issue 12: "search ranks claim fields first and title matches apart"):
 *
 * - filters are bit sets ANDed together: kind and status are kept per case; speaker, outlet,
 *   tag and document come from their id sets;
 * - each search word matches by prefix (and by one typo from five letters on), in the claim's
 *   own fields (wording, quote, tags, notes) or in the names of those who said or carried it;
 *   every word must match somewhere;
 * - claims matching every word in their own fields come first, then the rest; each group in
 *   capture order, so a window is a skip over bits, never a sort;
 * - document titles that hold the words are reported apart, not as matches: a word of a
 *   title no longer returns every claim of that document.
 */
import type { ClaimFilterInput, TitleMatch } from '../../../shared/contract/channels';
import { termsOf } from '../../../shared/search/terms';
import type { Store } from '../store/store';
import { BitSet } from './bitset';
import type { Indexes } from './indexes';

export type ClaimFilter = Required<ClaimFilterInput>;

export interface QueryResult {
  /** Claims matching everything, in the order the list shows them. */
  groups: BitSet[];
  matched: number;
  titleMatches: TitleMatch[];
}

export const isFiltering = (f: ClaimFilter): boolean =>
  f.query.trim() !== '' ||
  f.orphaned ||
  [f.speakerId, f.outletId, f.kind, f.status, f.tag, f.documentId].some((v) => v !== null);

export function runClaimQuery(
  store: Store,
  ix: Indexes,
  caseId: string,
  filter: ClaimFilter,
): QueryResult {
  if (!ix.claims.hasCase(caseId)) return { groups: [], matched: 0, titleMatches: [] };
  const k = ix.claims.caseOf(caseId);
  const base = k.alive.clone();
  if (filter.kind) base.and(k.kinds.get(filter.kind) ?? new BitSet());
  if (filter.status) base.and(k.statuses.get(filter.status) ?? new BitSet());
  if (filter.orphaned) base.and(k.orphaned);
  if (filter.speakerId) base.and(ix.claims.spokenBy(filter.speakerId));
  if (filter.outletId) base.and(ix.claims.carriedBy(filter.outletId));
  if (filter.tag) base.and(ix.claims.bits(ix.claims.byTag.get(filter.tag) ?? []));
  if (filter.documentId)
    base.and(ix.claims.bits(ix.claims.byDocument.get(filter.documentId) ?? []));

  const terms = [...new Set(termsOf(filter.query))];
  if (terms.length === 0) return { groups: [base], matched: base.size, titleMatches: [] };

  const own = base.clone();
  const any = base.clone();
  for (const term of terms) {
    const inFields = ix.claims.terms.match(term, { prefix: true });
    own.and(inFields);
    any.and(inFields.or(ix.claims.nameTerms.match(term, { prefix: true })));
  }
  const rest = any.andNot(own);
  return {
    groups: [own, rest],
    matched: own.size + rest.size,
    titleMatches: titleMatches(store, ix, caseId, terms),
  };
}

/** The window `[offset, offset + limit)` of the groups, as claim ids. */
export function windowOf(
  ix: Indexes,
  result: QueryResult,
  offset: number,
  limit: number,
): string[] {
  const out: string[] = [];
  let skip = offset;
  for (const group of result.groups) {
    if (out.length >= limit) break;
    const size = group.size;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    for (const n of group.window(skip, limit - out.length)) {
      const id = ix.claims.idAt(n);
      if (id) out.push(id);
    }
    skip = 0;
  }
  return out;
}

/** Where a claim is in the query's order (its index in the list), or null if it is not in it. */
export function positionOf(ix: Indexes, result: QueryResult, claimId: string): number | null {
  const n = ix.claims.ordinalOf(claimId);
  if (n === undefined) return null;
  let before = 0;
  for (const group of result.groups) {
    if (group.has(n)) return before + group.rank(n);
    before += group.size;
  }
  return null;
}

const TITLE_MATCHES = 5;

function titleMatches(store: Store, ix: Indexes, caseId: string, terms: string[]): TitleMatch[] {
  let hits: BitSet | null = null;
  for (const term of terms) {
    const found = ix.relations.titleTerms.match(term, { prefix: true });
    hits = hits ? hits.and(found) : found;
  }
  const out: TitleMatch[] = [];
  const counts = ix.claims.caseOf(caseId).documents.counts;
  for (const n of hits ?? []) {
    const id = ix.relations.documentNumbers.ids[n];
    const document = id ? store.get('documents', id) : undefined;
    if (!document || document.caseId !== caseId) continue;
    out.push({
      documentId: document.id,
      title: document.title,
      claims: counts.get(document.id) ?? 0,
    });
    if (out.length >= TITLE_MATCHES) break;
  }
  return out;
}
