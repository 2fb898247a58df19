/**
 * Lookups the handlers share, each through an index (../indexes): the cost of one is the size
 * of its answer, not of the store.
 */
import type { ClaimRow } from '../../../shared/contract/channels';
import type {
  Briefing,
  Claim,
  ClaimDocument,
  EvidenceLink,
  Judgment,
} from '../../../shared/domain/schemas';
import type { BucketedCollection } from '../store/layout';
import type { RecordOf } from '../store/store';
import type { HandlerContext } from './context';

function records<K extends BucketedCollection>(
  ctx: HandlerContext,
  collection: K,
  ids: Iterable<string> | undefined,
): RecordOf<K>[] {
  const out: RecordOf<K>[] = [];
  for (const id of ids ?? []) {
    const record = ctx.store.get(collection, id);
    if (record) out.push(record);
  }
  return out;
}

/** A case's documents (every version), in the order they were added. */
export const documentsOfCase = (ctx: HandlerContext, caseId: string): ClaimDocument[] =>
  records(ctx, 'documents', ctx.ix.relations.documentsByCase.get(caseId));

/** The claims anchored in a document. */
export const claimsOfDocument = (ctx: HandlerContext, documentId: string): Claim[] =>
  records(ctx, 'claims', ctx.ix.claims.byDocument.get(documentId));

/** A case's claims, in capture order. */
export function claimsOfCase(ctx: HandlerContext, caseId: string): Claim[] {
  if (!ctx.ix.claims.hasCase(caseId)) return [];
  const ids: string[] = [];
  for (const n of ctx.ix.claims.caseOf(caseId).alive) {
    const id = ctx.ix.claims.idAt(n);
    if (id) ids.push(id);
  }
  return records(ctx, 'claims', ids);
}

export const linksOfClaim = (ctx: HandlerContext, claimId: string): EvidenceLink[] =>
  records(ctx, 'links', ctx.ix.relations.linksByClaim.get(claimId));

export const linksOfCase = (ctx: HandlerContext, caseId: string): EvidenceLink[] =>
  records(ctx, 'links', ctx.ix.relations.linksByCase.get(caseId));

/** A case's key judgments, in their order. */
export const judgmentsOfCase = (ctx: HandlerContext, caseId: string): Judgment[] =>
  records(ctx, 'judgments', ctx.ix.relations.judgmentsByCase.get(caseId)).sort(
    (a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt),
  );

export const judgmentsOfClaim = (ctx: HandlerContext, claimId: string): Judgment[] =>
  records(ctx, 'judgments', ctx.ix.relations.judgmentsByClaim.get(claimId));

export const briefingsOfCase = (ctx: HandlerContext, caseId: string): Briefing[] =>
  records(ctx, 'briefings', ctx.ix.relations.briefingsByCase.get(caseId));

/** Whether no later version replaces this document. */
export const isLatest = (ctx: HandlerContext, documentId: string): boolean =>
  !ctx.ix.relations.nextVersions.has(documentId);

/** Every snapshot of a document's lineage, oldest first. */
export function lineageOf(ctx: HandlerContext, documentId: string): ClaimDocument[] {
  let first = ctx.store.get('documents', documentId);
  const seen = new Set<string>();
  while (first?.previousVersionId && !seen.has(first.id)) {
    seen.add(first.id);
    const previous = ctx.store.get('documents', first.previousVersionId);
    if (!previous) break;
    first = previous;
  }
  const chain: ClaimDocument[] = [];
  for (let d = first; d && !chain.includes(d);) {
    chain.push(d);
    const next = [...(ctx.ix.relations.nextVersions.get(d.id) ?? [])][0];
    d = next ? ctx.store.get('documents', next) : undefined;
  }
  return chain;
}

/**
 * A claim as lists show it: with its score and its document. Links stay within a case, so a
 * score is right once the claim's own case has loaded; until then it is left out.
 */
export function claimRow(ctx: HandlerContext, claim: Claim): ClaimRow {
  const document = ctx.store.get('documents', claim.documentId);
  return {
    claim,
    score: ctx.store.caseLoaded(claim.caseId) ? (ctx.ix.scores.get(claim.id) ?? null) : null,
    document: document
      ? {
          id: document.id,
          title: document.title,
          outlet: document.outlet,
          outletId: document.outletId,
        }
      : null,
  };
}
