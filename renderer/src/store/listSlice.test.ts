/**
 * The claim list asks the backend for pages, never for the case (issue 9). The backend is a
 * fake `call` over an in-memory case; each test starts from the store's initial state
 * (zustand docs, "Testing": `getInitialState()`).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Channel, ClaimRow, Input } from '../../../shared/contract/channels';
import type { Claim } from '../../../shared/domain/schemas';

/** The fake's page when a call names none (the store always names one). */
const PAGE_OF_FAKE = 100;
const calls: { channel: Channel; input: unknown }[] = [];
let rows: ClaimRow[] = [];
/** Answers held back until released, to play a slow backend. */
let hold: Promise<void> | null = null;

vi.mock('../api/client', () => ({
  call: async (channel: Channel, input: Input<Channel>) => {
    calls.push({ channel, input });
    if (hold) await hold;
    if (channel === 'claims:query') {
      const { offset = 0, limit = PAGE_OF_FAKE, filter } = input as Input<'claims:query'>;
      const matching = rows.filter((r) => r.claim.text.includes(filter?.query ?? ''));
      return {
        ok: true,
        value: {
          total: rows.length,
          matched: matching.length,
          titleMatches: [],
          loading: null,
          rows: matching.slice(offset, offset + limit),
        },
      };
    }
    if (channel === 'claims:locate') {
      const { claimId } = input as Input<'claims:locate'>;
      const index = rows.findIndex((r) => r.claim.id === claimId);
      return { ok: true, value: { index: index < 0 ? null : index } };
    }
    return { ok: false, error: { code: 'internal', message: `not faked: ${channel}` } };
  },
}));

const { useAppStore } = await import('./index');
const { KEPT_PAGES, PAGE, rowAt, keepUnchanged } = await import('./listSlice');

const row = (i: number): ClaimRow =>
  ({ claim: { id: `c${i}`, text: `claim number ${i}` } }) as unknown as ClaimRow;

const queries = () => calls.filter((c) => c.channel === 'claims:query');

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useAppStore.setState({ activeCaseId: 'case-1' });
  rows = Array.from({ length: 1000 }, (_, i) => row(i));
  calls.length = 0;
  hold = null;
});
afterEach(() => {
  hold = null;
});

