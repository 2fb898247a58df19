/**
 * Documents: the sidebar's list (a window at a time: a case may hold thousands), the open
 * document with its text and versions, its highlights, and the claims of its lineage that
 * wait for review after a new version.
 */
import type {
  ClaimRow,
  DocumentRow,
  DocumentWithText,
  Highlight,
  Input,
} from '../../../shared/contract/channels';
import { countOf } from '../../../shared/domain/labels';
import { call } from '../api/client';
import type { ActionError, AppState, SliceCreator } from './types';

export type NewDocument = Omit<Input<'documents:create'>, 'caseId' | 'versionOf'>;

export const DOCUMENT_PAGE = 100;

export interface DocumentList {
  caseId: string | null;
  query: string;
  total: number;
  rows: Record<number, DocumentRow[]>;
  generation: number;
}

export interface DocumentsSlice {
  documentList: DocumentList;
  activeDocumentId: string | null;
  /** The open document, its text (null while loading) and its versions. */
  openDoc: DocumentWithText | null;
  highlights: Highlight[];
  /** Claims of the open document's lineage that a new version could not place. */
  orphans: ClaimRow[];
  /** Starts the sidebar's list over (for the open case, and a title filter). */
  loadDocuments: (query?: string) => Promise<void>;
  showDocumentPages: (pages: number[]) => void;
  createDocument: (fields: NewDocument, versionOf?: string | null) => Promise<ActionError>;
  /** Documents of the open case whose title matches `query` (all of them for ''), for pickers. */
  findDocuments: (query: string, limit: number) => Promise<DocumentRow[]>;
  openDocument: (documentId: string | null) => Promise<void>;
  /** The open document's highlights and orphans again (after an edit touched its claims). */
  refreshDocument: () => Promise<void>;
}

const EMPTY: DocumentList = { caseId: null, query: '', total: 0, rows: {}, generation: 0 };

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = (set, get) => {
  const fetchPage = async (page: number, generation: number) => {
    const { activeCaseId: caseId, documentList } = get();
    if (!caseId) return;
    const result = await call('documents:query', {
      caseId,
      query: documentList.query,
      offset: page * DOCUMENT_PAGE,
      limit: DOCUMENT_PAGE,
    });
    if (!result.ok) return get().notify('error', result.error.message);
    if (get().documentList.generation !== generation) return;
    set((s) => ({
      documentList: {
        ...s.documentList,
        total: result.value.total,
        rows: { ...s.documentList.rows, [page]: result.value.rows },
      },
    }));
  };

  return {
    documentList: EMPTY,
    activeDocumentId: null,
    openDoc: null,
    highlights: [],
    orphans: [],

    loadDocuments: async (query) => {
      const caseId = get().activeCaseId;
      const generation = get().documentList.generation + 1;
      set((s) => ({
        documentList: {
          caseId,
          query: query ?? (s.documentList.caseId === caseId ? s.documentList.query : ''),
          total: s.documentList.caseId === caseId ? s.documentList.total : 0,
          rows: s.documentList.caseId === caseId ? s.documentList.rows : {},
          generation,
        },
      }));
      await fetchPage(0, generation);
      // Keep the other pages in view up to date too.
      const pages = Object.keys(get().documentList.rows)
        .map(Number)
        .filter((p) => p > 0);
      await Promise.all(pages.map((p) => fetchPage(p, generation)));
      if (!get().activeDocumentId) {
        const first = get().documentList.rows[0]?.[0];
        if (first) await get().openDocument(first.document.id);
      }
    },

    showDocumentPages: (pages) => {
      const { documentList } = get();
      for (const page of pages) {
        if (!documentList.rows[page]) void fetchPage(page, documentList.generation);
      }
    },

    findDocuments: async (query, limit) => {
      const caseId = get().activeCaseId;
      if (!caseId) return [];
      const result = await call('documents:query', { caseId, query, limit });
      return result.ok ? result.value.rows : [];
    },

    createDocument: async (fields, versionOf = null) => {
      const caseId = get().activeCaseId;
      if (!caseId) return { message: 'Create or open a case first.' };
      const result = await call('documents:create', { ...fields, caseId, versionOf });
      if (!result.ok) return result.error;
      const { document, reanchored, orphaned } = result.value;
      // A document just imported is read for claims at once (issue 13).
      set((s) => ({ suggestOn: { ...s.suggestOn, [document.id]: true } }));
      await get().openDocument(document.id);
      if (versionOf) {
        get().notify(
          orphaned > 0 ? 'warning' : 'info',
          `New version imported: ${countOf(reanchored, 'claim')} moved to it` +
            (orphaned > 0 ? `, ${orphaned} could not be placed and wait for review.` : '.'),
        );
      }
      return null;
    },

    openDocument: async (documentId) => {
      set((s) => ({
        activeDocumentId: documentId,
        openDoc: s.openDoc?.document.id === documentId ? s.openDoc : null,
        selection: null,
        profile: null,
        selectedSuggestion: null,
        capturing: null,
        suggestionList: s.suggestionList?.documentId === documentId ? s.suggestionList : null,
      }));
      if (!documentId) return set({ highlights: [], orphans: [] });
      const result = await call('documents:get', { documentId });
      if (get().activeDocumentId !== documentId) return;
      if (!result.ok) return get().notify('error', result.error.message);
      set({ openDoc: result.value });
      await Promise.all([get().refreshDocument(), get().loadSuggestions()]);
    },

    refreshDocument: async () => {
      const documentId = get().activeDocumentId;
      if (!documentId) return;
      const [highlights, orphans] = await Promise.all([
        call('claims:ofDocument', { documentId }),
        call('claims:orphans', { documentId }),
      ]);
      if (get().activeDocumentId !== documentId) return;
      if (!highlights.ok) {
        // Gone (an undone import): the sidebar's first document takes its place.
        if (highlights.error.code === 'not_found') return get().openDocument(null);
        return get().notify('error', highlights.error.message);
      }
      if (!orphans.ok) return get().notify('error', orphans.error.message);
      set({ highlights: highlights.value, orphans: orphans.value });
      get().cacheRows(orphans.value);
    },
  };
};

export const documentsSelectors = {
  documentList: (s: AppState) => s.documentList,
  activeDocumentId: (s: AppState) => s.activeDocumentId,
  openDoc: (s: AppState) => s.openDoc,
  activeDocument: (s: AppState) => s.openDoc?.document ?? null,
  activeText: (s: AppState) => s.openDoc?.text ?? undefined,
  highlights: (s: AppState) => s.highlights,
  orphans: (s: AppState) => s.orphans,
};
