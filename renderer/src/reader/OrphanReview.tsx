/**
 * Claims a new snapshot could not place: the analyst re-attaches each to a passage selected
 * in the current version, or keeps it on the old snapshot it came from.
 */
import type { ClaimRow } from '../../../shared/contract/channels';
import type { Claim } from '../../../shared/domain/schemas';
import { countOf } from '../../../shared/domain/labels';
import { useAppStore } from '../store';
import type { PendingSelection } from '../store/uiSlice';

interface Props {
  orphans: readonly ClaimRow[];
  selection: PendingSelection | null;
}

export function OrphanReview({ orphans, selection }: Props) {
  const reattach = useAppStore((s) => s.reattachClaim);
  const notify = useAppStore((s) => s.notify);
  if (orphans.length === 0) return null;
  const act = async (claim: Claim, passage: PendingSelection | null) => {
    const failure = await reattach(claim.id, passage);
    if (failure) notify('error', failure.message);
  };
  return (
    <section className="orphan-review" aria-label="Orphaned claims">
      <h3>{countOf(orphans.length, 'claim')} could not be placed in this version</h3>
      <p className="muted">
        Select the passage where a claim now sits and press “Re-attach to selection”, or keep it on
        the version it was captured from.
      </p>
      <ul>
        {orphans.map(({ claim }) => (
          <li key={claim.id}>
            <div>
              <strong>{claim.text}</strong>
              <q className="claim-quote">{claim.anchor.exact}</q>
            </div>
            <div className="actions start">
              <button
                type="button"
                disabled={!selection}
                onClick={() => void act(claim, selection)}
              >
                Re-attach to selection
              </button>
              <button type="button" onClick={() => void act(claim, null)}>
                Keep on old version
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
