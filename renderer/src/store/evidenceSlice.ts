/** Evidence links (made and removed here, shown per claim) and the key judgments of the case. */
import type { EvidenceGraph, Input, JudgmentView } from '../../../shared/contract/channels';
import type { Judgment } from '../../../shared/domain/schemas';
import {
  claimLinks,
  conflictingPairs,
  type OppositeLinks,
} from '../../../shared/evidence/linkConflicts';
import { call } from '../api/client';
import { createSerialEdits } from './serialEdits';
import type { ActionError, AppState, SliceCreator } from './types';

export type JudgmentChanges = Omit<Input<'judgments:update'>, 'judgmentId'>;
/** The changes themselves, or how to work them out from the judgment as last saved. */
export type JudgmentChange = JudgmentChanges | ((current: Judgment) => JudgmentChanges);

export type MainView = 'reader' | 'judgments' | 'matrix' | 'graph' | 'briefing';
export type GraphFocus = { kind: 'claim' | 'judgment'; id: string };

export interface EvidenceSlice {
  judgments: JudgmentView[];
  view: MainView;
  /** What the graph is centred on. */
  graphFocus: GraphFocus | null;
  graph: EvidenceGraph | null;
  /** Pairs of claims linked both "supports" and "contradicts", for the matrix (issue 11). */
  linkConflicts: OppositeLinks[];
  loadJudgments: () => Promise<void>;
  loadGraph: () => Promise<void>;
  loadLinkConflicts: () => Promise<void>;
  createLink: (input: Input<'links:create'>) => Promise<ActionError>;
  updateLink: (input: Input<'links:update'>) => Promise<ActionError>;
  deleteLink: (linkId: string) => Promise<ActionError>;
  createJudgment: (input: Omit<Input<'judgments:create'>, 'caseId'>) => Promise<ActionError>;
  /** Saved after any earlier change of the same judgment, from the judgment as it then is. */
  updateJudgment: (judgmentId: string, change: JudgmentChange) => Promise<ActionError>;
  deleteJudgment: (judgmentId: string) => Promise<ActionError>;
  setView: (view: MainView) => void;
  showGraph: (focus: GraphFocus | null) => void;
}

export const createEvidenceSlice: SliceCreator<EvidenceSlice> = (set, get) => {
  // The warnings stay as they were until the change feed brings the list with new ones.
  const replaceJudgment = (judgment: Judgment) =>
    set((s) => ({
      judgments: [
        ...s.judgments.filter((j) => j.id !== judgment.id),
        { ...judgment, warnings: s.judgments.find((j) => j.id === judgment.id)?.warnings ?? [] },
      ].sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt)),
    }));
  const serial = createSerialEdits();
  // Only the matrix shows the case's link conflicts: other views do not pay for the list.
  const linksChanged = () => {
    void get().loadEvidence();
    if (get().view === 'matrix') void get().loadLinkConflicts();
  };
  return {
    judgments: [],
    view: 'reader',
    graphFocus: null,
    graph: null,
    linkConflicts: [],

    loadJudgments: async () => {
      const caseId = get().activeCaseId;
      if (!caseId) return set({ judgments: [] });
      const result = await call('judgments:list', { caseId });
      if (!result.ok) return get().notify('error', result.error.message);
      if (get().activeCaseId !== caseId) return;
      set({ judgments: result.value });
      // The claims they rest on, for the views that name them.
      void get().fetchClaims(result.value.flatMap((j) => j.basis.map((b) => b.claimId)));
    },

    loadGraph: async () => {
      const focus =
        get().graphFocus ??
        (get().judgments[0]
          ? { kind: 'judgment' as const, id: get().judgments[0]?.id ?? '' }
          : null);
      if (!focus) return set({ graph: null });
      const result = await call('evidence:graph', { focus });
      if (!result.ok) return get().notify('error', result.error.message);
      set({ graph: result.value });
      get().cacheRows(result.value.claims);
    },

    loadLinkConflicts: async () => {
      const caseId = get().activeCaseId;
      if (!caseId) return set({ linkConflicts: [] });
      const result = await call('links:list', { caseId });
      if (!result.ok) return get().notify('error', result.error.message);
      if (get().activeCaseId !== caseId) return;
      const linkConflicts = conflictingPairs(claimLinks(result.value));
      set({ linkConflicts });
      void get().fetchClaims(linkConflicts.flatMap((c) => c.claimIds));
    },

    createLink: async (input) => {
      const result = await call('links:create', input);
      if (!result.ok) return result.error;
      linksChanged();
      return null;
    },
    updateLink: async (input) => {
      const result = await call('links:update', input);
      if (!result.ok) return result.error;
      linksChanged();
      return null;
    },
    deleteLink: async (linkId) => {
      const result = await call('links:delete', { linkId });
      if (!result.ok) return result.error;
      linksChanged();
      return null;
    },

    createJudgment: async (input) => {
      const caseId = get().activeCaseId;
      if (!caseId) return { message: 'Open a case first.' };
      const result = await call('judgments:create', { ...input, caseId });
      if (!result.ok) return result.error;
      replaceJudgment(result.value);
      return null;
    },
    updateJudgment: (judgmentId, change) =>
      serial(judgmentId, async () => {
        const current = get().judgments.find((j) => j.id === judgmentId);
        if (!current) return { message: 'This judgment has been deleted.' };
        const changes = typeof change === 'function' ? change(current) : change;
        const result = await call('judgments:update', { judgmentId, ...changes });
        if (!result.ok) return result.error;
        replaceJudgment(result.value);
        void get().fetchClaims(result.value.basis.map((b) => b.claimId));
        return null;
      }),
    deleteJudgment: async (judgmentId) => {
      const result = await call('judgments:delete', { judgmentId });
      if (!result.ok) return result.error;
      set((s) => ({ judgments: s.judgments.filter((j) => j.id !== judgmentId) }));
      return null;
    },
    setView: (view) => set({ view, profile: null }),
    showGraph: (graphFocus) => {
      set({ graphFocus, view: 'graph', profile: null });
      void get().loadGraph();
    },
  };
};

export const evidenceSelectors = {
  judgments: (s: AppState) => s.judgments,
  view: (s: AppState) => s.view,
  graphFocus: (s: AppState) => s.graphFocus,
  graph: (s: AppState) => s.graph,
  linkConflicts: (s: AppState) => s.linkConflicts,
};
