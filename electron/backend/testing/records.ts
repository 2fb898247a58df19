/** Test helpers: valid domain records to feed the store directly. */
import type { Case, Claim, ClaimDocument, HistoryEntry } from '../../../shared/domain/schemas';
import { hashText } from '../store/textStore';

export const T0 = '2025-11-01T00:00:00.000Z';

export function validCase(id: string, fields: Partial<Omit<Case, 'id'>> = {}): Case {
  return { id, title: `Case ${id}`, question: '', createdAt: T0, updatedAt: T0, ...fields };
}

/** A pasted document of `caseId` whose text is `text` (store it with `store.texts.put`). */
export function validDocument(
  id: string,
  caseId: string,
  text: string,
  fields: Partial<Omit<ClaimDocument, 'id' | 'caseId'>> = {},
): ClaimDocument {
  return {
    id,
    caseId,
    title: `Document ${id}`,
    outlet: '',
    url: '',
    author: '',
    publishedAt: '',
    retrievedAt: '',
    format: 'paste',
    fileName: '',
    outletId: null,
    previousVersionId: null,
    contentHash: hashText(text),
    textLength: text.length,
    createdAt: T0,
    ...fields,
  };
}

/** A claim on the first four characters of its document. */
export function validClaim(
  id: string,
  caseId: string,
  documentId: string,
  fields: Partial<Omit<Claim, 'id' | 'caseId' | 'documentId'>> = {},
): Claim {
  return {
    id,
    caseId,
    documentId,
    text: `Claim ${id}`,
    anchor: { exact: 'text', prefix: '', suffix: '', start: 0, end: 4 },
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

/** One history entry of a claim; `n` orders the entries of a test (later `at`). */
export function validHistory(id: string, claimId: string, n: number): HistoryEntry {
  return {
    id,
    claimId,
    at: new Date(Date.parse(T0) + n * 1000).toISOString(),
    by: 'analyst',
    action: n === 0 ? 'created' : 'edited',
    changes: [],
  };
}
