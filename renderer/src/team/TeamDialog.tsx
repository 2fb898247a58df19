/**
 * The Team dialog for the case on screen (issue 14): share it or join another when it is not
 * shared; its sync, members and conflicts when it is.
 */
import { casesSelectors, teamSelectors, useAppStore } from '../store';
import { Modal } from '../components/Modal';
import { ConflictList } from './ConflictList';
import { JoinForm } from './JoinForm';
import { MembersSection } from './MembersSection';
import { SharedPanel } from './SharedPanel';
import { ShareForm } from './ShareForm';

export function TeamDialog() {
  const activeCase = useAppStore(casesSelectors.activeCase);
  const status = useAppStore(teamSelectors.activeStatus);
  const openDialog = useAppStore((s) => s.openDialog);
  const close = () => openDialog(null);

  return (
    <Modal title={activeCase ? `Team: ${activeCase.title}` : 'Team'} onClose={close}>
      <div className="team-dialog">
        {status ? (
          <>
            <SharedPanel status={status} />
            <MembersSection caseId={status.caseId} isOwner={status.role === 'owner'} />
            <ConflictList />
            {/* Every case on screen may be shared: joining another stays at hand. */}
            <details className="team-section">
              <summary>Join another case from a team database</summary>
              <JoinForm />
            </details>
          </>
        ) : (
          <>
            {activeCase && <ShareForm caseId={activeCase.id} />}
            <JoinForm />
          </>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
