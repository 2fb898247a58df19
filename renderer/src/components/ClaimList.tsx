/**
 * The claims of the open case, searched and filtered by the backend, a window at a time
 * (issue 9): the list is virtual at every size, and only the pages in view are asked for.
 */
import { useRef } from 'react';
import { countOf, groupDigits } from '../../../shared/domain/labels';
import { claimsSelectors, listSelectors, useAppStore } from '../store';
import { isFiltering } from '../store/filterSlice';
import { FilterBar } from './FilterBar';
import { VirtualClaimRows } from './VirtualClaimRows';

export function ClaimList() {
  const list = useAppStore(listSelectors.list);
  // A boolean, not the filter: a keystroke in the search re-renders the search box, and the
  // list only when its answer comes (issue 9, keystroke to frame).
  const filtering = useAppStore((s) => isFiltering(s.filter));
  const setFilter = useAppStore((s) => s.setFilter);
  const selectedClaimId = useAppStore(claimsSelectors.selectedClaimId);
  const scrollRef = useRef<HTMLDivElement>(null);

  return (
    <aside className="claims-pane" aria-label="Claims">
      <header>
        <h2>
          Claims{' '}
          {/* Busy while the rows and count on screen still answer the last search or filter. */}
          <span
            className="count"
            aria-label="Claims shown"
            aria-busy={list.stale || undefined}
            data-query={list.shownQuery}
          >
            {filtering && list.matched !== list.total
              ? `${list.matched} of ${list.total}`
              : list.total}
          </span>
        </h2>
        {list.loading && (
          <p className="muted loading-note" role="status">
            Loading the case: {groupDigits(list.loading.loaded)} of{' '}
            {groupDigits(list.loading.total)} claims
            {filtering && ' (matches among those so far)'}
          </p>
        )}
      </header>
      <FilterBar />
      {list.titleMatches.length > 0 && (
        <div className="title-matches" aria-label="Documents whose titles match">
          <span className="muted">In document titles:</span>
          {list.titleMatches.map((m) => (
            <button
              key={m.documentId}
              type="button"
              className="chip"
              onClick={() => setFilter({ query: '', documentId: m.documentId })}
            >
              {m.title} <span className="muted">({countOf(m.claims, 'claim')})</span>
            </button>
          ))}
        </div>
      )}
      {/* Only the list scrolls: the search and filters stay in reach at any depth. */}
      <div className="claims-scroll" ref={scrollRef} aria-busy={list.stale || undefined}>
        {!list.ready ? null : list.total === 0 ? (
          <p className="hint">
            Select a passage in the document, then press Enter to capture it as a claim.
          </p>
        ) : list.matched === 0 ? (
          <p className="hint">
            {list.loading
              ? 'No claim read so far matches these filters; the rest are still loading.'
              : 'No claim matches these filters.'}
          </p>
        ) : (
          <VirtualClaimRows list={list} selectedClaimId={selectedClaimId} scrollRef={scrollRef} />
        )}
      </div>
    </aside>
  );
}
