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

/** "1 claim", "2 claims": a count with its noun (every noun we count takes a plain -s). */
export const countOf = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
