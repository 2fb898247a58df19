/** The open case's documents, the open document and the texts fetched so far. */
import type { Input } from '../../../shared/contract/channels';
import type { ClaimDocument } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import type { ActionError, AppState, SliceCreator } from './types';

export type NewDocument = Omit<Input<'documents:create'>, 'caseId'>;

export interface DocumentsSlice {
  documents: ClaimDocument[];
  activeDocumentId: string | null;
  /** Texts by document id; texts are immutable, so a fetched one never goes stale. */
  texts: Record<string, string>;
  loadDocuments: (caseId: string) => Promise<void>;
  createDocument: (fields: NewDocument) => Promise<ActionError>;
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
    set({ documents: result.value, activeDocumentId: null });
    const first = result.value[0];
    if (first) await get().openDocument(first.id);
  },

  createDocument: async (fields) => {
    const caseId = get().activeCaseId;
    if (!caseId) return { message: 'Create or open a case first.' };
    const result = await call('documents:create', { ...fields, caseId });
    if (!result.ok) return result.error;
    set((s) => ({
      documents: [...s.documents, result.value],
      cases: s.cases.map((c) =>
        c.id === caseId ? { ...c, documentCount: c.documentCount + 1 } : c,
      ),
    }));
    await get().openDocument(result.value.id);
    return null;
  },

  openDocument: async (documentId) => {
    set({ activeDocumentId: documentId, selection: null });
    if (get().texts[documentId] !== undefined) return;
    const result = await call('documents:get', { documentId });
    if (!result.ok) return get().notify('error', result.error.message);
    set((s) => ({ texts: { ...s.texts, [documentId]: result.value.text } }));
  },
});

export const documentsSelectors = {
  documents: (s: AppState) => s.documents,
  activeDocumentId: (s: AppState) => s.activeDocumentId,
  activeDocument: (s: AppState) => s.documents.find((d) => d.id === s.activeDocumentId) ?? null,
  activeText: (s: AppState) => (s.activeDocumentId ? s.texts[s.activeDocumentId] : undefined),
  documentById: (id: string) => (s: AppState) => s.documents.find((d) => d.id === id) ?? null,
};
