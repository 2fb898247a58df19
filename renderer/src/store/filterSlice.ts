/** The claim list's search and filters, and how highlights are coloured. */
import { EMPTY_FILTER, type ClaimFilter } from '../../../shared/search/claimFilter';
import type { AppState, SliceCreator } from './types';

export type ColorBy = 'kind' | 'status';

export interface FilterSlice {
  filter: ClaimFilter;
  colorBy: ColorBy;
  setFilter: (change: Partial<ClaimFilter>) => void;
  clearFilter: () => void;
  setColorBy: (colorBy: ColorBy) => void;
}

export const createFilterSlice: SliceCreator<FilterSlice> = (set) => ({
  filter: EMPTY_FILTER,
  colorBy: 'kind',
  setFilter: (change) => set((s) => ({ filter: { ...s.filter, ...change } })),
  clearFilter: () => set({ filter: EMPTY_FILTER }),
  setColorBy: (colorBy) => set({ colorBy }),
});

export const filterSelectors = {
  filter: (s: AppState) => s.filter,
  colorBy: (s: AppState) => s.colorBy,
};
