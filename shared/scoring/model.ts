/**
 * The inputs of the claim score, kept to what the model reads, so it can be computed
 * from the store, from the UI's cache, or from a test's hand-made case alike.
 */
import type { Credibility, Reliability } from '../grading/scales';

export type ClaimRelation = 'supports' | 'contradicts' | 'context' | 'same_claim';

export interface ScoredClaim {
  id: string;
  documentId: string;
  credibility: Credibility;
  status: 'unverified' | 'corroborated' | 'disputed' | 'refuted';
  speakerId: string | null;
  via: readonly string[];
  /** Grades set on this attribution only, by entity id, over the entity's default. */
  reliabilityOverrides: Readonly<Record<string, Reliability>>;
}

/**
 * A claim-to-claim evidence link, as made: `fromClaimId` is the evidence, `toClaimId` the
 * claim it bears on. The score reads the direction (issue 11): "A supports B" raises B only.
 */
export interface ClaimLink {
  fromClaimId: string;
  toClaimId: string;
  relation: ClaimRelation;
}

export interface ScoringCase {
  claim(id: string): ScoredClaim | undefined;
  entityReliability(id: string): Reliability;
  entityName(id: string): string;
  documentOutletId(documentId: string): string | null;
  documentTitle(documentId: string): string;
  /** Claim-to-claim links touching `claimId`, in either direction, each as it was made. */
  linksOf(claimId: string): readonly ClaimLink[];
}

export type BreakdownKind =
  | 'source'
  | 'chain'
  | 'credibility'
  | 'base'
  | 'corroboration'
  | 'contradiction'
  | 'not_independent';

/** One line of the explanation: what was read, and what it did to the score. */
export interface BreakdownLine {
  kind: BreakdownKind;
  text: string;
  /** The score after this line, where the line changes it. */
  score?: number;
}

/**
 * Which carrier set a claim's source letter, and by which rule (issue 11, Admiralty):
 * - `originator_unjudged`: the originator (speaker, else first carrier) is F, so the chain is
 *   F whatever carried it: an outlet does not lend its grade to a source it cannot vouch for;
 * - `weakest_link`: the weakest judged grade along the chain; carriers after the originator
 *   graded F neither lower nor raise it;
 * - `no_carrier`: nobody is named, so nothing can be judged.
 */
export interface SourceLetter {
  grade: Reliability;
  rule: 'originator_unjudged' | 'weakest_link' | 'no_carrier';
  /** Entity ids of the carriers holding that grade (several when they tie). */
  setBy: string[];
  /** Carriers graded F after the originator, which the letter leaves out. */
  unjudged: string[];
}

/**
 * The claim score: a 0–100 figure for how far one claim can be trusted, from its sources,
 * its credibility and its independent corroboration. It is not an ICD 203 analytic
 * confidence (low, moderate, high), which belongs to a judgment: exports call it
 * `CLAIM_SCORE_LABEL` ("Claim score", shared/domain/labels.ts) so the two cannot be confused.
 */
export interface ClaimScore {
  /** 0–100, or null when neither source nor information can be judged. */
  value: number | null;
  /** The chain's source letter (see `SourceLetter`). */
  reliability: Reliability;
  credibility: Credibility;
  /** Which carrier set `reliability`, and by which rule. */
  letter: SourceLetter;
  /** Independent origins that raise this claim (claims that support it, or the same claim). */
  corroborating: number;
  /** Independent origins in contradiction with it (either end of a "contradicts" link). */
  contradicting: number;
  breakdown: BreakdownLine[];
}

/** @deprecated The claim score was called a "confidence score" before issue 11. */
export type ConfidenceScore = ClaimScore;
