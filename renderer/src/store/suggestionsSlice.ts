/**
 * Suggested claims (issue 13): the open document's suggestions when the analyst asked for
 * them (or just imported it), the one selected, the one the capture panel was opened with,
 * and the verbs: accept (as is, or with the panel's edits), accept all of a speaker's, reject.
 * The backend keeps what was rejected; this slice only shows what is waiting.
 */
import type { Input, SuggestionList, SuggestionView } from '../../../shared/contract/channels';
import { countOf } from '../../../shared/domain/labels';
import { normalizeName } from '../../../shared/entities/names';
import { call } from '../api/client';
import { entityStillBeingAdded } from './entitiesSlice';
import type { ActionError, AppState, SliceCreator } from './types';

/** What the analyst changed in the capture panel before accepting. */
export type SuggestionEdits = Omit<Input<'suggestions:accept'>, 'documentId' | 'key'>;

export interface SuggestionsSlice {
  /** The open document's waiting suggestions; null when they are not shown. */
  suggestionList: SuggestionList | null;
  /** The document whose suggestions are being read (the first run of a long one takes a moment). */
  suggestionsLoading: string | null;
  /** Documents whose suggestions are shown, this session. */
  suggestOn: Record<string, true>;
  selectedSuggestion: string | null;
  /** The suggestion the capture panel was opened with (Enter): the panel starts from it. */
  capturing: SuggestionView | null;
  showSuggestions: (documentId: string) => Promise<void>;
  hideSuggestions: () => void;
  /** The open document's suggestions again, if shown (after an edit, or on opening it). */
  loadSuggestions: () => Promise<void>;
  selectSuggestion: (key: string | null) => void;
  /** Selects the next (1) or previous (-1) suggestion; false at either end of the list. */
  moveSuggestion: (step: 1 | -1) => boolean;
  /** Opens the capture panel on a suggestion, filled in from it. */
  captureSuggestion: (key: string) => void;
  acceptSuggestion: (key: string, edits?: SuggestionEdits) => Promise<ActionError>;
  acceptSpeaker: (speaker: string) => Promise<ActionError>;
  rejectSuggestion: (key: string) => Promise<ActionError>;
}

/** The suggestions of one speaker, by the name the list gives. */
export const bySpeaker = (views: readonly SuggestionView[], name: string): SuggestionView[] => {
  const wanted = normalizeName(name);
  return views.filter((v) => v.speaker && normalizeName(v.speaker.name) === wanted);
};

/** The suggestion to select once `gone` leave the list: the next one after the first, else the last. */
function successor(views: readonly SuggestionView[], gone: ReadonlySet<string>): string | null {
  const first = views.findIndex((v) => gone.has(v.key));
  const rest = views.filter((v) => !gone.has(v.key));
  if (first < 0) return null;
  return (rest[Math.min(first, rest.length - 1)] ?? null)?.key ?? null;
}

