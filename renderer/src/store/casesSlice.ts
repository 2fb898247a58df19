/** The cases and which one is open; opening one loads what its views show first. */
import type { CaseSummary } from '../../../shared/contract/channels';
import { call } from '../api/client';
import { takeEarly } from '../api/startup';
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
}

export const createCasesSlice: SliceCreator<CasesSlice> = (set, get) => ({
  cases: [],
  activeCaseId: null,
  loaded: false,

  loadCases: async () => {
    if (!get().loaded) {
      void get().loadEntities();
      get().startChangeFeed();
      // Team cases (issue 14): the sync badge needs the state of the shared cases.
      get().watchTeam();
    }
    const early = takeEarly('cases:list');
    let result = early ? await early : null;
    // An early answer that failed (the store was damaged, and has been repaired since): again.
    if (!result?.ok) result = await call('cases:list', {});
    if (!result.ok) return get().notify('error', result.error.message);
    set({ cases: result.value, loaded: true });
    const remembered = localStorage.getItem(LAST_CASE_KEY);
    const active = get().activeCaseId ?? remembered;
    const target = result.value.find((c) => c.id === active) ?? result.value[0];
    if (!target) {
      if (get().activeCaseId) {
        set({ activeCaseId: null, activeDocumentId: null, openDoc: null, highlights: [] });
        await get().reloadList();
      }
      return;
    }
    if (target.id !== get().activeCaseId) await get().openCase(target.id);
  },

  createCase: async (title, question) => {
    const result = await call('cases:create', { title, question });
    if (!result.ok) return result.error;
    const created = result.value;
    set((s) => ({ cases: [{ ...created, documentCount: 0, claimCount: 0 }, ...s.cases] }));
    await get().openCase(created.id);
    return null;
  },

  openCase: async (caseId) => {
    localStorage.setItem(LAST_CASE_KEY, caseId);
    set({
      activeCaseId: caseId,
      selection: null,
      selectedClaimId: null,
      evidence: null,
      profile: null,
      activeDocumentId: null,
      openDoc: null,
      highlights: [],
      orphans: [],
      facets: null,
      teamMembers: null,
    });
    // The conflicts shown are the open case's.
    void get().loadTeamConflicts();
    await Promise.all([
      get().reloadList(),
      get().loadFacets(),
      get().loadDocuments(''),
      get().loadJudgments(),
      get().loadBriefings(caseId),
    ]);
  },
});

export const casesSelectors = {
  cases: (s: AppState) => s.cases,
  loaded: (s: AppState) => s.loaded,
  activeCaseId: (s: AppState) => s.activeCaseId,
  activeCase: (s: AppState) => s.cases.find((c) => c.id === s.activeCaseId) ?? null,
};
