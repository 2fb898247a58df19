/** The Team button and the sync badge of the case on screen, beside Undo and Redo. */
import { casesSelectors, useAppStore } from '../store';
import { SyncBadge } from './SyncBadge';

export function TeamBar() {
  const activeCaseId = useAppStore(casesSelectors.activeCaseId);
  const openDialog = useAppStore((s) => s.openDialog);
  return (
    <div className="team-bar" role="group" aria-label="Team">
      <SyncBadge />
      <button
        type="button"
        disabled={!activeCaseId}
        title="Share this case with a team database, or join one"
        onClick={() => openDialog('team')}
      >
        Team…
      </button>
    </div>
  );
}
