/**
 * One open conflict (issue 14: "shown, never silently dropped"): what the team database kept
 * and what lost, field by field, and the two ways out. Used in the Team dialog and on the
 * claim itself.
 */
import { useState } from 'react';
import type { TeamConflictView } from '../../../shared/contract/channels';
import { FormError } from '../components/FormError';
import { claimCacheSelectors, useAppStore } from '../store';
import type { ActionError } from '../store/types';

interface Props {
  conflict: TeamConflictView;
  /** This analyst's login: their own lost value reads "mine". */
  me: string;
  /** Off on the claim's own card, where the claim is plain already. */
  showRecord?: boolean;
  canResolve: boolean;
}

/** What happened, in words, for a delete against an edit (the rule: the edit stays). */
function story(conflict: TeamConflictView, mine: boolean): string | null {
  const who = conflict.proposedBy;
  if (conflict.kind === 'deleted-edited') {
    return mine
      ? 'You deleted it while a teammate edited it: the edit was kept.'
      : `Deleted by ${who} while it was being edited: the edit was kept.`;
  }
  if (conflict.kind === 'edited-deleted') {
    return mine
      ? 'You edited it after a teammate deleted it: it stays deleted.'
      : `Edited by ${who} after it was deleted: it stays deleted.`;
  }
  return null;
}

export function ConflictItem({ conflict, me, showRecord = true, canResolve }: Props) {
  const resolve = useAppStore((s) => s.resolveConflict);
  const row = useAppStore(claimCacheSelectors.row(conflict.claimId));
  const [error, setError] = useState<ActionError>(null);
  const [busy, setBusy] = useState(false);
  const mine = conflict.proposedBy === me;
  const whose = mine ? 'Yours' : `${conflict.proposedBy}'s`;
  const record = row?.claim.text ?? `${conflict.collection} ${conflict.recordId}`;
  const fields = Object.keys(conflict.kept);

  const choose = async (choice: 'kept' | 'proposed') => {
    setBusy(true);
    const failure = await resolve(conflict.id, choice);
    setBusy(false);
    setError(failure);
  };

  return (
    <li className="conflict" data-conflict-id={conflict.id} aria-label={`Conflict on ${record}`}>
      {showRecord && <p className="conflict-record">{record}</p>}
      <p className="conflict-kind">
        {story(conflict, mine) ?? `Changed on two desks: ${conflict.fields.join(', ')}`}
      </p>
      <dl className="conflict-fields">
        {fields.map((field) => (
          <div key={field} className="conflict-field">
            <dt>{field}</dt>
            <dd>
              <span className="label">Kept:</span> {conflict.kept[field]}
            </dd>
            <dd>
              <span className="label">{whose}:</span> {conflict.proposed[field]}
            </dd>
          </div>
        ))}
      </dl>
      <FormError error={error} />
      {!canResolve && <p className="muted">An analyst or owner of the case can settle it.</p>}
      {canResolve && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void choose('kept')}>
            Keep
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void choose('proposed')}
          >
            {mine ? 'Use mine' : `Use ${conflict.proposedBy}'s`}
          </button>
        </div>
      )}
    </li>
  );
}
