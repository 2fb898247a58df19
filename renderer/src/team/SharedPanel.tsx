/**
 * A shared case's sync, for the analyst to act on: where it syncs, the role there, the state
 * and when it last reached the database; sync now, work offline, stop syncing here.
 */
import { useState } from 'react';
import type { TeamCaseStatus } from '../../../shared/contract/channels';
import { FormError } from '../components/FormError';
import { useAppStore } from '../store';
import type { ActionError } from '../store/types';
import { ConfirmButton } from './ConfirmButton';
import { syncedAt, syncLabel } from './syncLabel';

export function SharedPanel({ status }: { status: TeamCaseStatus }) {
  const syncCase = useAppStore((s) => s.syncCase);
  const pauseCase = useAppStore((s) => s.pauseCase);
  const leaveCase = useAppStore((s) => s.leaveCase);
  const [error, setError] = useState<ActionError>(null);
  const [busy, setBusy] = useState(false);
  const paused = status.state === 'paused';

  const act = async (work: () => Promise<ActionError>) => {
    setBusy(true);
    setError(await work());
    setBusy(false);
  };

  return (
    <section className="team-section" aria-labelledby="team-sync-title">
      <h3 id="team-sync-title">Sync</h3>
      <dl className="team-facts">
        <dt>Team database</dt>
        <dd>{status.database}</dd>
        <dt>Your role</dt>
        <dd>{status.role ?? 'not known yet'}</dd>
        <dt>State</dt>
        <dd data-state={status.state}>{syncLabel(status)}</dd>
        <dt>Last synced</dt>
        <dd>{syncedAt(status)}</dd>
      </dl>
      {status.message && status.state !== 'refused' && (
        <p className="notice-inline">{status.message}</p>
      )}
      <FormError error={error} />
      <div className="actions team-actions">
        <button
          type="button"
          disabled={busy || paused}
          onClick={() => void act(() => syncCase(status.caseId))}
        >
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
        <button
          type="button"
          aria-pressed={paused}
          disabled={busy}
          onClick={() => void act(() => pauseCase(status.caseId, !paused))}
        >
          {paused ? 'Go online' : 'Work offline'}
        </button>
        <ConfirmButton
          label="Stop syncing on this computer"
          question="The case stays on this computer and in the team database; edits made here from now on stay here."
          confirmLabel="Stop syncing"
          onConfirm={() => act(() => leaveCase(status.caseId))}
        />
      </div>
    </section>
  );
}
