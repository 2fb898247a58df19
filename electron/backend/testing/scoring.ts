/**
 * Test helper: a `ScoringCase` built from what the backend serves for one case, the way a
 * UI would build it from its cache (claims, entities, documents, and the links whose target
 * is a claim; span, URL and file evidence does not enter the score).
 */
import type { Claim, Judgment } from '../../../shared/domain/schemas';
import type { ClaimLink, ScoredClaim, ScoringCase } from '../../../shared/scoring/model';
import type { Backend } from '../backend';
import { call } from './harness';

export const toScoredClaim = (claim: Claim): ScoredClaim => ({
  id: claim.id,
  documentId: claim.documentId,
  credibility: claim.credibility,
  status: claim.status,
  speakerId: claim.attribution.speakerId,
  via: claim.attribution.via,
  reliabilityOverrides: claim.attribution.reliabilityOverrides,
});

export interface LoadedCase {
  scoring: ScoringCase;
  claims: Claim[];
  judgments: Judgment[];
}

export async function loadScoringCase(b: Backend, caseId: string): Promise<LoadedCase> {
  const [claims, entities, documents, links, judgments] = await Promise.all([
    call(b, 'claims:list', { caseId }),
    call(b, 'entities:list', {}),
    call(b, 'documents:list', { caseId }),
    call(b, 'links:list', { caseId }),
    call(b, 'judgments:list', { caseId }),
  ]);
  const claimById = new Map(claims.map((c) => [c.id, toScoredClaim(c)]));
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const claimLinks: ClaimLink[] = links.flatMap((l) =>
    l.target.kind === 'claim'
      ? [{ fromClaimId: l.fromClaimId, toClaimId: l.target.claimId, relation: l.relation }]
      : [],
  );
  const scoring: ScoringCase = {
    claim: (id) => claimById.get(id),
    entityReliability: (id) => entityById.get(id)?.reliability ?? 'F',
    entityName: (id) => entityById.get(id)?.name ?? id,
    documentOutletId: (id) => documentById.get(id)?.outletId ?? null,
    documentTitle: (id) => documentById.get(id)?.title ?? id,
    linksOf: (claimId) =>
      claimLinks.filter((l) => l.fromClaimId === claimId || l.toClaimId === claimId),
  };
  return { scoring, claims, judgments };
}
