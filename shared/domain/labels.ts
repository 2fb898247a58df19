/** How the domain's codes read to an analyst, in the UI and in exports. */
import type { ClaimKind, ClaimStatus, EntityKind } from './enums';

export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  direct_quote: 'Direct quote',
  indirect_speech: 'Indirect speech',
  reported: 'Reported by an outlet',
  unattributed: 'Unattributed',
  inference: "Analyst's inference",
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  disputed: 'Disputed',
  refuted: 'Refuted',
};

export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  outlet: 'Outlet',
  government: 'Government body',
  organisation: 'Organisation',
  company: 'Company',
  other: 'Other',
};

/** The reporting verbs analysts use most, offered as suggestions. */
export const COMMON_CUES = [
  'said',
  'says',
  'told',
  'according to',
  'stated',
  'argued',
  'added',
  'claimed',
  'reported',
  'reportedly',
  'wrote',
  'speculated',
  'cautioned',
  'denied',
] as const;

/**
 * "100,000": digits grouped by threes, as the English UI writes them. Not `toLocaleString`:
 * its first call loads the locale's number data (18–64 ms in Chromium here), and the first
 * call came in the claim list's loading note, while the page was opening (issue 9).
 */
export const groupDigits = (n: number): string =>
  Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);

/** "1 claim", "2 claims": a count with its noun (every noun we count takes a plain -s). */
export const countOf = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The name of the computed 0–100 score of a claim (shared/scoring/confidence.ts), in the UI
 * and in every export (issue 11). Not "confidence": ICD 203 keeps that word for the analytic
 * confidence of a key judgment (low, moderate, high), and a briefing showing "confidence 75"
 * beside "Confidence: moderate" reads as one scale to a decision-maker.
 */
export const CLAIM_SCORE_LABEL = 'Claim score';

/** What the claim score is, for a tooltip or a table's legend. */
export const CLAIM_SCORE_HINT =
  'How far this claim can be trusted, 0–100, from its sources, its credibility and its independent corroboration. Not an ICD 203 confidence level.';

/** "claim score 66/100", or "no claim score" when nothing can be judged. */
export const claimScoreText = (value: number | null): string =>
  value === null
    ? `no ${CLAIM_SCORE_LABEL.toLowerCase()}`
    : `${CLAIM_SCORE_LABEL.toLowerCase()} ${value}/100`;

/** ICD 203's confidence in a key judgment, named in full wherever a claim score may be near. */
export const ANALYTIC_CONFIDENCE_LABEL = 'Analytic confidence';
