/** The cases and which one is open. */
import type { CaseSummary } from '../../../shared/contract/channels';
import { call } from '../api/client';
import type { ActionError, AppState, SliceCreator } from './types';

const LAST_CASE_KEY = 'claimdesk.lastCase';

export interface CasesSlice {
  cases: CaseSummary[];
  activeCaseId: string | null;
  /** False until the first load answered, so the UI can tell "loading" from "empty". */
  loaded: boolean;
  loadCases: () => Promise<void>;
  createCase: (title: string, question: string) => Promise<ActionError>;
  openCase: (caseId: string) => Promise<void>;
  /** Reloads everything from the backend (after undo, redo or a merge), on `caseId` if given. */
  reloadAll: (caseId: string | null) => Promise<void>;
}

export const createCasesSlice: SliceCreator<CasesSlice> = (set, get) => ({
  cases: [],
  activeCaseId: null,
  loaded: false,

  loadCases: async () => {
    if (!get().loaded) void get().loadEntities();
    const result = await call('cases:list', {});
    if (!result.ok) return get().notify('error', result.error.message);
    set({ cases: result.value, loaded: true });
    const remembered = localStorage.getItem(LAST_CASE_KEY);
    const active = get().activeCaseId ?? remembered;
    const target = result.value.find((c) => c.id === active) ?? result.value[0];
    if (target && target.id !== get().activeCaseId) await get().openCase(target.id);
  },

  createCase: async (title, question) => {
    const result = await call('cases:create', { title, question });
    if (!result.ok) return result.error;
    const created = result.value;
    set((s) => ({ cases: [{ ...created, documentCount: 0, claimCount: 0 }, ...s.cases] }));
    await get().openCase(created.id);
    void get().refreshEditState();
    return null;
  },

  openCase: async (caseId) => {
    localStorage.setItem(LAST_CASE_KEY, caseId);
    set({ activeCaseId: caseId, selection: null, selectedClaimId: null, profile: null });
    await Promise.all([
      get().loadDocuments(caseId),
      get().loadClaims(caseId),
      get().loadEvidence(caseId),
      get().loadBriefings(caseId),
    ]);
  },

  reloadAll: async (caseId) => {
    await Promise.all([get().loadEntities(), get().refreshEditState()]);
    const cases = await call('cases:list', {});
    if (!cases.ok) return get().notify('error', cases.error.message);
    set({ cases: cases.value });
    const target =
      cases.value.find((c) => c.id === (caseId ?? get().activeCaseId)) ?? cases.value[0];
    if (!target) {
      set({ activeCaseId: null, documents: [], claims: [], activeDocumentId: null });
      return;
    }
    if (target.id !== get().activeCaseId) return get().openCase(target.id);
    await Promise.all([
      get().loadDocuments(target.id),
      get().loadClaims(target.id),
      get().loadEvidence(target.id),
      get().loadBriefings(target.id),
    ]);
    const profile = get().profile;
    if (profile) await get().openProfile(profile.entity.id);
  },
});

export const casesSelectors = {
  cases: (s: AppState) => s.cases,
  loaded: (s: AppState) => s.loaded,
  activeCaseId: (s: AppState) => s.activeCaseId,
  activeCase: (s: AppState) => s.cases.find((c) => c.id === s.activeCaseId) ?? null,
};
