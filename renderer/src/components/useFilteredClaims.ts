/**
 * The claims to list: the open case's, through the filters and the search index. The index
 * lives as long as the case and the names around claims stay the same, and is synced (not
 * rebuilt) as claims change; a renamed or merged entity starts a fresh one.
 */
import { useMemo } from 'react';
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

  // One index per case and naming (entities, documents); synced, not rebuilt, as claims change.
  const index = useMemo(() => new ClaimIndex(lookup), [caseId, lookup]); // eslint-disable-line react-hooks/exhaustive-deps -- caseId: a new case starts a new index
  const synced = useMemo(() => {
    index.sync(claims);
    return index;
  }, [index, claims]);

  const visible = useMemo(
    () => filterClaims(claims, filter, synced, lookup),
    [claims, filter, synced, lookup],
  );
  const tags = useMemo(() => [...new Set(claims.flatMap((c) => c.tags))].sort(), [claims]);
  return { visible, total: claims.length, tags };
}
