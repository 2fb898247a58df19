/**
 * Search and filters for the claim list. What each filter offers comes from the backend's
 * facets for the case (the speakers, outlets and tags that figure in it, with counts).
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type ClaimKind,
  type ClaimStatus,
} from '../../../shared/domain/enums';
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from '../../../shared/domain/labels';
import { useAppStore } from '../store';
import { isFiltering } from '../store/filterSlice';
import { DocumentFilter } from './DocumentFilter';
import { compareNames } from '../../../shared/domain/compareNames';

const orNull = (value: string) => (value === '' ? null : value);

const options = (list: readonly { id: string; name: string }[]) =>
  list.map((f) => (
    <option key={f.id} value={f.id}>
      {f.name}
    </option>
  ));

/** Facets with their entities' names, in name order. */
const named = (
  list: readonly { id: string; count: number }[] | undefined,
  names: ReadonlyMap<string, string>,
) =>
  (list ?? [])
    .map((f) => ({ ...f, name: names.get(f.id) ?? 'Unknown' }))
    .sort((a, b) => compareNames(a.name, b.name));

/**
 * The search box and the filters are separate components: a keystroke re-renders the box,
 * not the selects, whose options (every speaker and outlet of the case) can number thousands
 * (issue 9, keystroke to frame).
 */
export function FilterBar() {
  return (
    <div className="filter-bar" role="search">
      <SearchBox />
      <Filters />
    </div>
  );
}

function SearchBox() {
  const query = useAppStore((s) => s.filter.query);
  const setFilter = useAppStore((s) => s.setFilter);
  return (
    <input
      type="search"
      aria-label="Search claims"
      placeholder="Search claims, quotes, people, tags…"
      value={query}
      onChange={(e) => setFilter({ query: e.target.value })}
    />
  );
}

function Filters() {
  // Each choice on its own (not the filter object, which every keystroke replaces).
  const filter = useAppStore(
    useShallow((s) => ({
      speakerId: s.filter.speakerId,
      outletId: s.filter.outletId,
      kind: s.filter.kind,
      status: s.filter.status,
      tag: s.filter.tag,
      documentId: s.filter.documentId,
    })),
  );
  const { filtering, setFilter, clearFilter, facets, entities } = useAppStore(
    useShallow((s) => ({
      filtering: isFiltering(s.filter),
      setFilter: s.setFilter,
      clearFilter: s.clearFilter,
      facets: s.facets,
      entities: s.entities,
    })),
  );
  const names = useMemo(() => new Map(entities.map((e) => [e.id, e.name])), [entities]);
  // By list, not by the facets object: an edit that changes no speaker, outlet or tag keeps
  // those lists as they were (listSlice keepUnchanged), so nothing is sorted or drawn again.
  const speakerFacets = facets?.speakers;
  const outletFacets = facets?.outlets;
  const tagFacets = facets?.tags;
  const speakers = useMemo(() => named(speakerFacets, names), [speakerFacets, names]);
  const outlets = useMemo(() => named(outletFacets, names), [outletFacets, names]);
  const tags = useMemo(() => (tagFacets ?? []).map((t) => t.tag).sort(), [tagFacets]);
  // The same elements while the lists stay: React skips thousands of options at once.
  const speakerOptions = useMemo(() => options(speakers), [speakers]);
  const outletOptions = useMemo(() => options(outlets), [outlets]);

  return (
    <div className="filters">
      <select
        aria-label="Filter by speaker"
        value={filter.speakerId ?? ''}
        onChange={(e) => setFilter({ speakerId: orNull(e.target.value) })}
      >
        <option value="">Any speaker</option>
        {speakerOptions}
      </select>
      <select
        aria-label="Filter by outlet"
        value={filter.outletId ?? ''}
        onChange={(e) => setFilter({ outletId: orNull(e.target.value) })}
      >
        <option value="">Any outlet</option>
        {outletOptions}
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
      <DocumentFilter
        documentId={filter.documentId}
        onChange={(documentId) => setFilter({ documentId })}
      />
      {filtering && (
        <button type="button" onClick={clearFilter}>
          Clear
        </button>
      )}
    </div>
  );
}
