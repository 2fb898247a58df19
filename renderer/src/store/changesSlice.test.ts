/**
 * The change feed asks again only for what the screen shows among what changed (issue 9).
 * The loaders are replaced with spies on a store reset to its initial state.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeSet, ClaimRow } from '../../../shared/contract/channels';

vi.mock('../api/client', () => ({
  call: () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'not faked' } }),
}));

const { useAppStore } = await import('./index');

const loaders = [
  'refreshEditState',
  'loadEntities',
  'loadCases',
  'refreshList',
  'loadFacets',
  'loadDocuments',
  'refreshDocument',
  'loadJudgments',
  'loadBriefings',
  'loadEvidence',
  'loadSuggestions',
  'fetchClaims',
] as const;
type Loader = (typeof loaders)[number];
type Spy = ReturnType<typeof vi.fn<() => Promise<void>>>;
let spies: Record<Loader, Spy>;

const change = (over: Partial<ChangeSet>): ChangeSet => ({
  version: 2,
  epoch: 'run-1',
  reset: false,
  cases: [],
  records: {},
  scores: [],
  ...over,
});

const called = () => loaders.filter((name) => spies[name].mock.calls.length > 0);

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  spies = Object.fromEntries(
    loaders.map((name) => [name, vi.fn<() => Promise<void>>(() => Promise.resolve())]),
  ) as Record<Loader, Spy>;
  useAppStore.setState({ ...spies, activeCaseId: 'case-1', changeEpoch: 'run-1' });
});

describe('change feed', () => {
  it('refreshes the list, its facets and the open document after a claim edit in the open case', async () => {
    await useAppStore
      .getState()
      .applyChanges(change({ cases: ['case-1'], records: { claims: ['c1'] } }));
    expect(called()).toEqual(
      expect.arrayContaining(['refreshList', 'loadFacets', 'refreshDocument', 'loadEvidence']),
    );
    expect(called()).not.toContain('loadDocuments');
    expect(called()).not.toContain('loadBriefings');
  });

  it('leaves the list alone when the edit was in another case', async () => {
    await useAppStore
      .getState()
      .applyChanges(change({ cases: ['case-2'], records: { claims: ['c9'] } }));
    expect(called()).not.toContain('refreshList');
    expect(called()).not.toContain('refreshDocument');
    expect(useAppStore.getState().changeVersion).toBe(2);
  });

  it('asks again only for the claims a view holds among those changed or re-scored', async () => {
    const cached = { claim: { id: 'c' } } as unknown as ClaimRow;
    useAppStore.setState({ claimCache: { c1: cached, c2: cached } });
    await useAppStore
      .getState()
      .applyChanges(
        change({ cases: ['case-2'], records: { claims: ['c1', 'c3'] }, scores: ['c2'] }),
      );
    expect(spies.fetchClaims).toHaveBeenCalledWith(['c1', 'c2'], true);
  });

  it('reloads everything when the backend restarted (a new epoch)', async () => {
    await useAppStore.getState().applyChanges(change({ epoch: 'run-2' }));
    expect(called()).toEqual(
      expect.arrayContaining(['loadEntities', 'loadCases', 'refreshList', 'loadDocuments']),
    );
  });
});
