/** The one UI store, built from slices (zustand docs, "Slices pattern"). */
import { create } from 'zustand';
import { createBriefingsSlice } from './briefingsSlice';
import { createCasesSlice } from './casesSlice';
import { createChangesSlice } from './changesSlice';
import { createClaimCacheSlice } from './claimCacheSlice';
import { createClaimsSlice } from './claimsSlice';
import { createDocumentsSlice } from './documentsSlice';
import { createEditSlice } from './editSlice';
import { createEntitiesSlice } from './entitiesSlice';
import { createEvidenceSlice } from './evidenceSlice';
import { createFilterSlice } from './filterSlice';
import { createImportSlice } from './importSlice';
import { createJobsSlice } from './jobsSlice';
import { createListSlice } from './listSlice';
import { createRecoverySlice } from './recoverySlice';
import { createSuggestionsSlice } from './suggestionsSlice';
import { createTeamSlice } from './teamSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

export const useAppStore = create<AppState>()((...a) => ({
  ...createCasesSlice(...a),
  ...createBriefingsSlice(...a),
  ...createChangesSlice(...a),
  ...createClaimCacheSlice(...a),
  ...createClaimsSlice(...a),
  ...createDocumentsSlice(...a),
  ...createEditSlice(...a),
  ...createEntitiesSlice(...a),
  ...createEvidenceSlice(...a),
  ...createFilterSlice(...a),
  ...createImportSlice(...a),
  ...createJobsSlice(...a),
  ...createListSlice(...a),
  ...createRecoverySlice(...a),
  ...createSuggestionsSlice(...a),
  ...createTeamSlice(...a),
  ...createUiSlice(...a),
}));

export { briefingsSelectors } from './briefingsSlice';
export { casesSelectors } from './casesSlice';
export { changesSelectors } from './changesSlice';
export { claimCacheSelectors } from './claimCacheSlice';
export { claimsSelectors } from './claimsSlice';
export { documentsSelectors } from './documentsSlice';
export { editSelectors } from './editSlice';
export { entitiesSelectors } from './entitiesSlice';
export { evidenceSelectors } from './evidenceSlice';
export { filterSelectors } from './filterSlice';
export { importSelectors } from './importSlice';
export { jobsSelectors } from './jobsSlice';
export { listSelectors } from './listSlice';
export { recoverySelectors } from './recoverySlice';
export { suggestionsSelectors } from './suggestionsSlice';
export { teamSelectors } from './teamSlice';
export { uiSelectors } from './uiSlice';
export type { AppState } from './types';
