/**
 * Claims: the selected one and its evidence and history, and the edits. An edit puts the
 * claim it returns into the screen at once (the card updates); what else it changed (scores
 * of linked claims, counts, the list's order) arrives through the change feed.
 */
import type { ClaimEvidence, Input } from '../../../shared/contract/channels';
import type { HistoryEntry } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import { entityStillBeingAdded } from './entitiesSlice';
import type { PendingSelection } from './uiSlice';
import type { ActionError, AppState, SliceCreator } from './types';

/** What the capture panel sets on a new claim, besides the quote. */
export type ClaimFields = Omit<Input<'claims:create'>, 'documentId' | 'start' | 'end' | 'exact'>;
export type ClaimChanges = Omit<Input<'claims:update'>, 'claimId'>;

export interface ClaimsSlice {
  selectedClaimId: string | null;
  /** The claim just created, selected by that and not by the analyst (until they select one). */
  justCreatedClaimId: string | null;
  /** Bumped when the reader should bring the selected claim into view. */
  revealRequest: number;
  /** The selected claim's links from both ends, and the judgments resting on it. */
  evidence: ClaimEvidence | null;
  histories: Record<string, HistoryEntry[]>;
  /** Creates a claim from the pending selection; empty wording means "use the quote". */
  createClaimFromSelection: (fields: ClaimFields) => Promise<ActionError>;
  updateClaim: (claimId: string, changes: ClaimChanges) => Promise<ActionError>;
  deleteClaim: (claimId: string) => Promise<ActionError>;
  /** Settles an orphan: on the given passage, or (null) kept on its old snapshot. */
  reattachClaim: (claimId: string, passage: PendingSelection | null) => Promise<ActionError>;
  selectClaim: (claimId: string | null, reveal?: boolean) => Promise<void>;
  loadEvidence: () => Promise<void>;
  loadHistory: (claimId: string) => Promise<void>;
}

export const createClaimsSlice: SliceCreator<ClaimsSlice> = (set, get) => {
  /** The claim an edit returned, on screen at once. */
  const show = (claim: Parameters<AppState['putClaim']>[0]) => {
    get().putClaim(claim);
    get().patchListRow(claim);
  };
  return {
    selectedClaimId: null,
    justCreatedClaimId: null,
    revealRequest: 0,
    evidence: null,
    histories: {},

    createClaimFromSelection: async (fields) => {
      const selection = get().selection;
      if (!selection) return { message: 'Select a passage in the document first.' };
      const adding = entityStillBeingAdded(get());
      if (adding) return adding;
      const result = await call('claims:create', { ...selection, ...fields });
      if (!result.ok) return result.error;
      const created = result.value;
      show(created);
      set({
        selection: null,
        selectedClaimId: created.id,
        justCreatedClaimId: created.id,
        evidence: null,
      });
      void get().loadEvidence();
      return null;
    },

    updateClaim: async (claimId, changes) => {
      const adding = entityStillBeingAdded(get());
      if (adding) return adding;
      const result = await call('claims:update', { claimId, ...changes });
      if (!result.ok) return result.error;
      show(result.value);
      if (get().histories[claimId]) void get().loadHistory(claimId);
      return null;
    },

    deleteClaim: async (claimId) => {
      const result = await call('claims:delete', { claimId });
      if (!result.ok) return result.error;
      get().dropClaims([claimId]);
      set((s) => ({
        selectedClaimId: s.selectedClaimId === claimId ? null : s.selectedClaimId,
        evidence: s.selectedClaimId === claimId ? null : s.evidence,
      }));
      return null;
    },

    reattachClaim: async (claimId, passage) => {
      const result = await call('claims:reattach', { claimId, passage });
      if (!result.ok) return result.error;
      show(result.value);
      set({ selection: null });
      return null;
    },

    selectClaim: async (claimId, reveal = false) => {
      if (claimId) await get().fetchClaims([claimId]);
      const row = claimId ? get().claimCache[claimId] : undefined;
      if (row && row.claim.documentId !== get().activeDocumentId) {
        await get().openDocument(row.claim.documentId);
      }
      set((s) => ({
        selectedClaimId: claimId,
        justCreatedClaimId: null,
        evidence: s.selectedClaimId === claimId ? s.evidence : null,
        profile: null,
        view: reveal ? 'reader' : s.view,
        revealRequest: reveal ? s.revealRequest + 1 : s.revealRequest,
      }));
      // Its card comes into view wherever the selection came from (the reader, a graph, a link).
      await get().locateClaim(claimId, true);
      if (claimId) await get().loadEvidence();
    },

    loadEvidence: async () => {
      const claimId = get().selectedClaimId;
      if (!claimId) return;
      const result = await call('evidence:ofClaim', { claimId });
      if (get().selectedClaimId !== claimId) return;
      if (!result.ok) {
        // Deleted meanwhile (by undo, say): nothing is selected any more.
        if (result.error.code === 'not_found') set({ selectedClaimId: null, evidence: null });
        else get().notify('error', result.error.message);
        return;
      }
      set({ evidence: result.value });
    },

    loadHistory: async (claimId) => {
      const result = await call('claims:history', { claimId });
      if (!result.ok) return get().notify('error', result.error.message);
      set((s) => ({ histories: { ...s.histories, [claimId]: result.value } }));
    },
  };
};

export const claimsSelectors = {
  selectedClaimId: (s: AppState) => s.selectedClaimId,
  justCreatedClaimId: (s: AppState) => s.justCreatedClaimId,
  selectedRow: (s: AppState) => (s.selectedClaimId ? s.claimCache[s.selectedClaimId] : undefined),
  revealRequest: (s: AppState) => s.revealRequest,
  evidence: (s: AppState) => s.evidence,
  history: (claimId: string) => (s: AppState) => s.histories[claimId],
};
