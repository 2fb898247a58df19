/** The open case's claims and which one is selected. */
import type { Claim } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import type { ActionError, AppState, SliceCreator } from './types';

export interface ClaimsSlice {
  claims: Claim[];
  selectedClaimId: string | null;
  /** Bumped when the reader should bring the selected claim into view. */
  revealRequest: number;
  loadClaims: (caseId: string) => Promise<void>;
  /** Creates a claim from the pending selection; empty wording means "use the quote". */
  createClaimFromSelection: (text: string) => Promise<ActionError>;
  updateClaim: (claimId: string, text: string) => Promise<ActionError>;
  deleteClaim: (claimId: string) => Promise<ActionError>;
  selectClaim: (claimId: string | null, reveal?: boolean) => Promise<void>;
}

const adjustCount = (s: AppState, caseId: string, delta: number) =>
  s.cases.map((c) => (c.id === caseId ? { ...c, claimCount: c.claimCount + delta } : c));

export const createClaimsSlice: SliceCreator<ClaimsSlice> = (set, get) => ({
  claims: [],
  selectedClaimId: null,
  revealRequest: 0,

  loadClaims: async (caseId) => {
    const result = await call('claims:list', { caseId });
    if (!result.ok) return get().notify('error', result.error.message);
    if (get().activeCaseId === caseId) set({ claims: result.value });
  },

  createClaimFromSelection: async (text) => {
    const selection = get().selection;
    if (!selection) return { message: 'Select a passage in the document first.' };
    const result = await call('claims:create', { ...selection, text });
    if (!result.ok) return result.error;
    const created = result.value;
    set((s) => ({
      claims: [...s.claims, created],
      cases: adjustCount(s, created.caseId, 1),
      selection: null,
      selectedClaimId: created.id,
    }));
    return null;
  },

  updateClaim: async (claimId, text) => {
    const result = await call('claims:update', { claimId, text });
    if (!result.ok) return result.error;
    set((s) => ({ claims: s.claims.map((c) => (c.id === claimId ? result.value : c)) }));
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
    return null;
  },

  selectClaim: async (claimId, reveal = false) => {
    const claim = get().claims.find((c) => c.id === claimId);
    if (claim && claim.documentId !== get().activeDocumentId)
      await get().openDocument(claim.documentId);
    set((s) => ({
      selectedClaimId: claimId,
      revealRequest: reveal ? s.revealRequest + 1 : s.revealRequest,
    }));
  },
});

export const claimsSelectors = {
  claims: (s: AppState) => s.claims,
  selectedClaimId: (s: AppState) => s.selectedClaimId,
  revealRequest: (s: AppState) => s.revealRequest,
  claimsOfDocument: (documentId: string | null) => (s: AppState) =>
    s.claims.filter((c) => c.documentId === documentId),
};
