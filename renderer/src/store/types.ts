import type { StateCreator } from 'zustand';
import type { BriefingsSlice } from './briefingsSlice';
import type { CasesSlice } from './casesSlice';
import type { ChangesSlice } from './changesSlice';
import type { ClaimCacheSlice } from './claimCacheSlice';
import type { ClaimsSlice } from './claimsSlice';
import type { DocumentsSlice } from './documentsSlice';
import type { EditSlice } from './editSlice';
import type { EntitiesSlice } from './entitiesSlice';
import type { EvidenceSlice } from './evidenceSlice';
import type { FilterSlice } from './filterSlice';
import type { ImportSlice } from './importSlice';
import type { JobsSlice } from './jobsSlice';
import type { ListSlice } from './listSlice';
import type { RecoverySlice } from './recoverySlice';
import type { SuggestionsSlice } from './suggestionsSlice';
import type { TeamSlice } from './teamSlice';
import type { UiSlice } from './uiSlice';

/** The whole UI state: a cache of what the screen shows, plus view state (STYLE.md, "Store"). */
export type AppState = CasesSlice &
  BriefingsSlice &
  ChangesSlice &
  ClaimCacheSlice &
  ClaimsSlice &
  DocumentsSlice &
  EditSlice &
  EntitiesSlice &
  EvidenceSlice &
  FilterSlice &
  ImportSlice &
  JobsSlice &
  ListSlice &
  RecoverySlice &
  SuggestionsSlice &
  TeamSlice &
  UiSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;

/** What a form needs back from an action: nothing on success, the message (and field) on failure. */
export type ActionError = { message: string; field?: string; code?: string } | null;
