/**
 * Test helpers for the evidence tests (links, judgments, grades): a case with one document
 * and a claim on each of a few quotes, plus a claim in a second case to cross the line with.
 */
import type { Claim, ClaimDocument } from '../../../shared/domain/schemas';
import type { Backend } from '../backend';
import { addDocument, capture, makeCase } from './harness';

export const EVIDENCE_TEXT =
  'Mark Galeotti told Radio Liberty that Russia could offer little beyond diplomacy. ' +
  'Alexandra Sitenko said the war in Ukraine rules out sending Russian troops. ' +
  'Alexey Chepa told Lenta.ru that Russia would help Venezuela. ' +
  'A flight-tracking site reported that an Il-76 landed in Caracas.';

export const QUOTES = {
  diplomacy: 'Russia could offer little beyond diplomacy',
  troops: 'the war in Ukraine rules out sending Russian troops',
  help: 'Russia would help Venezuela',
  il76: 'an Il-76 landed in Caracas',
} as const;

export type QuoteKey = keyof typeof QUOTES;

export interface EvidenceCase {
  caseId: string;
  doc: ClaimDocument;
  claims: Record<QuoteKey, Claim>;
  /** A claim of another case. */
  foreign: Claim;
  foreignCaseId: string;
}

export async function seedEvidenceCase(b: Backend): Promise<EvidenceCase> {
  const caseId = await makeCase(b, 'Venezuela');
  const doc = await addDocument(b, caseId, EVIDENCE_TEXT, { title: 'Digest' });
  const claims = {} as Record<QuoteKey, Claim>;
  for (const key of Object.keys(QUOTES) as QuoteKey[]) {
    claims[key] = await capture(b, doc, EVIDENCE_TEXT, QUOTES[key], { text: `Claim ${key}` });
  }
  const foreignCaseId = await makeCase(b, 'Another question');
  const otherDoc = await addDocument(b, foreignCaseId, EVIDENCE_TEXT, { title: 'Other' });
  const foreign = await capture(b, otherDoc, EVIDENCE_TEXT, QUOTES.help, { text: 'Elsewhere' });
  return { caseId, doc, claims, foreign, foreignCaseId };
}
