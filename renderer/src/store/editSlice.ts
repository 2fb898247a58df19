/** Undo and redo: the backend keeps the stacks; the UI shows their labels and reloads after. */
import type { EditState } from '../../../shared/contract/channels';
import { call } from '../api/client';
import type { AppState, SliceCreator } from './types';

export interface EditSlice {
  editState: EditState;
  /** Called after every successful edit so the Undo/Redo labels stay true. */
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
    await get().reloadAll(caseId);
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
