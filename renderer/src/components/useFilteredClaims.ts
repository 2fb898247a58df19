/**
 * The claims to list: the open case's, through the filters and the search index. The index
 * lives as long as the case is open and is synced (not rebuilt) as claims change; names
 * around claims changing (an entity renamed, merged) re-index them all.
 */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ClaimIndex, type ClaimLookup } from '../../../shared/search/claimIndex';
import { filterClaims } from '../../../shared/search/claimFilter';
import { namesOf } from '../../../shared/entities/names';
import type { Claim } from '../../../shared/domain/schemas';
import { useAppStore } from '../store';

export function useFilteredClaims(): { visible: Claim[]; total: number; tags: string[] } {
  const { claims, entities, documents, filter, caseId } = useAppStore(
    useShallow((s) => ({
      claims: s.claims,
      entities: s.entities,
      documents: s.documents,
      filter: s.filter,
      caseId: s.activeCaseId,
    })),
  );

  const lookup = useMemo<ClaimLookup>(() => {
    const names = new Map(entities.map((e) => [e.id, namesOf(e)]));
    const docs = new Map(documents.map((d) => [d.id, d]));
    return {
      entityNames: (id) => names.get(id) ?? [],
      documentTitle: (id) => docs.get(id)?.title ?? '',
      documentOutletId: (id) => docs.get(id)?.outletId ?? null,
    };
  }, [entities, documents]);

  const indexRef = useRef<{ caseId: string | null; lookup: ClaimLookup; index: ClaimIndex } | null>(
    null,
  );
  const index = useMemo(() => {
    const current = indexRef.current;
    if (!current || current.caseId !== caseId) {
      const fresh = new ClaimIndex(lookup);
      fresh.sync(claims);
      indexRef.current = { caseId, lookup, index: fresh };
      return fresh;
    }
    if (current.lookup !== lookup) {
      // Names changed: a new index reading the new names.
      const fresh = new ClaimIndex(lookup);
      fresh.sync(claims);
      indexRef.current = { caseId, lookup, index: fresh };
      return fresh;
    }
    current.index.sync(claims);
    return current.index;
  }, [caseId, lookup, claims]);

  const visible = useMemo(
    () => filterClaims(claims, filter, index, lookup),
    [claims, filter, index, lookup],
  );
  const tags = useMemo(() => [...new Set(claims.flatMap((c) => c.tags))].sort(), [claims]);
  return { visible, total: claims.length, tags };
}
