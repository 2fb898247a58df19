/**
 * Opposite links between one pair of claims (issue 11): "A supports B" and "A contradicts B"
 * (or "B contradicts A") together say two things at once, and the score then counts the
 * same claim for and against. The app accepted both without a word; these functions let
 * the link dialog flag it as the link is made, and the matrix mark the pair.
 */
import type { EvidenceLink, LinkRelation } from '../domain/schemas';

/** A claim-to-claim link, as made (`fromClaimId` is the evidence). */
export interface PairLink {
  fromClaimId: string;
  toClaimId: string;
  relation: LinkRelation;
}

export interface OppositeLinks {
  /** The two claims, in the order given. */
  claimIds: [string, string];
  supports: PairLink[];
  contradicts: PairLink[];
}

/** The claim-to-claim links among evidence links (span, URL and file evidence left out). */
export const claimLinks = (links: readonly EvidenceLink[]): PairLink[] =>
  links.flatMap((l) =>
    l.target.kind === 'claim'
      ? [{ fromClaimId: l.fromClaimId, toClaimId: l.target.claimId, relation: l.relation }]
      : [],
  );

const between = (l: PairLink, a: string, b: string) =>
  (l.fromClaimId === a && l.toClaimId === b) || (l.fromClaimId === b && l.toClaimId === a);

/**
 * Whether the links between `a` and `b` (either direction) hold both "supports" and
 * "contradicts"; null when they do not. "Context" and "same claim" oppose nothing: a claim
 * can give context to one it also supports.
 */
export function oppositeLinks(
  links: readonly PairLink[],
  a: string,
  b: string,
): OppositeLinks | null {
  const pair = links.filter((l) => between(l, a, b));
  const supports = pair.filter((l) => l.relation === 'supports');
  const contradicts = pair.filter((l) => l.relation === 'contradicts');
  return supports.length > 0 && contradicts.length > 0
    ? { claimIds: [a, b], supports, contradicts }
    : null;
}

/**
 * What a new link would set against, before it is made: the existing links between the
 * same two claims with the opposite relation (empty when there is no conflict).
 */
export function wouldOppose(links: readonly PairLink[], next: PairLink): PairLink[] {
  const opposite: Partial<Record<LinkRelation, LinkRelation>> = {
    supports: 'contradicts',
    contradicts: 'supports',
  };
  const against = opposite[next.relation];
  if (!against) return [];
  return links.filter(
    (l) => l.relation === against && between(l, next.fromClaimId, next.toClaimId),
  );
}

/** Every pair of claims with opposite links, for the matrix, each pair once. */
export function conflictingPairs(links: readonly PairLink[]): OppositeLinks[] {
  const seen = new Set<string>();
  const out: OppositeLinks[] = [];
  for (const l of links) {
    const [a, b] = [l.fromClaimId, l.toClaimId].sort() as [string, string];
    const key = `${a}\u0000${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = oppositeLinks(links, a, b);
    if (found) out.push(found);
  }
  return out;
}
