/** View state: notices, which dialog is open, the pending text selection. */
import type { AppState, SliceCreator } from './types';

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  message: string;
}

/**
 * How long a notice stays on screen before it moves to the "Notices (n)" list (issue 12:
 * notices never closed). Errors stay until dismissed: they ask for something to be done.
 */
export const NOTICE_FADE_MS: Record<Notice['kind'], number | null> = {
  info: 5_000,
  warning: 10_000,
  error: null,
};

/** Past notices kept for the list. */
const PAST_NOTICES = 30;

/** A passage selected in the reader, waiting to become a claim. Offsets are UTF-16. */
export interface PendingSelection {
  documentId: string;
  start: number;
  end: number;
  exact: string;
}

export type DialogName = 'newCase' | 'addDocument' | 'team' | null;

export interface UiSlice {
  /** On screen now. */
  notices: Notice[];
  /** Faded or dismissed, newest first, for the "Notices (n)" list. */
  pastNotices: Notice[];
  dialog: DialogName;
  selection: PendingSelection | null;
  notify: (kind: Notice['kind'], message: string) => void;
  dismissNotice: (id: number) => void;
  openDialog: (dialog: DialogName) => void;
  setSelection: (selection: PendingSelection | null) => void;
}

let nextNoticeId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  notices: [],
  pastNotices: [],
  dialog: null,
  selection: null,
  notify: (kind, message) => {
    const notice = { id: nextNoticeId++, kind, message };
    set((s) => {
      // At most five on screen: the oldest goes to the list.
      const shown = [...s.notices, notice];
      const over = shown.slice(0, Math.max(0, shown.length - 5));
      return {
        notices: shown.slice(over.length),
        pastNotices: [...over.reverse(), ...s.pastNotices].slice(0, PAST_NOTICES),
      };
    }, false);
    const fadeAfter = NOTICE_FADE_MS[kind];
    if (fadeAfter !== null) setTimeout(() => get().dismissNotice(notice.id), fadeAfter);
  },
  dismissNotice: (id) =>
    set((s) => {
      const gone = s.notices.find((n) => n.id === id);
      if (!gone) return {};
      return {
        notices: s.notices.filter((n) => n.id !== id),
        pastNotices: [gone, ...s.pastNotices].slice(0, PAST_NOTICES),
      };
    }),
  openDialog: (dialog) => set({ dialog }),
  // A passage other than the suggestion's being captured is a claim of the analyst's own.
  setSelection: (selection) =>
    set((s) => ({
      selection,
      capturing:
        s.capturing && selection?.start === s.capturing.start && selection.end === s.capturing.end
          ? s.capturing
          : null,
    })),
});

export const uiSelectors = {
  notices: (s: AppState) => s.notices,
  pastNotices: (s: AppState) => s.pastNotices,
  dialog: (s: AppState) => s.dialog,
  selection: (s: AppState) => s.selection,
};
