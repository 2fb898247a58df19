/** Moving imported records onto this store's ids (importPlan.ts). */
import type { Briefing, Claim, EvidenceLink, LinkTarget } from '../../../shared/domain/schemas';
import { SYMMETRIC, sameTarget } from '../handlers/links';

type Kind = 'case' | 'document' | 'claim' | 'entity' | 'link' | 'judgment' | 'briefing';

/** The file's ids to this store's, per kind of record. */
export class IdMap {
  private readonly map = new Map<string, string>();

  constructor(private readonly newId: () => string) {}

  set(kind: Kind, from: string, to: string): void {
    this.map.set(`${kind}/${from}`, to);
  }

  /** A new id for the file's record `from`, remembered for the records that name it. */
  fresh(kind: Kind, from: string): string {
    const id = this.newId();
    this.set(kind, from, id);
    return id;
  }

  has(kind: Kind, from: string): boolean {
    return this.map.has(`${kind}/${from}`);
  }

  /** The new id; the file was checked (caseFileChecks.ts), so a miss is a bug. */
  get(kind: Kind, from: string): string {
    const id = this.map.get(`${kind}/${from}`);
    if (id === undefined) throw new Error(`import: no ${kind} mapped for ${from}`);
    return id;
  }
}

export function remapClaim(claim: Claim, ids: IdMap, caseId: string): Claim {
  const a = claim.attribution;
  const speakerId = a.speakerId === null ? null : ids.get('entity', a.speakerId);
  // Two of the file's entities may be one person here (found by name): keep the chain valid,
  // with no one twice and the speaker not among the intermediaries.
  const via = [...new Set(a.via.map((id) => ids.get('entity', id)))].filter(
    (id) => id !== speakerId,
  );
  const reliabilityOverrides = Object.fromEntries(
    Object.entries(a.reliabilityOverrides).map(([id, grade]) => [ids.get('entity', id), grade]),
  );
  return {
    ...claim,
    caseId,
    documentId: ids.get('document', claim.documentId),
    attribution: { ...a, speakerId, via, reliabilityOverrides },
  };
}

function remapTarget(target: LinkTarget, ids: IdMap): LinkTarget {
  switch (target.kind) {
    case 'claim':
      return { ...target, claimId: ids.get('claim', target.claimId) };
    case 'span':
      return { ...target, documentId: ids.get('document', target.documentId) };
    default:
      return target;
  }
}

/** The link with this store's ids; its own id is new. */
export function remapLink(link: EvidenceLink, ids: IdMap, caseId: string): EvidenceLink {
  return {
    ...link,
    id: ids.fresh('link', link.id),
    caseId,
    fromClaimId: ids.get('claim', link.fromClaimId),
    target: remapTarget(link.target, ids),
  };
}

/** Whether two links say the same thing, their ids and notes aside (as links:create merges). */
export function sameLink(a: EvidenceLink, b: EvidenceLink): boolean {
  if (a.relation !== b.relation) return false;
  if (a.fromClaimId === b.fromClaimId && sameTarget(a.target, b.target)) return true;
  return (
    SYMMETRIC.has(a.relation) &&
    a.target.kind === 'claim' &&
    b.target.kind === 'claim' &&
    a.fromClaimId === b.target.claimId &&
    b.fromClaimId === a.target.claimId
  );
}

/** The briefing with this store's ids; claims or judgments the file no longer has are dropped. */
export function remapBriefing(briefing: Briefing, ids: IdMap, caseId: string): Briefing {
  const claimIds = briefing.claimIds.filter((id) => ids.has('claim', id));
  return {
    ...briefing,
    id: ids.fresh('briefing', briefing.id),
    caseId,
    claimIds: claimIds.map((id) => ids.get('claim', id)),
    judgmentIds: briefing.judgmentIds
      .filter((id) => ids.has('judgment', id))
      .map((id) => ids.get('judgment', id)),
    claimVersions: Object.fromEntries(
      Object.entries(briefing.claimVersions)
        .filter(([id]) => ids.has('claim', id))
        .map(([id, version]) => [ids.get('claim', id), version]),
    ),
    // The note as last saved names its claims too, to mark those edited since.
    saved: briefing.saved && {
      ...briefing.saved,
      claims: briefing.saved.claims.map((c) => ({
        ...c,
        claimId: ids.has('claim', c.claimId) ? ids.get('claim', c.claimId) : c.claimId,
      })),
    },
  };
}
