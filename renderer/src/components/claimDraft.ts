/** The editable fields of a claim, as the capture panel and the claim editor hold them. */
import type { ProposedEntity } from '../../../shared/contract/channels';
import type { Claim, ClaimKind, ClaimStatus } from '../../../shared/domain/schemas';
import type { Credibility, Reliability } from '../../../shared/grading/scales';
import type { ClaimChanges } from '../store/claimsSlice';

export interface ClaimDraft {
  text: string;
  /** `auto`: direct speech when there is a speaker, unattributed when not (backend default). */
  kind: ClaimKind | 'auto';
  status: ClaimStatus;
  tags: string[];
  notes: string;
  speakerId: string | null;
  via: string[];
  cue: string;
  saidOn: string;
  reportedOn: string;
  credibility: Credibility;
  reliabilityOverrides: Record<string, Reliability>;
  /** People and outlets a suggestion would add, under temporary ids (./suggestionDraft.ts). */
  proposed?: Record<string, ProposedEntity>;
}

export const newDraft = (reportedOn: string): ClaimDraft => ({
  text: '',
  kind: 'auto',
  status: 'unverified',
  tags: [],
  notes: '',
  speakerId: null,
  via: [],
  cue: '',
  saidOn: '',
  reportedOn,
  credibility: 6,
  reliabilityOverrides: {},
});

export const draftOf = (claim: Claim): ClaimDraft => ({
  text: claim.text,
  kind: claim.kind,
  status: claim.status,
  tags: claim.tags,
  notes: claim.notes,
  credibility: claim.credibility,
  ...claim.attribution,
});

/** The draft as contract fields. */
export function changesOf(draft: ClaimDraft): ClaimChanges {
  return {
    text: draft.text.trim() || undefined,
    kind: draft.kind === 'auto' ? undefined : draft.kind,
    status: draft.status,
    tags: draft.tags,
    notes: draft.notes,
    credibility: draft.credibility,
    attribution: {
      speakerId: draft.speakerId,
      via: draft.via,
      cue: draft.cue.trim(),
      saidOn: draft.saidOn,
      reportedOn: draft.reportedOn,
      // The backend keeps only those for the claim's carriers.
      reliabilityOverrides: draft.reliabilityOverrides,
    },
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `now` that differ from `before`. */
function changedFields<T extends object>(now: T, before: T): Partial<T> {
  const changed: Partial<T> = {};
  // Object.keys types its answer as string[]; these are the keys of T by construction.
  for (const key of Object.keys(now) as (keyof T)[]) {
    if (!same(now[key], before[key])) changed[key] = now[key];
  }
  return changed;
}

/**
 * Only what the analyst changed since the editor opened on `opened`. Sending every field
 * would put back the old values of fields another window or a teammate changed meanwhile
 * (issue 14: a shared claim's status edited on another desk, then notes saved here from a
 * form opened before it arrived, silently undid that status).
 */
export function changesSince(draft: ClaimDraft, opened: ClaimDraft): ClaimChanges {
  const { attribution: now, ...fields } = changesOf(draft);
  const { attribution: before, ...fieldsBefore } = changesOf(opened);
  const changes: ClaimChanges = changedFields(fields, fieldsBefore);
  const attribution = now && before ? changedFields(now, before) : now;
  if (attribution && Object.keys(attribution).length > 0) changes.attribution = attribution;
  return changes;
}
