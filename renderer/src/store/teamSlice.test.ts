/**
 * The team slice (issue 14): the status is asked for every couple of seconds only while some
 * case is shared, and the conflicts of the case on screen become the set of claims marked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamCaseStatus, TeamConflictView } from '../../../shared/contract/channels';

const answers: Record<string, unknown> = {};
const calls: string[] = [];
vi.mock('../api/client', () => ({
  call: (channel: string) => {
    calls.push(channel);
    return Promise.resolve({ ok: true, value: answers[channel] });
  },
}));

const { useAppStore } = await import('./index');

const status = (over: Partial<TeamCaseStatus> = {}): TeamCaseStatus => ({
  caseId: 'case-1',
  database: 'bob @ db.example:5432 / claimdesk',
  role: 'analyst',
  state: 'synced',
  waiting: 0,
  conflicts: 0,
  lastSyncedAt: '2026-12-02T10:00:00.000Z',
  message: null,
  ...over,
});

const conflict: TeamConflictView = {
  id: 7,
  collection: 'claims',
  recordId: 'claim-9',
  claimId: 'claim-9',
  kind: 'fields',
  fields: ['status'],
  kept: { status: 'corroborated' },
  proposed: { status: 'refuted' },
  proposedBy: 'bob',
  createdAt: '2026-12-02T10:00:00.000Z',
};

/** Lets the pending promises of one poll settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  calls.length = 0;
  answers['team:conflicts'] = [];
  useAppStore.setState(useAppStore.getInitialState(), true);
  useAppStore.setState({ activeCaseId: 'case-1' });
});
afterEach(() => vi.useRealTimers());

describe('team slice', () => {
  it('asks for the status once and stops when no case is shared', async () => {
    answers['team:status'] = [];
    useAppStore.getState().watchTeam();
    await settle();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.filter((c) => c === 'team:status')).toHaveLength(1);
  });

  it('keeps asking every two seconds while a case is shared', async () => {
    answers['team:status'] = [status()];
    useAppStore.getState().watchTeam();
    await settle();
    await vi.advanceTimersByTimeAsync(6_100);
    expect(calls.filter((c) => c === 'team:status')).toHaveLength(4);
  });

  it('asks again when a share lands while an answer from before it is on its way', async () => {
    answers['team:status'] = [];
    useAppStore.getState().watchTeam();
    // The share's own watch, while the first answer (nothing shared) is still coming.
    answers['team:status'] = [status()];
    useAppStore.getState().watchTeam();
    await settle();
    expect(useAppStore.getState().teamStatuses).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_100);
    expect(calls.filter((c) => c === 'team:status')).toHaveLength(3);
  });

  it('marks the claims of open conflicts once their count moves, and unmarks them when settled', async () => {
    answers['team:status'] = [status({ state: 'conflict', conflicts: 1 })];
    answers['team:conflicts'] = [conflict];
    useAppStore.getState().watchTeam();
    await settle();
    expect([...useAppStore.getState().teamConflictClaims]).toEqual(['claim-9']);
    answers['team:resolve'] = [];
    answers['team:status'] = [status()];
    expect(await useAppStore.getState().resolveConflict(7, 'proposed')).toBeNull();
    expect(useAppStore.getState().teamConflictClaims.size).toBe(0);
  });
});