describe('list slice', () => {
  it('asks for the first page only when the list starts, and knows the totals', async () => {
    await useAppStore.getState().reloadList();
    const { list } = useAppStore.getState();
    expect(queries()).toHaveLength(1);
    expect(queries()[0]?.input).toMatchObject({ caseId: 'case-1', offset: 0, limit: PAGE });
    expect(list.total).toBe(1000);
    expect(list.matched).toBe(1000);
    expect(Object.keys(list.pages)).toEqual(['0']);
    expect(rowAt(list, PAGE - 1)?.claim.id).toBe(`c${PAGE - 1}`);
    expect(rowAt(list, PAGE)).toBeUndefined();
  });

  it('asks only for the pages scrolled to that are not here yet', async () => {
    await useAppStore.getState().reloadList();
    calls.length = 0;
    useAppStore.getState().showPages([0, 1, 2]);
    await vi.waitFor(() => expect(Object.keys(useAppStore.getState().list.pages)).toHaveLength(3));
    expect(queries().map((q) => (q.input as Input<'claims:query'>).offset)).toEqual([
      PAGE,
      2 * PAGE,
    ]);
  });

  it('drops a late answer to a search that has been replaced', async () => {
    let release = () => {};
    hold = new Promise((resolve) => (release = resolve));
    useAppStore.setState({ filter: { ...useAppStore.getState().filter, query: 'number 1' } });
    const old = useAppStore.getState().reloadList();
    // The analyst types on before the first answer comes back.
    useAppStore.setState({ filter: { ...useAppStore.getState().filter, query: 'number 12' } });
    const current = useAppStore.getState().reloadList();
    release();
    await Promise.all([old, current]);
    const { list } = useAppStore.getState();
    expect(list.shownQuery).toBe('number 12');
    // "number 12", "number 120"–"129" and "number 12x" for x in 0..9: 11 claims.
    expect(list.matched).toBe(11);
  });

  it('patches an edited claim into the page that shows it without asking again', async () => {
    await useAppStore.getState().reloadList();
    calls.length = 0;
    const edited = { ...rows[3]?.claim, text: 'reworded' } as Claim;
    useAppStore.getState().patchListRow(edited);
    expect(rowAt(useAppStore.getState().list, 3)?.claim.text).toBe('reworded');
    expect(calls).toHaveLength(0);
  });

  it('keeps a bounded number of pages and lets go of the one farthest from the view', async () => {
    const far = KEPT_PAGES + 16;
    rows = Array.from({ length: (far + 1) * PAGE }, (_, i) => row(i));
    await useAppStore.getState().reloadList();
    useAppStore.getState().showPages(Array.from({ length: KEPT_PAGES }, (_, i) => i));
    await vi.waitFor(() =>
      expect(Object.keys(useAppStore.getState().list.pages)).toHaveLength(KEPT_PAGES),
    );
    // Scrolled far down: a far page comes, page 0 (the farthest from it) goes.
    useAppStore.getState().showPages([far]);
    await vi.waitFor(() => expect(useAppStore.getState().list.pages[far]).toBeDefined());
    const kept = Object.keys(useAppStore.getState().list.pages).map(Number);
    expect(kept).toHaveLength(KEPT_PAGES);
    expect(kept).not.toContain(0);
    expect(kept).toContain(KEPT_PAGES - 1);
  });

  it('locates a claim far from the loaded pages and loads only its page', async () => {
    await useAppStore.getState().reloadList();
    calls.length = 0;
    await useAppStore.getState().locateClaim('c777', true);
    const { list } = useAppStore.getState();
    expect(list.selectedAt).toEqual({ claimId: 'c777', index: 777 });
    expect(list.revealSeq).toBe(1);
    expect(rowAt(list, 777)?.claim.id).toBe('c777');
    expect(queries()).toHaveLength(1);
  });

  it('keeps the rows of the last search on screen until the new search answers, then replaces them all', async () => {
    await useAppStore.getState().reloadList();
    useAppStore.getState().showPages([0, 1]);
    await vi.waitFor(() => expect(Object.keys(useAppStore.getState().list.pages)).toHaveLength(2));
    let release = () => {};
    hold = new Promise((resolve) => (release = resolve));
    useAppStore.setState({ filter: { ...useAppStore.getState().filter, query: 'number 7' } });
    const answered = useAppStore.getState().reloadList();
    // Asked, not answered: the old rows stay (no blank list between two keystrokes).
    let { list } = useAppStore.getState();
    expect(list.stale).toBe(true);
    expect(list.ready).toBe(true);
    expect(rowAt(list, PAGE + 10)?.claim.id).toBe(`c${PAGE + 10}`);
    release();
    await answered;
    list = useAppStore.getState().list;
    expect(list.stale).toBe(false);
    expect(list.shownQuery).toBe('number 7');
    // Page 1 of the old search is gone, not mixed into the new one; the list goes to its top.
    expect(Object.keys(list.pages)).toEqual(['0']);
    expect(rowAt(list, 0)?.claim.id).toBe('c7');
    expect(list.resetSeq).toBe(1);
  });

  it('asks for the pages in view of a search not answered yet, even where old rows fill them', async () => {
    await useAppStore.getState().reloadList();
    useAppStore.getState().showPages([0, 1]);
    await vi.waitFor(() => expect(Object.keys(useAppStore.getState().list.pages)).toHaveLength(2));
    hold = new Promise(() => {});
    useAppStore.setState({ filter: { ...useAppStore.getState().filter, query: 'number 1' } });
    void useAppStore.getState().reloadList();
    calls.length = 0;
    useAppStore.getState().showPages([0, 1]);
    // Page 0 is already asked for by the new search; page 1 holds the old search's rows.
    const asked = queries().map((q) => q.input as Input<'claims:query'>);
    expect(asked.map((q) => [q.offset, q.filter?.query])).toEqual([[PAGE, 'number 1']]);
  });
});

describe('facets kept when unchanged', () => {
  const facets = (speakers: [string, number][]) => ({
    total: 3,
    kinds: {},
    statuses: {},
    orphaned: 0,
    speakers: speakers.map(([id, count]) => ({ id, count })),
    outlets: [{ id: 'o1', count: 2 }],
    tags: [{ tag: 'arms', count: 1 }],
    loading: null,
  });

  it('keeps the lists that did not change, so the filters neither sort nor draw them again', () => {
    const before = facets([
      ['s1', 2],
      ['s2', 1],
    ]);
    const after = keepUnchanged(before, {
      ...facets([
        ['s1', 2],
        ['s2', 1],
      ]),
      total: 4,
    });
    expect(after.total).toBe(4);
    expect(after.speakers).toBe(before.speakers);
    expect(after.outlets).toBe(before.outlets);
    expect(after.tags).toBe(before.tags);
  });

  it('takes a list whose counts or members changed', () => {
    const before = facets([
      ['s1', 2],
      ['s2', 1],
    ]);
    const recount = facets([
      ['s1', 2],
      ['s2', 2],
    ]);
    expect(keepUnchanged(before, recount).speakers).toBe(recount.speakers);
    const renamed = facets([
      ['s1', 2],
      ['s3', 1],
    ]);
    expect(keepUnchanged(before, renamed).speakers).toBe(renamed.speakers);
    expect(keepUnchanged(before, renamed).outlets).toBe(before.outlets);
  });
});
