/**
 * The claim score (issues 4 and 11): computed, never typed in, always explained. Exports and
 * the UI call it `CLAIM_SCORE_LABEL` ("Claim score", 0–100): it says how far one claim can be
 * trusted, and is not an ICD 203 analytic confidence, which belongs to a key judgment.
 *
 * 1. Source: the chain's Admiralty letter (sourceLetter.ts: an unjudgeable originator makes
 *    the chain F; otherwise the weakest judged link). A–E read as 90/70/50/30/10, the STIX
 *    Appendix A values of credibility 1–5, so both grades sit on one scale.
 * 2. Information: credibility 1–5 reads as its STIX value. F and 6 "cannot be judged": they
 *    add nothing and are not treated as a midpoint.
 * 3. Base: the mean of what can be judged; nothing judged gives no score.
 * 4. Corroboration runs one way: a claim is raised by the claims that support it (links
 *    whose target it is) and by its "same claim" group (symmetric, transitive). "A supports
 *    B" raises B and never A: A is evidence for B, B is not evidence for A. Each independent
 *    origin closes half the gap to 100 times its own source weight. The origin is the first
 *    carrier (speaker, else first intermediary, else outlet), so two outlets repeating one
 *    speaker, or an outlet repeating another, count once; the claim's own origin never
 *    corroborates it.
 * 5. Contradiction is symmetric: two claims in contradiction cannot both hold, whichever of
 *    them the analyst linked from (Admiralty credibility 5, "contradicted by other
 *    information", reads the same from either side). Each lowers the other by the same
 *    share, weighted by its own source, so a well-sourced claim dents a weak one more than
 *    the reverse.
 * 6. "Context" links never change a score.
 * Scores do not propagate: a supporting claim weighs by its source letter, not by its own
 * score, so the result does not depend on the order links were made in.
 */
import { credibilityInfo, reliabilityInfo, type Reliability } from '../grading/scales';
import type { BreakdownLine, ClaimScore, ScoredClaim, ScoringCase } from './model';
import {
  chainOf,
  chainReliability,
  originOf,
  sourceLetter,
  sourceLetterText,
} from './sourceLetter';

export { chainOf, chainReliability, originOf, sourceLetter } from './sourceLetter';

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

const originName = (origin: string, claim: ScoredClaim, c: ScoringCase) =>
  origin.startsWith('document:') ? `“${c.documentTitle(claim.documentId)}”` : c.entityName(origin);

/** Claims joined to `claimId` by "same claim" links, directly or through others. */
export function sameClaimGroup(claimId: string, c: ScoringCase): Set<string> {
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

/**
 * The claims that bear on `claim`'s score, each once: those that raise it (its "same claim"
 * group, and claims that support any member of the group) and those in contradiction with
 * any member, in either direction. Links the group makes to others ("this supports that")
 * are evidence for the others and are not read here.
 */
export function relatedClaims(
  claim: ScoredClaim,
  c: ScoringCase,
): { supporting: ScoredClaim[]; contradicting: ScoredClaim[] } {
  const same = sameClaimGroup(claim.id, c);
  const supporting = new Map<string, ScoredClaim>();
  const contradicting = new Map<string, ScoredClaim>();
  const add = (into: Map<string, ScoredClaim>, id: string) => {
    const other = c.claim(id);
    if (other) into.set(id, other);
  };
  for (const id of same) {
    if (id !== claim.id) add(supporting, id);
    for (const link of c.linksOf(id)) {
      if (link.relation === 'supports' && link.toClaimId === id) {
        if (!same.has(link.fromClaimId)) add(supporting, link.fromClaimId);
      } else if (link.relation === 'contradicts') {
        const other = link.fromClaimId === id ? link.toClaimId : link.fromClaimId;
        if (!same.has(other)) add(contradicting, other);
      }
    }
  }
  return { supporting: [...supporting.values()], contradicting: [...contradicting.values()] };
}

const weightOf = (grade: Reliability) => {
  const value = RELIABILITY_VALUE[grade];
  return value === null ? UNJUDGED_WEIGHT : value / 100;
};

/** Related claims by independent origin; the best-sourced claim stands for each origin. */
function independent(
  claims: readonly ScoredClaim[],
  claim: ScoredClaim,
  c: ScoringCase,
  lines: BreakdownLine[],
) {
  const own = originOf(claim, c);
  const origins = new Map<string, ScoredClaim[]>();
  for (const other of claims) {
    const origin = originOf(other, c);
    origins.set(origin, [...(origins.get(origin) ?? []), other]);
  }
  for (const repeat of origins.get(own) ?? []) {
    lines.push({
      kind: 'not_independent',
      text: `Not counted: “${c.documentTitle(repeat.documentId)}” carries the same origin (${originName(own, claim, c)}).`,
    });
  }
  origins.delete(own);
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
}

export function scoreClaim(claim: ScoredClaim, c: ScoringCase): ClaimScore {
  const lines: BreakdownLine[] = [];
  for (const link of chainOf(claim, c)) {
    const info = reliabilityInfo(link.grade);
    const overridden = claim.reliabilityOverrides[link.id] ? ' (set on this attribution)' : '';
    lines.push({
      kind: 'source',
      text: `${c.entityName(link.id)}: ${info.code}, ${info.label.toLowerCase()}${overridden}`,
    });
  }
  const letter = sourceLetter(claim, c);
  const reliability = letter.grade;
  const relValue = RELIABILITY_VALUE[reliability];
  lines.push({ kind: 'chain', text: sourceLetterText(claim, letter, c, relValue) });
  const cred = credibilityInfo(claim.credibility);
  lines.push({
    kind: 'credibility',
    text:
      cred.stix === null
        ? `Credibility 6: ${cred.label.toLowerCase()}.`
        : `Credibility ${cred.code}, ${cred.label.toLowerCase()} → ${cred.stix}`,
  });
  const judged = [relValue, cred.stix].filter((v): v is number => v !== null);

  const related = relatedClaims(claim, c);
  const pro = independent(related.supporting, claim, c, lines);
  const con = independent(related.contradicting, claim, c, lines);
  const result = (value: number | null): ClaimScore => ({
    value,
    reliability,
    credibility: claim.credibility,
    letter,
    corroborating: pro.length,
    contradicting: con.length,
    breakdown: lines,
  });

  if (judged.length === 0) {
    lines.push({
      kind: 'base',
      text: 'No score: neither the source nor the information can be judged.',
    });
    return result(null);
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
  return result(round(score));
}
