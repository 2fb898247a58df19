/**
 * What the views ask of the claims (issue 9: "the renderer asks for what it shows: a window
 * of the list, counts and facets, the selected claim's details"). Every answer is built from
 * the indexes and costs the size of what it returns.
 */
import type { ClaimFacets, Facet } from '../../../shared/contract/channels';
import { CLAIM_KINDS, CLAIM_STATUSES, type Claim } from '../../../shared/domain/schemas';
import { isFiltering, positionOf, runClaimQuery, windowOf } from '../indexes/claimQuery';
import type { HandlerContext } from './context';
import { claimCountOf } from './cases';
import { claimRow, claimsOfCase, claimsOfDocument, lineageOf } from './lookups';
import { requireCase, requireDocument } from './require';
import type { HandlersFor } from './types';

const sortFacets = (counts: Map<string, number>): Facet[] =>
  [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));

/**
 * Claims of the case carried by each outlet: as an intermediary or as their document's
 * outlet, a claim that names its document's outlet too counted once (bit sets: a few word
 * operations per outlet, whatever the number of claims).
 */
function outletCounts(ctx: HandlerContext, caseId: string): Map<string, number> {
  const k = ctx.ix.claims.caseOf(caseId);
  const outlets = new Set(k.carriers.counts.keys());
  for (const documentId of k.documents.counts.keys()) {
    const outletId = ctx.store.get('documents', documentId)?.outletId;
    if (outletId) outlets.add(outletId);
  }
  const counts = new Map<string, number>();
  for (const outletId of outlets) {
    const n = ctx.ix.claims.carriedBy(outletId).and(k.alive).size;
    if (n > 0) counts.set(outletId, n);
  }
  return counts;
}

export const claimQueryHandlers: HandlersFor<
  | 'claims:list'
  | 'claims:query'
  | 'claims:get'
  | 'claims:locate'
  | 'claims:facets'
  | 'claims:ofDocument'
  | 'claims:orphans'
  | 'claims:history'
> = {
  'claims:list': async ({ caseId }, ctx) => {
    requireCase(ctx.store, caseId);
    return claimsOfCase(ctx, caseId);
  },

  'claims:query': async ({ caseId, filter, offset, limit }, ctx) => {
    requireCase(ctx.store, caseId);
    if (!ctx.store.caseLoaded(caseId)) {
      ctx.store.prioritize(caseId);
      // The case's claims come next, a slice at a time (milliseconds): the first page waits
      // for its own, any other for at least one, rather than answer placeholders only that
      // the renderer would ask again for half a second later (issue 9: page load → list).
      const wanted = offset === 0 ? limit : 1;
      const readSoFar = () =>
        ctx.ix.claims.hasCase(caseId) ? ctx.ix.claims.caseOf(caseId).count : 0;
      while (readSoFar() < wanted) {
        if (!(await ctx.store.moreClaimsOf(caseId))) break;
      }
    }
    // While the case loads after start, a search answers over the claims read so far (the
    // indexes grow as they are read) and says so in `loading`: the analyst types at once and
    // the renderer asks again as loading goes on, instead of waiting seconds for the answer.
    const result = runClaimQuery(ctx.store, ctx.ix, caseId, filter);
    const ids = windowOf(ctx.ix, result, offset, limit);
    const rows = ids.flatMap((id) => {
      const claim = ctx.store.get('claims', id);
      return claim ? [claimRow(ctx, claim)] : [];
    });
    const stillLoading = ctx.store.caseLoaded(caseId) ? null : ctx.store.loading;
    return {
      total: claimCountOf(ctx, caseId),
      // Unfiltered, the list has its full length at once (rows not read yet show as
      // placeholders); filtered, it holds the matches found so far.
      matched: stillLoading && !isFiltering(filter) ? claimCountOf(ctx, caseId) : result.matched,
      offset,
      rows,
      titleMatches: result.titleMatches,
      loading: stillLoading && { ...stillLoading },
    };
  },

  'claims:locate': async ({ caseId, filter, claimId }, ctx) => {
    requireCase(ctx.store, caseId);
    return { index: positionOf(ctx.ix, runClaimQuery(ctx.store, ctx.ix, caseId, filter), claimId) };
  },

  'claims:get': async ({ claimIds }, ctx) =>
    claimIds.flatMap((id) => {
      const claim = ctx.store.get('claims', id);
      return claim ? [claimRow(ctx, claim)] : [];
    }),

  'claims:facets': async ({ caseId }, ctx): Promise<ClaimFacets> => {
    requireCase(ctx.store, caseId);
    const loading = ctx.store.caseLoaded(caseId) ? null : ctx.store.loading;
    if (loading) ctx.store.prioritize(caseId);
    const k = ctx.ix.claims.caseOf(caseId);
    const kinds: ClaimFacets['kinds'] = {};
    for (const kind of CLAIM_KINDS) {
      const n = k.kinds.get(kind)?.size ?? 0;
      if (n > 0) kinds[kind] = n;
    }
    const statuses: ClaimFacets['statuses'] = {};
    for (const status of CLAIM_STATUSES) {
      const n = k.statuses.get(status)?.size ?? 0;
      if (n > 0) statuses[status] = n;
    }
    return {
      total: loading ? claimCountOf(ctx, caseId) : k.count,
      kinds,
      statuses,
      orphaned: k.orphaned.size,
      speakers: sortFacets(k.speakers.counts),
      outlets: sortFacets(outletCounts(ctx, caseId)),
      tags: sortFacets(k.tags.counts).map((f) => ({ tag: f.id, count: f.count })),
      loading: loading && { ...loading },
    };
  },

  'claims:ofDocument': async ({ documentId }, ctx) => {
    requireDocument(ctx.store, documentId);
    return claimsOfDocument(ctx, documentId).map((c: Claim) => ({
      id: c.id,
      start: c.anchor.start,
      end: c.anchor.end,
      kind: c.kind,
      status: c.status,
    }));
  },

  'claims:orphans': async ({ documentId }, ctx) => {
    requireDocument(ctx.store, documentId);
    return lineageOf(ctx, documentId)
      .flatMap((d) => claimsOfDocument(ctx, d.id))
      .filter((c) => c.anchorState === 'orphaned')
      .map((c) => claimRow(ctx, c));
  },

  'claims:history': async ({ claimId }, { store }) => store.historyOf(claimId),
};
