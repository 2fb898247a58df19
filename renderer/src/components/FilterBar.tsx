/** Search and filters for the claim list. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type ClaimKind,
  type ClaimStatus,
} from '../../../shared/domain/schemas';
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from '../../../shared/domain/labels';
import { isFiltering } from '../../../shared/search/claimFilter';
import { useAppStore } from '../store';
import { latest } from '../store/documentsSlice';

const orNull = (value: string) => (value === '' ? null : value);

export function FilterBar({ tags }: { tags: readonly string[] }) {
  const { filter, setFilter, clearFilter, claims, entities, documents } = useAppStore(
    useShallow((s) => ({
      filter: s.filter,
      setFilter: s.setFilter,
      clearFilter: s.clearFilter,
      claims: s.claims,
      entities: s.entities,
      documents: s.documents,
    })),
  );
  // Offer only the people and outlets that figure in this case's claims.
  const { speakers, outlets } = useMemo(() => {
    const speakerIds = new Set(claims.map((c) => c.attribution.speakerId));
    const outletIds = new Set([
      ...claims.flatMap((c) => c.attribution.via),
      ...documents.map((d) => d.outletId),
    ]);
    return {
      speakers: entities.filter((e) => speakerIds.has(e.id)),
      outlets: entities.filter((e) => outletIds.has(e.id)),
    };
  }, [claims, entities, documents]);

  return (
    <div className="filter-bar" role="search">
      <input
        type="search"
        aria-label="Search claims"
        placeholder="Search claims, quotes, people, tags…"
        value={filter.query}
        onChange={(e) => setFilter({ query: e.target.value })}
      />
      <div className="filters">
        <select
          aria-label="Filter by speaker"
          value={filter.speakerId ?? ''}
          onChange={(e) => setFilter({ speakerId: orNull(e.target.value) })}
        >
          <option value="">Any speaker</option>
          {speakers.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by outlet"
          value={filter.outletId ?? ''}
          onChange={(e) => setFilter({ outletId: orNull(e.target.value) })}
        >
          <option value="">Any outlet</option>
          {outlets.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by kind"
          value={filter.kind ?? ''}
          onChange={(e) => setFilter({ kind: orNull(e.target.value) as ClaimKind | null })}
        >
          <option value="">Any kind</option>
          {CLAIM_KINDS.map((k) => (
            <option key={k} value={k}>
              {CLAIM_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by status"
          value={filter.status ?? ''}
          onChange={(e) => setFilter({ status: orNull(e.target.value) as ClaimStatus | null })}
        >
          <option value="">Any status</option>
          {CLAIM_STATUSES.map((k) => (
            <option key={k} value={k}>
              {CLAIM_STATUS_LABELS[k]}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by tag"
          value={filter.tag ?? ''}
          onChange={(e) => setFilter({ tag: orNull(e.target.value) })}
        >
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by document"
          value={filter.documentId ?? ''}
          onChange={(e) => setFilter({ documentId: orNull(e.target.value) })}
        >
          <option value="">Any document</option>
          {latest(documents).map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
        {isFiltering(filter) && (
          <button type="button" onClick={clearFilter}>
            Clear
          </button>
        )}
      </div>
    </div>
  );
}
