/** The one UI store, built from slices (zustand docs, "Slices pattern"). */
import { create } from 'zustand';
import { createCasesSlice } from './casesSlice';
import { createClaimsSlice } from './claimsSlice';
import { createDocumentsSlice } from './documentsSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

export const useAppStore = create<AppState>()((...a) => ({
  ...createCasesSlice(...a),
  ...createDocumentsSlice(...a),
  ...createClaimsSlice(...a),
  ...createUiSlice(...a),
}));

export { casesSelectors } from './casesSlice';
export { claimsSelectors } from './claimsSlice';
export { documentsSelectors } from './documentsSlice';
export { uiSelectors } from './uiSlice';
export type { AppState } from './types';
