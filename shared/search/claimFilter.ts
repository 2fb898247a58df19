/** Filtering the claim list by who, where, what kind, what status, tag, document and text. */
import type { Claim, ClaimKind, ClaimStatus } from '../domain/schemas';
import type { ClaimIndex, ClaimLookup } from './claimIndex';

export interface ClaimFilter {
  query: string;
  speakerId: string | null;
  /** An outlet that carried the claim: the document's outlet or an intermediary. */
  outletId: string | null;
  kind: ClaimKind | null;
  status: ClaimStatus | null;
  tag: string | null;
  documentId: string | null;
}

export const EMPTY_FILTER: ClaimFilter = {
  query: '',
  speakerId: null,
  outletId: null,
  kind: null,
  status: null,
  tag: null,
  documentId: null,
};

export const isFiltering = (f: ClaimFilter): boolean =>
  f.query.trim() !== '' ||
  [f.speakerId, f.outletId, f.kind, f.status, f.tag, f.documentId].some((v) => v !== null);

export function filterClaims(
  claims: readonly Claim[],
  filter: ClaimFilter,
  index: ClaimIndex,
  lookup: ClaimLookup,
): Claim[] {
  const matches = (c: Claim) =>
    (filter.speakerId === null || c.attribution.speakerId === filter.speakerId) &&
    (filter.outletId === null ||
      c.attribution.via.includes(filter.outletId) ||
      lookup.documentOutletId(c.documentId) === filter.outletId) &&
    (filter.kind === null || c.kind === filter.kind) &&
    (filter.status === null || c.status === filter.status) &&
    (filter.tag === null || c.tags.includes(filter.tag)) &&
    (filter.documentId === null || c.documentId === filter.documentId);
  const query = filter.query.trim();
  if (!query) return claims.filter(matches);
  // With text, the index decides the order: best match first.
  const byId = new Map(claims.map((c) => [c.id, c]));
  return index
    .query(query)
    .map((id) => byId.get(id))
    .filter((c): c is Claim => c !== undefined && matches(c));
}
