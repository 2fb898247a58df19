/**
 * A ScoringCase over the domain records, as the UI's cache and the backend's store hold
 * them: the one adapter both use, so a score reads the same everywhere.
 */
import type { Claim, ClaimDocument, Entity, EvidenceLink } from '../domain/schemas';
import type { ClaimLink, ScoredClaim, ScoringCase } from './model';

export function toScoredClaim(claim: Claim): ScoredClaim {
  return {
    id: claim.id,
    documentId: claim.documentId,
    credibility: claim.credibility,
    status: claim.status,
    speakerId: claim.attribution.speakerId,
    via: claim.attribution.via,
    reliabilityOverrides: claim.attribution.reliabilityOverrides,
  };
}

export function scoringCase(records: {
  claims: readonly Claim[];
  entities: readonly Entity[];
  documents: readonly ClaimDocument[];
  links: readonly EvidenceLink[];
}): ScoringCase {
  const claims = new Map(records.claims.map((c) => [c.id, toScoredClaim(c)]));
  const entities = new Map(records.entities.map((e) => [e.id, e]));
  const documents = new Map(records.documents.map((d) => [d.id, d]));
  const byClaim = new Map<string, ClaimLink[]>();
  for (const link of records.links) {
    if (link.target.kind !== 'claim') continue;
    const edge: ClaimLink = {
      fromClaimId: link.fromClaimId,
      toClaimId: link.target.claimId,
      relation: link.relation,
    };
    for (const id of [edge.fromClaimId, edge.toClaimId]) {
      byClaim.set(id, [...(byClaim.get(id) ?? []), edge]);
    }
  }
  return {
    claim: (id) => claims.get(id),
    entityReliability: (id) => entities.get(id)?.reliability ?? 'F',
    entityName: (id) => entities.get(id)?.name ?? 'Unknown',
    documentOutletId: (id) => documents.get(id)?.outletId ?? null,
    documentTitle: (id) => documents.get(id)?.title ?? 'Unknown document',
    linksOf: (id) => byClaim.get(id) ?? [],
  };
}
