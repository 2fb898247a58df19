/**
 * The confidence score of a claim (issue 4): computed, never typed in, always explained.
 *
 * 1. Source: every carrier in the chain (speaker, intermediaries, the document's outlet) has
 *    an Admiralty reliability grade (the attribution's override, else the entity's default).
 *    A chain is as reliable as its weakest judged link. A–E read as 90/70/50/30/10, the
 *    STIX Appendix A values of credibility 1–5, so both grades sit on one scale.
 * 2. Information: credibility 1–5 reads as its STIX value. F and 6 "cannot be judged": they
 *    add nothing and are not treated as a midpoint.
 * 3. Base: the mean of what can be judged; nothing judged gives no score.
 * 4. Corroboration: claims that support this one (or are the same claim) from an independent
 *    origin close part of the gap to 100: each closes half the gap times its own source
 *    weight. The origin is the first carrier (speaker, else first intermediary, else outlet),
 *    so two outlets repeating one speaker, or an outlet repeating another, count once.
 * 5. Contradiction: each independent contradicting origin takes away the same share.
 */
import {
  credibilityInfo,
  reliabilityInfo,
  RELIABILITY_CODES,
  type Reliability,
} from '../grading/scales';
import type { BreakdownLine, ConfidenceScore, ScoredClaim, ScoringCase } from './model';

const RELIABILITY_VALUE: Record<Reliability, number | null> = {
  A: 90,
  B: 70,
  C: 50,
  D: 30,
  E: 10,
  F: null,
};

/** The weight of an independent source whose reliability cannot be judged. */
const UNJUDGED_WEIGHT = 0.3;

const round = (n: number) => Math.round(n);

/** The carriers of a claim, nearest the speaker first, with the grade used for each. */
export function chainOf(claim: ScoredClaim, c: ScoringCase): { id: string; grade: Reliability }[] {
  const ids = [
    ...(claim.speakerId ? [claim.speakerId] : []),
    ...claim.via,
    c.documentOutletId(claim.documentId),
  ].filter((id, i, all): id is string => id !== null && all.indexOf(id) === i);
  return ids.map((id) => ({
    id,
    grade: claim.reliabilityOverrides[id] ?? c.entityReliability(id),
  }));
}

/** The weakest judged grade of the chain, or F when none is judged. */
export function chainReliability(claim: ScoredClaim, c: ScoringCase): Reliability {
  const judged = chainOf(claim, c)
    .map((link) => link.grade)
    .filter((g) => g !== 'F');
  if (judged.length === 0) return 'F';
  return judged.reduce((worst, g) =>
    RELIABILITY_CODES.indexOf(g) > RELIABILITY_CODES.indexOf(worst) ? g : worst,
  );
}

/** Where a claim first comes from: the unit of independence. */
export function originOf(claim: ScoredClaim, c: ScoringCase): string {
  return (
    claim.speakerId ??
    claim.via[0] ??
    c.documentOutletId(claim.documentId) ??
    `document:${claim.documentId}`
  );
}

const originName = (origin: string, claim: ScoredClaim, c: ScoringCase) =>
  origin.startsWith('document:') ? `“${c.documentTitle(claim.documentId)}”` : c.entityName(origin);

/** Claims joined to `claimId` by "same claim" links, directly or through others. */
function sameClaimGroup(claimId: string, c: ScoringCase): Set<string> {
  const group = new Set([claimId]);
  const queue = [claimId];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const link of c.linksOf(id)) {
      if (link.relation !== 'same_claim') continue;
      const other = link.fromClaimId === id ? link.toClaimId : link.fromClaimId;
      if (!group.has(other)) {
        group.add(other);
        queue.push(other);
      }
    }
  }
  return group;
}

/** Related claims by independent origin; the strongest claim stands for each origin. */
function byOrigin(claims: ScoredClaim[], c: ScoringCase) {
  const origins = new Map<string, ScoredClaim[]>();
  for (const claim of claims) {
    const origin = originOf(claim, c);
    origins.set(origin, [...(origins.get(origin) ?? []), claim]);
  }
  return origins;
}

const weightOf = (grade: Reliability) => {
  const value = RELIABILITY_VALUE[grade];
  return value === null ? UNJUDGED_WEIGHT : value / 100;
};

