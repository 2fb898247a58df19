/** Evidence links and key judgments of the open case. */
import type { Input } from '../../../shared/contract/channels';
import type { EvidenceLink, Judgment } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import { createSerialEdits } from './serialEdits';
import type { ActionError, AppState, SliceCreator } from './types';

export type JudgmentChanges = Omit<Input<'judgments:update'>, 'judgmentId'>;
/** The changes themselves, or how to work them out from the judgment as last saved. */
export type JudgmentChange = JudgmentChanges | ((current: Judgment) => JudgmentChanges);

export type MainView = 'reader' | 'judgments' | 'matrix' | 'graph' | 'briefing';

export interface EvidenceSlice {
  links: EvidenceLink[];
  judgments: Judgment[];
  view: MainView;
  /** What the graph is centred on. */
  graphFocus: { kind: 'claim' | 'judgment'; id: string } | null;
  loadEvidence: (caseId: string) => Promise<void>;
  createLink: (input: Input<'links:create'>) => Promise<ActionError>;
  updateLink: (input: Input<'links:update'>) => Promise<ActionError>;
  deleteLink: (linkId: string) => Promise<ActionError>;
  createJudgment: (input: Omit<Input<'judgments:create'>, 'caseId'>) => Promise<ActionError>;
  /** Saved after any earlier change of the same judgment, from the judgment as it then is. */
  updateJudgment: (judgmentId: string, change: JudgmentChange) => Promise<ActionError>;
  deleteJudgment: (judgmentId: string) => Promise<ActionError>;
  setView: (view: MainView) => void;
  showGraph: (focus: EvidenceSlice['graphFocus']) => void;
}

export const createEvidenceSlice: SliceCreator<EvidenceSlice> = (set, get) => {
  /** After an edit: reload the case's links and judgments, which an edit may touch together. */
  const refresh = async () => {
    const caseId = get().activeCaseId;
    if (caseId) await get().loadEvidence(caseId);
    void get().refreshEditState();
  };
  const run = async <T>(
    result: Promise<{ ok: true; value: T } | { ok: false; error: ActionError }>,
  ) => {
    const answer = await result;
    if (!answer.ok) return answer.error;
    await refresh();
    return null;
  };
  const serial = createSerialEdits();
  return {
    links: [],
    judgments: [],
    view: 'reader',
    graphFocus: null,

    loadEvidence: async (caseId) => {
      const [links, judgments] = await Promise.all([
        call('links:list', { caseId }),
        call('judgments:list', { caseId }),
      ]);
      if (!links.ok) return get().notify('error', links.error.message);
      if (!judgments.ok) return get().notify('error', judgments.error.message);
      if (get().activeCaseId === caseId) set({ links: links.value, judgments: judgments.value });
    },
    createLink: (input) => run(call('links:create', input)),
    updateLink: (input) => run(call('links:update', input)),
    deleteLink: (linkId) => run(call('links:delete', { linkId })),
    createJudgment: (input) => {
      const caseId = get().activeCaseId;
      if (!caseId) return Promise.resolve({ message: 'Open a case first.' });
      return run(call('judgments:create', { ...input, caseId }));
    },
    updateJudgment: (judgmentId, change) =>
      serial(judgmentId, () => {
        const current = get().judgments.find((j) => j.id === judgmentId);
        if (!current) return Promise.resolve({ message: 'This judgment has been deleted.' });
        const changes = typeof change === 'function' ? change(current) : change;
        return run(call('judgments:update', { judgmentId, ...changes }));
      }),
    deleteJudgment: (judgmentId) => run(call('judgments:delete', { judgmentId })),
    setView: (view) => set({ view, profile: null }),
    showGraph: (graphFocus) => set({ graphFocus, view: 'graph', profile: null }),
  };
};

export const evidenceSelectors = {
  links: (s: AppState) => s.links,
  judgments: (s: AppState) => s.judgments,
  view: (s: AppState) => s.view,
  graphFocus: (s: AppState) => s.graphFocus,
};
