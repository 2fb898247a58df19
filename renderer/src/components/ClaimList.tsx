/** The claims of the open case, in the order they were captured. */
import { useEffect, useRef } from 'react';
import { claimsSelectors, useAppStore } from '../store';
import { ClaimCard } from './ClaimCard';

export function ClaimList() {
  const claims = useAppStore(claimsSelectors.claims);
  const selectedClaimId = useAppStore(claimsSelectors.selectedClaimId);
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
          Claims <span className="count">{claims.length}</span>
        </h2>
      </header>
      {claims.length === 0 ? (
        <p className="hint">
          Select a passage in the document, then press Enter to capture it as a claim.
        </p>
      ) : (
        <ol className="claim-list" ref={listRef}>
          {claims.map((claim) => (
            <ClaimCard key={claim.id} claim={claim} selected={claim.id === selectedClaimId} />
          ))}
        </ol>
      )}
    </aside>
  );
}
