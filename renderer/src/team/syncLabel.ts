/** What the sync badge says for a case's sync state (issue 14: "a visible state"). */
import type { TeamCaseStatus } from '../../../shared/contract/channels';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function syncLabel(status: TeamCaseStatus): string {
  switch (status.state) {
    case 'synced':
      return 'Synced';
    case 'waiting':
      return `${plural(status.waiting, 'edit', 'edits')} waiting`;
    case 'syncing':
      return 'Syncing…';
    case 'offline':
      // What waits is what the analyst worries about while the database is away.
      return status.waiting > 0
        ? `Offline — ${plural(status.waiting, 'edit', 'edits')} waiting, will retry`
        : 'Offline — will retry';
    case 'conflict':
      return plural(status.conflicts, 'conflict', 'conflicts');
    case 'paused':
      return status.waiting > 0
        ? `Paused (working offline) — ${plural(status.waiting, 'edit', 'edits')} waiting`
        : 'Paused (working offline)';
    case 'refused':
      return `Refused: ${status.message ?? 'the team database refused an edit'}`;
    case 'error':
      return `Sync error: ${status.message ?? 'see the Team dialog'}`;
  }
}

/** When the case last reached the team database, in the analyst's words. */
export function syncedAt(status: TeamCaseStatus): string {
  return status.lastSyncedAt
    ? `Last synced ${new Date(status.lastSyncedAt).toLocaleString()}`
    : 'Not synced yet';
}
