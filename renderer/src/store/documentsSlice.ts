/** The open case's documents, the open document and the texts fetched so far. */
import type { Input } from '../../../shared/contract/channels';
import { countOf } from '../../../shared/domain/labels';
import type { ClaimDocument } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import type { ActionError, AppState, SliceCreator } from './types';

export type NewDocument = Omit<Input<'documents:create'>, 'caseId' | 'versionOf'>;

export interface DocumentsSlice {
  documents: ClaimDocument[];
  activeDocumentId: string | null;
  /** Texts by document id; texts are immutable, so a fetched one never goes stale. */
  texts: Record<string, string>;
  loadDocuments: (caseId: string) => Promise<void>;
  createDocument: (fields: NewDocument, versionOf?: string | null) => Promise<ActionError>;
  openDocument: (documentId: string) => Promise<void>;
}

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = (set, get) => ({
  documents: [],
  activeDocumentId: null,
  texts: {},

  loadDocuments: async (caseId) => {
    const result = await call('documents:list', { caseId });
    if (!result.ok) return get().notify('error', result.error.message);
    if (get().activeCaseId !== caseId) return;
    const active = get().activeDocumentId;
    const keep = result.value.some((d) => d.id === active);
    set({ documents: result.value, activeDocumentId: keep ? active : null });
    const first = latest(result.value)[0];
    if (!keep && first) await get().openDocument(first.id);
  },

  createDocument: async (fields, versionOf = null) => {
    const caseId = get().activeCaseId;
    if (!caseId) return { message: 'Create or open a case first.' };
    const result = await call('documents:create', { ...fields, caseId, versionOf });
    if (!result.ok) return result.error;
    const { document, reanchored, orphaned } = result.value;
    await Promise.all([get().loadDocuments(caseId), get().loadClaims(caseId), get().loadCases()]);
    void get().loadEntities();
    await get().openDocument(document.id);
    if (versionOf) {
      get().notify(
        orphaned > 0 ? 'warning' : 'info',
        `New version imported: ${countOf(reanchored, 'claim')} moved to it` +
          (orphaned > 0 ? `, ${orphaned} could not be placed and wait for review.` : '.'),
      );
    }
    void get().refreshEditState();
    return null;
  },

  openDocument: async (documentId) => {
    set({ activeDocumentId: documentId, selection: null, profile: null });
    if (get().texts[documentId] !== undefined) return;
    const result = await call('documents:get', { documentId });
    if (!result.ok) return get().notify('error', result.error.message);
    set((s) => ({ texts: { ...s.texts, [documentId]: result.value.text } }));
  },
});

/** The newest snapshot of each document: those no other document replaces. */
export function latest(documents: readonly ClaimDocument[]): ClaimDocument[] {
  const replaced = new Set(documents.map((d) => d.previousVersionId));
  return documents.filter((d) => !replaced.has(d.id));
}

/** A document's snapshots, oldest first, ending with `documentId`'s newest successor. */
export function versionsOf(
  documents: readonly ClaimDocument[],
  documentId: string,
): ClaimDocument[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const next = new Map(documents.map((d) => [d.previousVersionId, d]));
  let first = byId.get(documentId);
  while (first?.previousVersionId && byId.has(first.previousVersionId)) {
    first = byId.get(first.previousVersionId);
  }
  const chain: ClaimDocument[] = [];
  for (let d = first; d; d = next.get(d.id)) chain.push(d);
  return chain;
}

export const documentsSelectors = {
  documents: (s: AppState) => s.documents,
  activeDocumentId: (s: AppState) => s.activeDocumentId,
  activeDocument: (s: AppState) => s.documents.find((d) => d.id === s.activeDocumentId) ?? null,
  activeText: (s: AppState) => (s.activeDocumentId ? s.texts[s.activeDocumentId] : undefined),
  documentById: (id: string) => (s: AppState) => s.documents.find((d) => d.id === id) ?? null,
};
