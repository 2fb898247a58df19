import { describe, expect, it } from 'vitest';
import { DocumentSchema, type ClaimDocument } from '../../../shared/domain/schemas';
import { Relations } from './relations';

const doc = (id: string, title: string): ClaimDocument =>
  DocumentSchema.parse({
    id,
    caseId: 'case-1',
    title,
    format: 'paste',
    contentHash: '0'.repeat(64),
    textLength: 10,
    createdAt: '2025-11-01T08:00:00.000Z',
  });

/** Relations over a map of documents, as the store would hold them. */
function relationsOver(documents: Map<string, ClaimDocument>): Relations {
  const relations = new Relations();
  relations.allDocuments = () => documents.values();
  return relations;
}

function put(relations: Relations, documents: Map<string, ClaimDocument>, d: ClaimDocument) {
  relations.document(documents.get(d.id), d);
  documents.set(d.id, d);
}

const titlesMatching = (relations: Relations, term: string): string[] =>
  [...relations.titleTerms.match(term, { prefix: true })].map(
    (n) => relations.documentNumbers.ids[n] ?? '',
  );

describe('Relations: the title index', () => {
  it('finds the titles there are when it is first asked, renames made before it included', () => {
    const documents = new Map<string, ClaimDocument>();
    const relations = relationsOver(documents);
    put(relations, documents, doc('d1', 'Moscow and Caracas'));
    put(relations, documents, doc('d2', 'Oil prices'));
    put(relations, documents, doc('d1', 'Moscow weighs its options'));
    expect(titlesMatching(relations, 'caracas')).toEqual([]);
    expect(titlesMatching(relations, 'weighs')).toEqual(['d1']);
    expect(titlesMatching(relations, 'oil')).toEqual(['d2']);
  });

  it('follows every change once built: a new title, a renamed one, a deleted document', () => {
    const documents = new Map<string, ClaimDocument>();
    const relations = relationsOver(documents);
    put(relations, documents, doc('d1', 'Moscow and Caracas'));
    relations.settle();
    put(relations, documents, doc('d2', 'Caracas replies'));
    expect(titlesMatching(relations, 'caracas').sort()).toEqual(['d1', 'd2']);
    put(relations, documents, doc('d1', 'Moscow alone'));
    expect(titlesMatching(relations, 'caracas')).toEqual(['d2']);
    relations.document(documents.get('d2'), undefined);
    documents.delete('d2');
    expect(titlesMatching(relations, 'caracas')).toEqual([]);
    expect(titlesMatching(relations, 'mo')).toEqual(['d1']);
  });
});