export const createSuggestionsSlice: SliceCreator<SuggestionsSlice> = (set, get) => {
  /** Takes settled suggestions off the list at once; the change feed confirms it. */
  const settle = (gone: ReadonlySet<string>, captured: number, rejected: number) =>
    set((s) => {
      const list = s.suggestionList;
      if (!list) return {};
      const kept = list.suggestions.filter((v) => !gone.has(v.key));
      const selected =
        s.selectedSuggestion && gone.has(s.selectedSuggestion)
          ? successor(list.suggestions, gone)
          : s.selectedSuggestion;
      const capturing = s.capturing && gone.has(s.capturing.key) ? null : s.capturing;
      return {
        suggestionList: {
          ...list,
          suggestions: kept,
          captured: list.captured + captured,
          rejected: list.rejected + rejected,
        },
        selectedSuggestion: selected,
        capturing,
        selection: capturing ? s.selection : s.capturing ? null : s.selection,
      };
    });

  return {
    suggestionList: null,
    suggestionsLoading: null,
    suggestOn: {},
    selectedSuggestion: null,
    capturing: null,

    showSuggestions: async (documentId) => {
      set((s) => ({ suggestOn: { ...s.suggestOn, [documentId]: true } }));
      if (get().activeDocumentId === documentId) await get().loadSuggestions();
    },

    hideSuggestions: () =>
      set((s) => {
        const suggestOn = { ...s.suggestOn };
        if (s.activeDocumentId) delete suggestOn[s.activeDocumentId];
        return {
          suggestOn,
          suggestionList: null,
          selectedSuggestion: null,
          capturing: null,
          selection: s.capturing ? null : s.selection,
        };
      }),

    loadSuggestions: async () => {
      const documentId = get().activeDocumentId;
      if (!documentId || !get().suggestOn[documentId]) {
        if (get().suggestionList) set({ suggestionList: null, selectedSuggestion: null });
        return;
      }
      if (get().suggestionList?.documentId !== documentId) {
        set({ suggestionList: null, selectedSuggestion: null, capturing: null });
      }
      set({ suggestionsLoading: documentId });
      const result = await call('suggestions:list', { documentId });
      if (get().suggestionsLoading === documentId) set({ suggestionsLoading: null });
      if (get().activeDocumentId !== documentId || !get().suggestOn[documentId]) return;
      if (!result.ok) return get().notify('error', result.error.message);
      const list = result.value;
      set((s) => {
        const keys = new Set(list.suggestions.map((v) => v.key));
        const previous = s.suggestionList?.suggestions ?? [];
        const selected =
          s.selectedSuggestion && !keys.has(s.selectedSuggestion)
            ? successor(previous, new Set([s.selectedSuggestion]))
            : s.selectedSuggestion;
        return {
          suggestionList: list,
          selectedSuggestion: selected && keys.has(selected) ? selected : null,
        };
      });
    },

    selectSuggestion: (key) =>
      set((s) => ({
        selectedSuggestion: key,
        // The capture panel follows the selection: another suggestion closes it.
        capturing: s.capturing && s.capturing.key !== key ? null : s.capturing,
        selection: s.capturing && s.capturing.key !== key ? null : s.selection,
      })),

    moveSuggestion: (step) => {
      const views = get().suggestionList?.suggestions ?? [];
      const at = views.findIndex((v) => v.key === get().selectedSuggestion);
      const next = at < 0 ? (step > 0 ? 0 : views.length - 1) : at + step;
      const view = views[next];
      if (!view) return false;
      get().selectSuggestion(view.key);
      return true;
    },

    captureSuggestion: (key) => {
      const list = get().suggestionList;
      const view = list?.suggestions.find((v) => v.key === key);
      if (!list || !view) return;
      set({
        selectedSuggestion: key,
        capturing: view,
        selection: {
          documentId: list.documentId,
          start: view.start,
          end: view.end,
          exact: view.exact,
        },
      });
    },

    acceptSuggestion: async (key, edits = {}) => {
      const list = get().suggestionList;
      if (!list) return { message: 'Show the suggestions of a document first.' };
      const adding = entityStillBeingAdded(get());
      if (adding) return adding;
      const result = await call('suggestions:accept', {
        documentId: list.documentId,
        key,
        ...edits,
      });
      if (!result.ok) return result.error;
      for (const claim of result.value.claims) {
        get().putClaim(claim);
        get().patchListRow(claim);
      }
      settle(new Set([key]), 1, 0);
      void get().refreshDocument();
      return null;
    },

    acceptSpeaker: async (speaker) => {
      const list = get().suggestionList;
      if (!list) return { message: 'Show the suggestions of a document first.' };
      const result = await call('suggestions:acceptAll', { documentId: list.documentId, speaker });
      if (!result.ok) return result.error;
      const { claims } = result.value;
      claims.forEach((claim) => get().putClaim(claim));
      settle(new Set(bySpeaker(list.suggestions, speaker).map((v) => v.key)), claims.length, 0);
      void get().refreshDocument();
      get().notify('info', `Accepted ${countOf(claims.length, 'claim')} by ${speaker}.`);
      return null;
    },

    rejectSuggestion: async (key) => {
      const list = get().suggestionList;
      if (!list) return { message: 'Show the suggestions of a document first.' };
      const result = await call('suggestions:reject', { documentId: list.documentId, keys: [key] });
      if (!result.ok) return result.error;
      settle(new Set([key]), 0, 1);
      return null;
    },
  };
};

export const suggestionsSelectors = {
  list: (s: AppState) => s.suggestionList,
  loading: (s: AppState) => s.suggestionsLoading,
  /** Whether the open document's suggestions are on. */
  shown: (s: AppState) => (s.activeDocumentId ? s.suggestOn[s.activeDocumentId] === true : false),
  selected: (s: AppState) => s.selectedSuggestion,
  capturing: (s: AppState) => s.capturing,
  selectedView: (s: AppState) =>
    s.suggestionList?.suggestions.find((v) => v.key === s.selectedSuggestion) ?? null,
};
