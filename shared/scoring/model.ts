/**
 * The inputs of the confidence score, kept to what the model reads, so it can be computed
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
  /** Claim-to-claim links touching `claimId`, in either direction. */
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

export interface ConfidenceScore {
  /** 0–100, or null when neither source nor information can be judged. */
  value: number | null;
  /** The weakest judged grade along the chain (speaker, intermediaries, outlet), if any. */
  reliability: Reliability;
  credibility: Credibility;
  corroborating: number;
  contradicting: number;
  breakdown: BreakdownLine[];
}
