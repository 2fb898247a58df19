/** The claims of the open case, searchable and filterable, in the order they were captured. */
import { useEffect, useRef } from 'react';
import { claimsSelectors, useAppStore } from '../store';
import { useScores } from '../evidence/useScores';
import { ClaimCard } from './ClaimCard';
import { FilterBar } from './FilterBar';
import { useFilteredClaims } from './useFilteredClaims';

export function ClaimList() {
  const { visible, total, tags } = useFilteredClaims();
  const selectedClaimId = useAppStore(claimsSelectors.selectedClaimId);
  const scores = useScores();
  const listRef = useRef<HTMLOListElement>(null);

  // A highlight clicked in the reader brings its card into view.
  useEffect(() => {
    if (!selectedClaimId) return;
    listRef.current
      ?.querySelector(`[data-claim-id="${CSS.escape(selectedClaimId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedClaimId]);

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
      {total === 0 ? (
        <p className="hint">
          Select a passage in the document, then press Enter to capture it as a claim.
        </p>
      ) : visible.length === 0 ? (
        <p className="hint">No claim matches these filters.</p>
      ) : (
        <ol className="claim-list" ref={listRef}>
          {visible.map((claim) => (
            <ClaimCard
              key={claim.id}
              claim={claim}
              selected={claim.id === selectedClaimId}
              knownTags={tags}
              score={scores.get(claim.id)}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}
