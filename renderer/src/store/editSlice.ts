/**
 * Undo and redo: the backend keeps the stacks and undoes one edit at a time; what the undo
 * changed reaches the screen through the change feed, like any edit (issue 9: "undo returns
 * what changed instead of reloading everything").
 */
import type { EditState } from '../../../shared/contract/channels';
import { call } from '../api/client';
import type { AppState, SliceCreator } from './types';

export interface EditSlice {
  editState: EditState;
  refreshEditState: () => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export const createEditSlice: SliceCreator<EditSlice> = (set, get) => {
  const step = async (channel: 'edit:undo' | 'edit:redo') => {
    const result = await call(channel, {});
    if (!result.ok) return get().notify('info', result.error.message);
    const { label, caseId, state } = result.value;
    set({ editState: state });
    // Undoing an edit of another case brings that case back on screen.
    if (caseId && caseId !== get().activeCaseId && get().cases.some((c) => c.id === caseId)) {
      await get().openCase(caseId);
    }
    get().notify('info', `${channel === 'edit:undo' ? 'Undone' : 'Redone'}: ${label}`);
  };
  return {
    editState: { undo: null, redo: null },
    refreshEditState: async () => {
      const result = await call('edit:state', {});
      if (result.ok) set({ editState: result.value });
    },
    undo: () => step('edit:undo'),
    redo: () => step('edit:redo'),
  };
};

export const editSelectors = {
  editState: (s: AppState) => s.editState,
};
