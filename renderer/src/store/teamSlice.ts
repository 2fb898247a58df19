/**
 * Team cases (issue 14): the sync state of the shared cases, the open conflicts of the case on
 * screen, and the calls the Team dialog makes. The sync itself runs in the backend; this is a
 * cache of what it reports, asked for every couple of seconds while some case is shared.
 */
import type {
  TeamAvailableCase,
  TeamCaseStatus,
  TeamConflictView,
  TeamMemberView,
  TeamRoleName,
} from '../../../shared/contract/channels';
import type { Result } from '../../../shared/contract/result';
import { call } from '../api/client';
import type { ActionError, AppState, SliceCreator } from './types';

/** `team:status` is answered from memory, so two seconds cost next to nothing. */
const POLL_MS = 2000;

export interface TeamSlice {
  teamStatuses: TeamCaseStatus[];
  /** The open conflicts of `teamConflictsCaseId` (the case on screen). */
  teamConflicts: TeamConflictView[];
  teamConflictsCaseId: string | null;
  /** The claims among them, so the list marks its cards with one subscription. */
  teamConflictClaims: ReadonlySet<string>;
  /** The members of the active case, once the Team dialog asked. */
  teamMembers: TeamMemberView[] | null;
  /** Asks for the status now, and every POLL_MS while some case is shared. */
  watchTeam: () => void;
  loadTeamConflicts: () => Promise<void>;
  shareCase: (caseId: string, connection: string) => Promise<ActionError>;
  listTeamCases: (connection: string) => Promise<Result<TeamAvailableCase[]>>;
  joinCase: (caseId: string, connection: string) => Promise<ActionError>;
  leaveCase: (caseId: string) => Promise<ActionError>;
  pauseCase: (caseId: string, paused: boolean) => Promise<ActionError>;
  syncCase: (caseId: string) => Promise<ActionError>;
  loadMembers: (caseId: string) => Promise<ActionError>;
  setMember: (caseId: string, member: string, role: TeamRoleName) => Promise<ActionError>;
  removeMember: (caseId: string, member: string) => Promise<ActionError>;
  resolveConflict: (conflictId: number, choice: 'kept' | 'proposed') => Promise<ActionError>;
}

const noConflicts: ReadonlySet<string> = new Set();

export const createTeamSlice: SliceCreator<TeamSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let polling = false;
  let again = false;

  const setConflicts = (caseId: string | null, conflicts: TeamConflictView[]) =>
    set({
      teamConflicts: conflicts,
      teamConflictsCaseId: caseId,
      teamConflictClaims:
        conflicts.length === 0
          ? noConflicts
          : new Set(conflicts.flatMap((c) => (c.claimId ? [c.claimId] : []))),
    });

  const refreshStatus = async () => {
    const result = await call('team:status', {});
    if (!result.ok) return;
    const caseId = get().activeCaseId;
    const before = get().teamStatuses.find((s) => s.caseId === caseId);
    set({ teamStatuses: result.value });
    const status = result.value.find((s) => s.caseId === caseId);
    const shown = get().teamConflictsCaseId === caseId ? get().teamConflicts.length : -1;
    const count = status?.conflicts ?? 0;
    // Asked for when their count moved (or the case on screen did), or after a round while
    // some are open (one settled by a teammate and another filed leave the count alike).
    const newRound = count > 0 && status?.lastSyncedAt !== before?.lastSyncedAt;
    if (count !== shown || newRound) await get().loadTeamConflicts();
  };

  const poll = async (): Promise<void> => {
    timer = null;
    polling = true;
    again = false;
    try {
      await refreshStatus();
    } catch {
      // Only a bug throws here (call() answers transport failures as results): the next poll
      // asks again rather than the watch stopping for good.
    } finally {
      polling = false;
    }
    // Asked for while this answer was on its way (a share, a join): it may predate that.
    if (again) return poll();
    // Nothing shared, nothing to watch: a share or a join starts the watch again.
    if (get().teamStatuses.length > 0 && timer === null)
      timer = setTimeout(() => void poll(), POLL_MS);
  };

  const watch = () => {
    if (polling) {
      again = true;
      return;
    }
    if (timer !== null) clearTimeout(timer);
    void poll();
  };

  /** A call whose answer changes the sync state: the state is asked for again at once. */
  const thenWatch = async (result: Result<unknown>): Promise<ActionError> => {
    watch();
    return result.ok ? null : result.error;
  };

  return {
    teamStatuses: [],
    teamConflicts: [],
    teamConflictsCaseId: null,
    teamConflictClaims: noConflicts,
    teamMembers: null,

    watchTeam: watch,

    loadTeamConflicts: async () => {
      const caseId = get().activeCaseId;
      const shared = get().teamStatuses.some((s) => s.caseId === caseId);
      if (!caseId || !shared) return setConflicts(caseId, []);
      const result = await call('team:conflicts', { caseId });
      if (result.ok && get().activeCaseId === caseId) setConflicts(caseId, result.value);
    },

    shareCase: async (caseId, connection) =>
      thenWatch(await call('team:share', { caseId, connection })),

    listTeamCases: (connection) => call('team:available', { connection }),

    joinCase: async (caseId, connection) => {
      const result = await call('team:join', { caseId, connection });
      if (!result.ok) return result.error;
      watch();
      // The joined case is one of this desk's now: list it and put it on screen.
      await get().loadCases();
      await get().openCase(caseId);
      return null;
    },

    leaveCase: async (caseId) => thenWatch(await call('team:leave', { caseId })),
    pauseCase: async (caseId, paused) => thenWatch(await call('team:pause', { caseId, paused })),
    syncCase: async (caseId) => thenWatch(await call('team:sync', { caseId })),

    loadMembers: async (caseId) => {
      const result = await call('team:members', { caseId });
      if (!result.ok) return result.error;
      set({ teamMembers: result.value });
      return null;
    },
    setMember: async (caseId, member, role) => {
      const result = await call('team:setMember', { caseId, member, role });
      if (!result.ok) return result.error;
      set({ teamMembers: result.value });
      return null;
    },
    removeMember: async (caseId, member) => {
      const result = await call('team:removeMember', { caseId, member });
      if (!result.ok) return result.error;
      set({ teamMembers: result.value });
      return null;
    },

    resolveConflict: async (conflictId, choice) => {
      const caseId = get().teamConflictsCaseId;
      if (!caseId) return { message: 'No shared case is open.' };
      const result = await call('team:resolve', { caseId, conflictId, choice });
      if (!result.ok) {
        // Resolved elsewhere already: show the list as it is now.
        await get().loadTeamConflicts();
        return result.error;
      }
      setConflicts(caseId, result.value);
      watch();
      return null;
    },
  };
};

export const teamSelectors = {
  statuses: (s: AppState) => s.teamStatuses,
  activeStatus: (s: AppState) => s.teamStatuses.find((t) => t.caseId === s.activeCaseId) ?? null,
  conflicts: (s: AppState) => s.teamConflicts,
  conflictClaims: (s: AppState) => s.teamConflictClaims,
  members: (s: AppState) => s.teamMembers,
};

/** The login of this analyst in a status's database label ("alice @ host / db"). */
export const loginOf = (status: TeamCaseStatus): string => status.database.split(' @ ')[0] ?? '';
