/**
 * The change feed (issue 9: the renderer "receives what changed"). One `changes:since` call
 * is always waiting at the backend; it answers when any edit lands (this window's, an undo,
 * another window's, a script's through the web host) with the ids it touched. The screen then
 * asks again only for what it shows among them: the list's count and pages in view, the
 * facets, the open document's highlights, the selected claim's evidence, the claims a view
 * names. Changes that come close together are handled once.
 */
import type { ChangeSet } from '../../../shared/contract/channels';
import { call } from '../api/client';
import type { AppState, SliceCreator } from './types';

export interface ChangesSlice {
  /** The backend version the screen is at, and the backend run it came from. */
  changeVersion: number;
  changeEpoch: string | null;
  startChangeFeed: () => void;
  applyChanges: (changes: ChangeSet) => Promise<void>;
}

/**
 * Once the window is idle, so after the edit's own answer is drawn (the card, the editor
 * closing): an animation frame is not enough, since React draws in a task of its own that
 * the browser may run after the frame (a trace of Save at 100k claims showed the views'
 * refresh, ten calls, running before the saved card was drawn). At most 200 ms later in a
 * busy or hidden window.
 */
const whenIdle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: 200 });
    } else {
      setTimeout(resolve, 50);
    }
  });

/** How long a wait at the backend lasts before it is renewed. */
const WAIT_MS = 25_000;

export const createChangesSlice: SliceCreator<ChangesSlice> = (set, get) => {
  let running = false;

  const refreshEverything = async () => {
    await Promise.all([get().loadEntities(), get().refreshEditState()]);
    await get().loadCases();
    await Promise.all([
      get().refreshList(),
      get().loadFacets(),
      get().loadDocuments(),
      get().loadJudgments(),
      get().activeCaseId ? get().loadBriefings(get().activeCaseId ?? '') : Promise.resolve(),
      get().refreshDocument(),
      get().loadSuggestions(),
      get().loadEvidence(),
    ]);
    const shown = Object.keys(get().claimCache);
    if (shown.length > 0) await get().fetchClaims(shown, true);
  };

  return {
    changeVersion: 0,
    changeEpoch: null,

    startChangeFeed: () => {
      if (running) return;
      running = true;
      void (async () => {
        // The version to start from: whatever the backend is at now.
        const first = await call('changes:since', { since: Number.MAX_SAFE_INTEGER, waitMs: 0 });
        if (first.ok) set({ changeVersion: first.value.version, changeEpoch: first.value.epoch });
        for (;;) {
          const result = await call('changes:since', {
            since: get().changeVersion,
            waitMs: WAIT_MS,
          });
          if (!result.ok) {
            // The store turned out damaged after open (a segment read in the background):
            // the recovery screen takes over, as it would at start.
            if (result.error.code === 'store_unavailable') await get().checkRecovery();
            // The backend is away (restarting, recovery): try again shortly.
            await new Promise((resolve) => setTimeout(resolve, 2000));
            continue;
          }
          if (
            result.value.version === get().changeVersion &&
            result.value.epoch === get().changeEpoch
          )
            continue;
          // The edit that caused these changes answers at the same moment: its own result
          // (the card, the editor closing) is drawn first, and the views ask again after.
          await whenIdle();
          await get().applyChanges(result.value);
        }
      })();
    },

    applyChanges: async (changes) => {
      const epochChanged = get().changeEpoch !== null && get().changeEpoch !== changes.epoch;
      set({ changeVersion: changes.version, changeEpoch: changes.epoch });
      if (changes.reset || epochChanged) return refreshEverything();
      const { records, scores } = changes;
      const touched = (name: keyof typeof records) => (records[name]?.length ?? 0) > 0;
      const caseId = get().activeCaseId;
      const inCase = caseId !== null && changes.cases.includes(caseId);
      const work: Promise<unknown>[] = [get().refreshEditState()];
      if (touched('entities')) work.push(get().loadEntities());
      if (touched('cases') || touched('claims') || touched('documents'))
        work.push(get().loadCases());
      if (inCase) {
        if (touched('claims') || touched('documents') || touched('links') || touched('entities')) {
          work.push(get().refreshList(), get().loadFacets());
        }
        if (touched('documents')) work.push(get().loadDocuments());
        if (touched('claims') || touched('documents')) work.push(get().refreshDocument());
        // Accepts, rejections, their undo, and new names for the speakers proposed.
        if (
          get().suggestionList &&
          (touched('claims') || touched('documents') || touched('entities'))
        ) {
          work.push(get().loadSuggestions());
        }
        // A judgment's warnings read its basis claims' scores and statuses.
        if (touched('judgments') || touched('claims') || touched('links') || touched('entities')) {
          work.push(get().loadJudgments());
        }
        if (touched('briefings')) work.push(get().loadBriefings(caseId));
        if (touched('links') || touched('claims')) work.push(get().loadEvidence());
        if (
          get().view === 'graph' &&
          (touched('links') || touched('claims') || touched('judgments'))
        ) {
          work.push(get().loadGraph());
        }
      } else if (touched('entities') && caseId) {
        // A renamed or regraded person changes the names, scores and warnings shown here too.
        work.push(get().refreshList(), get().loadFacets(), get().loadJudgments());
      }
      // Claims a view names (a judgment's basis, a note, the selection) that changed.
      const cached = get().claimCache;
      const stale = [...(records.claims ?? []), ...scores].filter((id) => cached[id]);
      if (stale.length > 0) work.push(get().fetchClaims(stale, true));
      const profile = get().profile;
      if (profile && (touched('claims') || touched('entities')))
        work.push(get().openProfile(profile.entity.id));
      await Promise.all(work);
    },
  };
};

export const changesSelectors = {
  changeVersion: (s: AppState) => s.changeVersion,
};
