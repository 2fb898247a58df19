/**
 * What the app shows instead of itself when the store's files are damaged: what happened,
 * that the damaged file is kept, and the way back (a backup, or an empty store).
 */
import type { BackupSummary } from '../../../shared/contract/channels';
import { countOf } from '../../../shared/domain/labels';
import { recoverySelectors, useAppStore } from '../store';

const pad = (n: number) => String(n).padStart(2, '0');

/** A backup's date in local time, to the minute: "2025-11-05 18:04". */
export function backupDateLabel(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const sizeLabel = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function BackupRow({ backup }: { backup: BackupSummary }) {
  const repairing = useAppStore(recoverySelectors.repairing);
  const restore = useAppStore((s) => s.restoreBackup);
  return (
    <tr>
      <td>
        <time dateTime={backup.date}>{backupDateLabel(backup.date)}</time>
      </td>
      <td>
        {backup.usable
          ? `${countOf(backup.cases, 'case')}, ${countOf(backup.documents, 'document')}, ${countOf(backup.claims, 'claim')}`
          : `It cannot be restored: ${backup.problem || 'it does not read as a Claimdesk store'}`}
      </td>
      <td>{sizeLabel(backup.size)}</td>
      <td>
        {backup.usable && (
          <button
            type="button"
            className="primary"
            disabled={repairing !== null}
            onClick={() => void restore(backup.file)}
          >
            {repairing === backup.file ? 'Restoring…' : 'Restore this backup'}
          </button>
        )}
      </td>
    </tr>
  );
}

export function RecoveryScreen() {
  const status = useAppStore(recoverySelectors.recovery);
  const repairing = useAppStore(recoverySelectors.repairing);
  const error = useAppStore(recoverySelectors.recoveryError);
  const startEmpty = useAppStore((s) => s.startEmpty);
  if (!status) return null;
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Claimdesk could not open its data</h1>
      <p className="recovery-problem">{status.problem}</p>
      <p>
        Nothing has been deleted. The damaged file
        {status.file && (
          <>
            {' '}
            <code>{status.file}</code>
          </>
        )}{' '}
        is kept: when you restore a backup or start empty, the store as it is now is moved aside
        under a new name (a folder claimdesk.damaged-… beside it), and never overwritten.
      </p>
      <p>
        Restoring a backup also replays the edits made since it, from the journal: every one that
        still applies is brought back, and you are told how many could not be.
      </p>

      <h2>Backups</h2>
      {status.backups.length === 0 ? (
        <p>There are no backups in this data folder.</p>
      ) : (
        <table className="recovery-backups" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Holds</th>
              <th scope="col">Size</th>
              <th scope="col" aria-label="Restore" />
            </tr>
          </thead>
          <tbody>
            {status.backups.map((b) => (
              <BackupRow key={b.file} backup={b} />
            ))}
          </tbody>
        </table>
      )}

      <h2>Or start over</h2>
      <p>An empty store, with no cases. The backups stay in the folder, to restore later.</p>
      <button type="button" disabled={repairing !== null} onClick={() => void startEmpty()}>
        {repairing === 'empty' ? 'Starting…' : 'Start with an empty store'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
