/**
 * What a schema cannot say about a case file: that its records belong to its case, that every
 * id they name is in the file, and that each document's text is the one its claims were
 * anchored in. A hand-edited file that breaks one of these would import claims pointing at
 * nothing, or highlights over the wrong words; it is refused with the first problem named.
 */
import { hashText } from '../store/textStore';
import type { CaseFile } from './caseFile';

function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

export function firstProblem(file: CaseFile): string | null {
  const caseId = file.case.id;
  const collections = {
    documents: file.documents,
    claims: file.claims,
    entities: file.entities,
    links: file.links,
    judgments: file.judgments,
    briefings: file.briefings,
    history: file.history,
  };
  for (const [name, records] of Object.entries(collections)) {
    const duplicate = firstDuplicate(records.map((r) => r.id));
    if (duplicate) return `${name}: the id ${duplicate} is used twice`;
    for (const record of records) {
      if ('caseId' in record && record.caseId !== caseId) {
        return `${name}: ${record.id} belongs to case ${record.caseId}, not to the file's case ${caseId}`;
      }
    }
  }
  const documents = new Map(file.documents.map((d) => [d.id, d]));
  const entities = new Set(file.entities.map((e) => e.id));
  const claims = new Set(file.claims.map((c) => c.id));
  const missingEntity = (id: string | null) => id !== null && !entities.has(id);

  for (const d of file.documents) {
    // A text missing where the case was exported (null) cannot be checked: the document comes
    // in without it, as it was there.
    if (d.text !== null && (hashText(d.text) !== d.contentHash || d.text.length !== d.textLength)) {
      return `the text of document “${d.title}” does not match its content hash (was it edited?)`;
    }
    if (missingEntity(d.outletId))
      return `document ${d.id} names outlet ${d.outletId ?? ''}, which is not in the file`;
    if (d.previousVersionId !== null && !documents.has(d.previousVersionId)) {
      return `document ${d.id} replaces document ${d.previousVersionId}, which is not in the file`;
    }
  }
  for (const c of file.claims) {
    const document = documents.get(c.documentId);
    if (!document) return `claim ${c.id} is on document ${c.documentId}, which is not in the file`;
    if (
      document.text !== null &&
      document.text.slice(c.anchor.start, c.anchor.end) !== c.anchor.exact
    ) {
      return `claim ${c.id}: its quote is not at ${c.anchor.start}–${c.anchor.end} of its document`;
    }
    const a = c.attribution;
    const named = [a.speakerId, ...a.via, ...Object.keys(a.reliabilityOverrides)];
    const missing = named.find(missingEntity);
    if (missing) return `claim ${c.id} names entity ${missing}, which is not in the file`;
  }
  for (const l of file.links) {
    const target = l.target;
    if (!claims.has(l.fromClaimId))
      return `link ${l.id} starts at claim ${l.fromClaimId}, which is not in the file`;
    if (target.kind === 'claim' && !claims.has(target.claimId)) {
      return `link ${l.id} points at claim ${target.claimId}, which is not in the file`;
    }
    if (target.kind === 'span' && !documents.has(target.documentId)) {
      return `link ${l.id} points into document ${target.documentId}, which is not in the file`;
    }
  }
  for (const j of file.judgments) {
    const missing = j.basis.find((b) => !claims.has(b.claimId));
    if (missing)
      return `judgment ${j.id} rests on claim ${missing.claimId}, which is not in the file`;
  }
  const orphan = file.history.find((h) => !claims.has(h.claimId));
  if (orphan)
    return `history entry ${orphan.id} is about claim ${orphan.claimId}, which is not in the file`;
  // Briefings may still list a claim deleted since (the note shows it as removed), so
  // their references are not checked here; the import drops the ones that lead nowhere.
  return null;
}