export function scoreClaim(claim: ScoredClaim, c: ScoringCase): ConfidenceScore {
  const lines: BreakdownLine[] = [];
  for (const link of chainOf(claim, c)) {
    const info = reliabilityInfo(link.grade);
    const overridden = claim.reliabilityOverrides[link.id] ? ' (set on this attribution)' : '';
    lines.push({
      kind: 'source',
      text: `${c.entityName(link.id)}: ${info.code}, ${info.label.toLowerCase()}${overridden}`,
    });
  }
  const reliability = chainReliability(claim, c);
  const relValue = RELIABILITY_VALUE[reliability];
  lines.push({
    kind: 'chain',
    text:
      relValue === null
        ? 'Source reliability cannot be judged (no graded carrier).'
        : `Weakest link in the chain: ${reliability} → ${relValue}`,
  });
  const cred = credibilityInfo(claim.credibility);
  lines.push({
    kind: 'credibility',
    text:
      cred.stix === null
        ? `Credibility 6: ${cred.label.toLowerCase()}.`
        : `Credibility ${cred.code}, ${cred.label.toLowerCase()} → ${cred.stix}`,
  });
  const judged = [relValue, cred.stix].filter((v): v is number => v !== null);

  // Related claims, with the ones that are not independent of this one set aside.
  const own = originOf(claim, c);
  const same = sameClaimGroup(claim.id, c);
  const supporting: ScoredClaim[] = [];
  const contradicting: ScoredClaim[] = [];
  for (const id of same) {
    if (id !== claim.id) {
      const other = c.claim(id);
      if (other) supporting.push(other);
    }
    for (const link of c.linksOf(id)) {
      if (link.relation !== 'supports' && link.relation !== 'contradicts') continue;
      const otherId = link.fromClaimId === id ? link.toClaimId : link.fromClaimId;
      const other = c.claim(otherId);
      if (!other || same.has(otherId)) continue;
      (link.relation === 'supports' ? supporting : contradicting).push(other);
    }
  }
  const independent = (claims: ScoredClaim[]) => {
    const origins = byOrigin(claims, c);
    const ownRepeats = origins.get(own) ?? [];
    origins.delete(own);
    for (const repeat of ownRepeats) {
      lines.push({
        kind: 'not_independent',
        text: `Not counted: “${c.documentTitle(repeat.documentId)}” carries the same origin (${originName(own, claim, c)}).`,
      });
    }
    return [...origins.entries()].map(([origin, list]) => {
      const best = list.reduce((a, b) =>
        weightOf(chainReliability(b, c)) > weightOf(chainReliability(a, c)) ? b : a,
      );
      if (list.length > 1) {
        lines.push({
          kind: 'not_independent',
          text: `${list.length} claims from ${originName(origin, best, c)} count as one source.`,
        });
      }
      return { origin, claim: best, grade: chainReliability(best, c) };
    });
  };
  const pro = independent(supporting);
  const con = independent(contradicting);

  if (judged.length === 0) {
    lines.push({
      kind: 'base',
      text: 'No score: neither the source nor the information can be judged.',
    });
    return {
      value: null,
      reliability,
      credibility: claim.credibility,
      corroborating: pro.length,
      contradicting: con.length,
      breakdown: lines,
    };
  }
  let score = judged.reduce((a, b) => a + b, 0) / judged.length;
  lines.push({
    kind: 'base',
    text:
      judged.length === 2
        ? `Base: mean of ${judged[0]} and ${judged[1]}`
        : 'Base: the one grade that can be judged',
    score: round(score),
  });
  for (const { origin, claim: other, grade } of pro) {
    const share = 0.5 * weightOf(grade);
    score += (100 - score) * share;
    lines.push({
      kind: 'corroboration',
      text: `Corroborated by ${originName(origin, other, c)} (${grade}): closes ${round(share * 100)}% of the gap`,
      score: round(score),
    });
  }
  for (const { origin, claim: other, grade } of con) {
    const share = 0.5 * weightOf(grade);
    score *= 1 - share;
    lines.push({
      kind: 'contradiction',
      text: `Contradicted by ${originName(origin, other, c)} (${grade}): takes away ${round(share * 100)}%`,
      score: round(score),
    });
  }
  return {
    value: round(score),
    reliability,
    credibility: claim.credibility,
    corroborating: pro.length,
    contradicting: con.length,
    breakdown: lines,
  };
}
