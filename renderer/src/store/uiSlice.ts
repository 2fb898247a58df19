/** View state: notices, which dialog is open, the pending text selection. */
import type { AppState, SliceCreator } from './types';

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  message: string;
}

/** A passage selected in the reader, waiting to become a claim. Offsets are UTF-16. */
export interface PendingSelection {
  documentId: string;
  start: number;
  end: number;
  exact: string;
}

export type DialogName = 'newCase' | 'addDocument' | null;

export interface UiSlice {
  notices: Notice[];
  dialog: DialogName;
  selection: PendingSelection | null;
  notify: (kind: Notice['kind'], message: string) => void;
  dismissNotice: (id: number) => void;
  openDialog: (dialog: DialogName) => void;
  setSelection: (selection: PendingSelection | null) => void;
}

let nextNoticeId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  notices: [],
  dialog: null,
  selection: null,
  notify: (kind, message) =>
    set(
      (s) => ({ notices: [...s.notices.slice(-4), { id: nextNoticeId++, kind, message }] }),
      false,
    ),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
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
  dialog: (s: AppState) => s.dialog,
  selection: (s: AppState) => s.selection,
};
