/** The claim list's search and filters, and how highlights are coloured. */
import type { ClaimFilterInput } from '../../../shared/contract/channels';
import type { AppState, SliceCreator } from './types';

export type ColorBy = 'kind' | 'status';
export type ClaimFilter = Required<ClaimFilterInput>;

export const EMPTY_FILTER: ClaimFilter = {
  query: '',
  speakerId: null,
  outletId: null,
  kind: null,
  status: null,
  tag: null,
  documentId: null,
  orphaned: false,
};

export const isFiltering = (f: ClaimFilter): boolean =>
  f.query.trim() !== '' ||
  f.orphaned ||
  [f.speakerId, f.outletId, f.kind, f.status, f.tag, f.documentId].some((v) => v !== null);

export interface FilterSlice {
  filter: ClaimFilter;
  colorBy: ColorBy;
  /** Changes the filter and asks the backend for the list again. */
  setFilter: (change: Partial<ClaimFilter>) => void;
  clearFilter: () => void;
  setColorBy: (colorBy: ColorBy) => void;
}

export const createFilterSlice: SliceCreator<FilterSlice> = (set, get) => ({
  filter: EMPTY_FILTER,
  colorBy: 'kind',
  setFilter: (change) => {
    set((s) => ({ filter: { ...s.filter, ...change } }));
    void get().reloadList();
  },
  clearFilter: () => {
    set({ filter: EMPTY_FILTER });
    void get().reloadList();
  },
  setColorBy: (colorBy) => set({ colorBy }),
});

export const filterSelectors = {
  filter: (s: AppState) => s.filter,
  colorBy: (s: AppState) => s.colorBy,
};
