/** Claims for the search tests: every field filled as the store fills it by default. */
import type { Claim } from '../domain/schemas';

export const T0 = '2025-11-01T00:00:00.000Z';

export function claim(id: string, text: string, fields: Partial<Claim> = {}): Claim {
  return {
    id,
    caseId: 'case',
    documentId: 'doc-tass',
    text,
    anchor: { exact: text, prefix: '', suffix: '', start: 0, end: text.length },
    anchorState: 'anchored',
    kind: 'unattributed',
    status: 'unverified',
    tags: [],
    notes: '',
    credibility: 6,
    attribution: {
      speakerId: null,
      via: [],
      cue: '',
      saidOn: '',
      reportedOn: '',
      reliabilityOverrides: {},
    },
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

export const said = (speakerId: string | null, via: string[] = []): Claim['attribution'] => ({
  speakerId,
  via,
  cue: '',
  saidOn: '',
  reportedOn: '',
  reliabilityOverrides: {},
});
