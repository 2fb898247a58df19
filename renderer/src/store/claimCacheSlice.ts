/**
 * The claims the screen shows, by id, with their scores and documents (issue 9: the renderer
 * "asks for what it shows"). Filled by the list's windows and by `fetchClaims` for the views
 * that name claims (a judgment's basis, a note's claims); what an edit changed is dropped and
 * asked for again (changesSlice.ts). Never every claim of the case.
 */
import type { ClaimRow } from '../../../shared/contract/channels';
import type { Claim } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import type { AppState, SliceCreator } from './types';

export interface ClaimCacheSlice {
  claimCache: Record<string, ClaimRow>;
  /** Ids asked for and found missing (deleted): a view shows them as such. */
  missingClaims: Record<string, true>;
  /** Asks for the rows not in the cache (all of them with `force`). */
  fetchClaims: (ids: readonly string[], force?: boolean) => Promise<void>;
  /** Keeps rows the backend sent (a list window, a graph). */
  cacheRows: (rows: readonly ClaimRow[]) => void;
  /** A claim an edit returned: its row keeps document and score until asked for again. */
  putClaim: (claim: Claim) => void;
  dropClaims: (ids: readonly string[]) => void;
}

export const createClaimCacheSlice: SliceCreator<ClaimCacheSlice> = (set, get) => ({
  claimCache: {},
  missingClaims: {},

  fetchClaims: async (ids, force = false) => {
    const cache = get().claimCache;
    const wanted = [...new Set(ids)].filter((id) => force || !cache[id]);
    if (wanted.length === 0) return;
    for (let i = 0; i < wanted.length; i += 1000) {
      const batch = wanted.slice(i, i + 1000);
      const result = await call('claims:get', { claimIds: batch });
      if (!result.ok) return get().notify('error', result.error.message);
      const found = new Set(result.value.map((r) => r.claim.id));
      set((s) => {
        const missing = { ...s.missingClaims };
        for (const id of batch) {
          if (found.has(id)) delete missing[id];
          else missing[id] = true;
        }
        const claimCache = { ...s.claimCache };
        for (const id of batch) if (!found.has(id)) delete claimCache[id];
        for (const row of result.value) claimCache[row.claim.id] = row;
        return { claimCache, missingClaims: missing };
      });
    }
  },

  cacheRows: (rows) => {
    if (rows.length === 0) return;
    set((s) => {
      const claimCache = { ...s.claimCache };
      for (const row of rows) claimCache[row.claim.id] = row;
      return { claimCache };
    });
  },

  putClaim: (claim) =>
    set((s) => {
      const row = s.claimCache[claim.id];
      return {
        claimCache: {
          ...s.claimCache,
          [claim.id]: { claim, score: row?.score ?? null, document: row?.document ?? null },
        },
      };
    }),

  dropClaims: (ids) =>
    set((s) => {
      const claimCache = { ...s.claimCache };
      for (const id of ids) delete claimCache[id];
      return { claimCache };
    }),
});

export const claimCacheSelectors = {
  row: (id: string | null) => (s: AppState) => (id ? s.claimCache[id] : undefined),
  missing: (id: string) => (s: AppState) => s.missingClaims[id] === true,
};
