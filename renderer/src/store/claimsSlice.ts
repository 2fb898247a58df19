/** The open case's claims, which one is selected, and their histories. */
import type { Input } from '../../../shared/contract/channels';
import type { Claim, HistoryEntry } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import type { PendingSelection } from './uiSlice';
import type { ActionError, AppState, SliceCreator } from './types';

/** What the capture panel sets on a new claim, besides the quote. */
export type ClaimFields = Omit<Input<'claims:create'>, 'documentId' | 'start' | 'end' | 'exact'>;
export type ClaimChanges = Omit<Input<'claims:update'>, 'claimId'>;

export interface ClaimsSlice {
  claims: Claim[];
  selectedClaimId: string | null;
  /** Bumped when the reader should bring the selected claim into view. */
  revealRequest: number;
  histories: Record<string, HistoryEntry[]>;
  loadClaims: (caseId: string) => Promise<void>;
  /** Creates a claim from the pending selection; empty wording means "use the quote". */
  createClaimFromSelection: (fields: ClaimFields) => Promise<ActionError>;
  updateClaim: (claimId: string, changes: ClaimChanges) => Promise<ActionError>;
  deleteClaim: (claimId: string) => Promise<ActionError>;
  /** Settles an orphan: on the given passage, or (null) kept on its old snapshot. */
  reattachClaim: (claimId: string, passage: PendingSelection | null) => Promise<ActionError>;
  selectClaim: (claimId: string | null, reveal?: boolean) => Promise<void>;
  loadHistory: (claimId: string) => Promise<void>;
}

const adjustCount = (s: AppState, caseId: string, delta: number) =>
  s.cases.map((c) => (c.id === caseId ? { ...c, claimCount: c.claimCount + delta } : c));

const replace = (claims: Claim[], updated: Claim) =>
  claims.map((c) => (c.id === updated.id ? updated : c));

export const createClaimsSlice: SliceCreator<ClaimsSlice> = (set, get) => ({
  claims: [],
  selectedClaimId: null,
  revealRequest: 0,
  histories: {},

  loadClaims: async (caseId) => {
    const result = await call('claims:list', { caseId });
    if (!result.ok) return get().notify('error', result.error.message);
    if (get().activeCaseId === caseId) set({ claims: result.value, histories: {} });
  },

  createClaimFromSelection: async (fields) => {
    const selection = get().selection;
    if (!selection) return { message: 'Select a passage in the document first.' };
    const result = await call('claims:create', { ...selection, ...fields });
    if (!result.ok) return result.error;
    const created = result.value;
    set((s) => ({
      claims: [...s.claims, created],
      cases: adjustCount(s, created.caseId, 1),
      selection: null,
      selectedClaimId: created.id,
    }));
    void get().refreshEditState();
    return null;
  },

  updateClaim: async (claimId, changes) => {
    const result = await call('claims:update', { claimId, ...changes });
    if (!result.ok) return result.error;
    set((s) => ({ claims: replace(s.claims, result.value) }));
    void get().refreshEditState();
    if (get().histories[claimId]) void get().loadHistory(claimId);
    return null;
  },

  deleteClaim: async (claimId) => {
    const claim = get().claims.find((c) => c.id === claimId);
    const result = await call('claims:delete', { claimId });
    if (!result.ok) return result.error;
    set((s) => ({
      claims: s.claims.filter((c) => c.id !== claimId),
      cases: claim ? adjustCount(s, claim.caseId, -1) : s.cases,
      selectedClaimId: s.selectedClaimId === claimId ? null : s.selectedClaimId,
    }));
    if (claim) void get().loadEvidence(claim.caseId);
    void get().refreshEditState();
    return null;
  },

  reattachClaim: async (claimId, passage) => {
    const result = await call('claims:reattach', { claimId, passage });
    if (!result.ok) return result.error;
    set((s) => ({ claims: replace(s.claims, result.value), selection: null }));
    void get().refreshEditState();
    return null;
  },

  selectClaim: async (claimId, reveal = false) => {
    const claim = get().claims.find((c) => c.id === claimId);
    if (claim && claim.documentId !== get().activeDocumentId)
      await get().openDocument(claim.documentId);
    set((s) => ({
      selectedClaimId: claimId,
      profile: null,
      view: reveal ? 'reader' : s.view,
      revealRequest: reveal ? s.revealRequest + 1 : s.revealRequest,
    }));
  },

  loadHistory: async (claimId) => {
    const result = await call('claims:history', { claimId });
    if (!result.ok) return get().notify('error', result.error.message);
    set((s) => ({ histories: { ...s.histories, [claimId]: result.value } }));
  },
});

export const claimsSelectors = {
  claims: (s: AppState) => s.claims,
  selectedClaimId: (s: AppState) => s.selectedClaimId,
  revealRequest: (s: AppState) => s.revealRequest,
  claimsOfDocument: (documentId: string | null) => (s: AppState) =>
    s.claims.filter((c) => c.documentId === documentId),
  history: (claimId: string) => (s: AppState) => s.histories[claimId],
};
