/** The claims of the open case, searchable and filterable, in the order they were captured. */
import { useEffect, useRef } from 'react';
import { claimsSelectors, useAppStore } from '../store';
import { useScores } from '../evidence/useScores';
import type { Claim } from '../../../shared/domain/schemas';
import { ClaimCard, type VirtualRow } from './ClaimCard';
import { FilterBar } from './FilterBar';
import { useFilteredClaims } from './useFilteredClaims';
import { VirtualClaimRows } from './VirtualClaimRows';

/**
 * From how many claims the list goes virtual. Below it every card is in the page (find in
 * page, and reading order for assistive technology, see the whole list); above it, rendering
 * every card would make typing in the search lag.
 */
const VIRTUAL_LIST_FROM = 200;

export function ClaimList() {
  const { visible, total, tags } = useFilteredClaims();
  const selectedClaimId = useAppStore(claimsSelectors.selectedClaimId);
  const scores = useScores();
  const listRef = useRef<HTMLOListElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = visible.length >= VIRTUAL_LIST_FROM;

  // A highlight clicked in the reader brings its card into view (the virtual list does its own).
  useEffect(() => {
    if (!selectedClaimId || virtual) return;
    listRef.current
      ?.querySelector(`[data-claim-id="${CSS.escape(selectedClaimId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedClaimId, virtual]);

  const card = (claim: Claim, row?: VirtualRow) => (
    <ClaimCard
      key={claim.id}
      claim={claim}
      selected={claim.id === selectedClaimId}
      knownTags={tags}
      score={scores.get(claim.id)}
      row={row}
    />
  );

  return (
    <aside className="claims-pane" aria-label="Claims">
      <header>
        <h2>
          Claims{' '}
          <span className="count" aria-label="Claims shown">
            {visible.length === total ? total : `${visible.length} of ${total}`}
          </span>
        </h2>
      </header>
      <FilterBar tags={tags} />
      {/* Only the list scrolls: the search and filters stay in reach at any depth. */}
      <div className="claims-scroll" ref={scrollRef}>
        {total === 0 ? (
          <p className="hint">
            Select a passage in the document, then press Enter to capture it as a claim.
          </p>
        ) : visible.length === 0 ? (
          <p className="hint">No claim matches these filters.</p>
        ) : virtual ? (
          <VirtualClaimRows
            claims={visible}
            selectedClaimId={selectedClaimId}
            scrollRef={scrollRef}
            card={card}
          />
        ) : (
          <ol className="claim-list" ref={listRef}>
            {visible.map((claim) => card(claim))}
          </ol>
        )}
      </div>
    </aside>
  );
}
