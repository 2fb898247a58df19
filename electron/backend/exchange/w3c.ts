/**
 * The claims of a case as a W3C Web Annotation AnnotationCollection (JSON-LD), with one
 * Annotation per claim on its first (only) page, so that any Web Annotation client can show
 * the highlights and what the analyst made of them.
 *
 * Modelling choices (W3C Web Annotation Data Model, §3.3.5 motivations and purposes):
 * - motivation `assessing`: a claim is the analyst's assessment of a passage (grades,
 *   status, what it corroborates), not a bare comment or highlight;
 * - bodies: the analyst's wording (`describing`: it says what the passage claims), the grades
 *   and attribution (`assessing`), the analyst's notes (`commenting`), one per tag (`tagging`);
 * - `creator` is the analyst who captured the claim, as the model defines it (the agent
 *   responsible for the annotation). The speaker is not the annotation's creator: the speaker
 *   is named in the assessing body, since the model has no property for who is quoted;
 * - target: the document (its URL, else a urn for the snapshot) with a TextQuoteSelector and
 *   a TextPositionSelector, two selectors of the same span; positions count Unicode code
 *   points into the document's extracted text, as §4.2.5 requires, not UTF-16 units;
 * - items carry no `@context` of their own: embedded in the collection they inherit its
 *   context, as in the specification's collection examples.
 */
import {
  codePointCounter,
  positionSelector,
  quoteSelector,
} from '../../../shared/anchoring/codePoints';
import type { Claim, ClaimDocument } from '../../../shared/domain/schemas';
import { textOf, type CaseData } from './caseData';
import { assessmentLine, attributionLine } from './claimSummary';
import { derivedUrn, urnFor } from './ids';
import { writeJsonArray, type FileWriter, type Progress } from './streamWriter';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'describing' | 'assessing' | 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
}

const body = (purpose: TextualBody['purpose'], value: string): TextualBody => ({
  type: 'TextualBody',
  purpose,
  value,
  format: 'text/plain',
});

/** Where the quote lives: the page it was taken from if known, else the snapshot itself. */
const sourceOf = (document: ClaimDocument): string =>
  /^https?:\/\//i.test(document.url) ? document.url : urnFor('document', document.id);

/** One claim as an Annotation. */
function annotator(data: CaseData): (claim: Claim) => Record<string, unknown> {
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const names = new Map(data.entities.map((e) => [e.id, e.name]));
  const name = (id: string) => names.get(id) ?? 'unknown';
  // One counter per document text, made when its first claim is written.
  const counters = new Map<string, (offset: number) => number>();
  const counterOf = (documentId: string, text: string) => {
    let count = counters.get(documentId);
    if (!count) counters.set(documentId, (count = codePointCounter(text)));
    return count;
  };
  return (claim) => {
    const document = documents.get(claim.documentId);
    if (!document) throw new Error(`claim ${claim.id} has no document in the case`);
    const creator = data.capturedBy.get(claim.id);
    const score = data.score(claim);
    const text = textOf(data, document.id);
    return {
      id: urnFor('claim', claim.id),
      type: 'Annotation',
      motivation: 'assessing',
      created: claim.createdAt,
      modified: claim.updatedAt,
      ...(creator ? { creator: { type: 'Person', nickname: creator } } : {}),
      body: [
        body('describing', claim.text),
        body('assessing', `${attributionLine(claim, name)} ${assessmentLine(claim, score)}`),
        ...(claim.notes ? [body('commenting', claim.notes)] : []),
        ...claim.tags.map((tag) => body('tagging', tag)),
        // Positions count code points of the text, which is missing from the data folder.
        ...(text === null
          ? [
              body(
                'commenting',
                'The text of this document was missing when the case was exported: only the quote locates the claim.',
              ),
            ]
          : []),
      ],
      target: {
        type: 'SpecificResource',
        source: sourceOf(document),
        selector: [
          quoteSelector(claim.anchor),
          ...(text === null
            ? []
            : [positionSelector(text, claim.anchor, counterOf(document.id, text))]),
        ],
      },
    };
  };
}

/** The collection, written a claim at a time; its one page holds every annotation. */
export async function writeAnnotationCollection(
  data: CaseData,
  out: FileWriter,
  progress: Progress,
): Promise<void> {
  const id = urnFor('case', data.case.id);
  const head = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: data.case.title,
    created: data.case.createdAt,
    modified: data.case.updatedAt,
    total: data.claims.length,
  };
  const json = JSON.stringify(head, null, 2);
  // §5.1: `first` is required when there are annotations, and only then.
  if (data.claims.length === 0) {
    await out.write(`${json}\n`);
    return;
  }
  const page = {
    id: derivedUrn(`annotation-page:1:${data.case.id}`),
    type: 'AnnotationPage',
    partOf: id,
    startIndex: 0,
  };
  const pageJson = JSON.stringify(page, null, 2).replace(/\n/g, '\n  ');
  await out.write(`${json.slice(0, -2)},\n  "first": ${pageJson.slice(0, -4)},\n    "items": `);
  await writeJsonArray(out, data.claims, annotator(data), progress, '      ');
  await out.write('\n  }\n}\n');
}
