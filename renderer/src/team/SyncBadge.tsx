/**
 * The sync state of the case on screen, in the toolbar, whenever the case is shared (issue 14).
 * A live region: a change (synced, offline, a conflict) is read out without moving focus.
 */
import { teamSelectors, useAppStore } from '../store';
import { syncLabel } from './syncLabel';

export function SyncBadge() {
  const status = useAppStore(teamSelectors.activeStatus);
  const openDialog = useAppStore((s) => s.openDialog);
  return (
    <span role="status" aria-live="polite" className="sync-status">
      {status && (
        <button
          type="button"
          className={`sync-badge ${status.state}`}
          data-state={status.state}
          // Offline and refused carry the reason; the badge keeps only the gist short.
          title={status.message ?? 'Team sync: open the Team dialog'}
          onClick={() => openDialog('team')}
        >
          <span className="sync-dot" aria-hidden="true" />
          <span className="sync-text">{syncLabel(status)}</span>
        </button>
      )}
    </span>
  );
}
