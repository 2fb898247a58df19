/** The open conflicts of the case on screen; on a claim, only that claim's. */
import { useMemo } from 'react';
import { teamSelectors, useAppStore } from '../store';
import { loginOf } from '../store/teamSlice';
import { ConflictItem } from './ConflictItem';

interface Props {
  /** Only this claim's conflicts (the claim's own panel). */
  claimId?: string;
}

export function ConflictList({ claimId }: Props) {
  const all = useAppStore(teamSelectors.conflicts);
  const status = useAppStore(teamSelectors.activeStatus);
  const conflicts = useMemo(
    () => (claimId ? all.filter((c) => c.claimId === claimId) : all),
    [all, claimId],
  );
  if (!status || (claimId && conflicts.length === 0)) return null;
  const me = loginOf(status);
  return (
    <section
      className={claimId ? 'claim-conflicts' : 'team-section'}
      aria-label={claimId ? 'Conflicts on this claim' : undefined}
      aria-labelledby={claimId ? undefined : 'team-conflicts-title'}
    >
      {!claimId && <h3 id="team-conflicts-title">Conflicts</h3>}
      {conflicts.length === 0 ? (
        <p className="muted">No open conflicts.</p>
      ) : (
        <>
          {!claimId && (
            // The rule, stated where the analyst decides (issue 14).
            <p className="muted">
              When two desks change the same field, the value that reached the team database first
              is kept; Keep leaves it, Use … applies the other.
            </p>
          )}
          <ul className="conflict-list">
            {conflicts.map((c) => (
              <ConflictItem
                key={c.id}
                conflict={c}
                me={me}
                showRecord={!claimId}
                // The database refuses a reader's resolution: no buttons that cannot work.
                canResolve={status.role !== 'reader'}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
