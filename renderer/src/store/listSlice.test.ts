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
const { PAGE, rowAt } = await import('./listSlice');

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
    expect(rowAt(list, 49)?.claim.id).toBe('c49');
    expect(rowAt(list, 50)).toBeUndefined();
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
    await useAppStore.getState().reloadList();
    useAppStore.getState().showPages(Array.from({ length: 24 }, (_, i) => i));
    await vi.waitFor(() => expect(Object.keys(useAppStore.getState().list.pages)).toHaveLength(24));
    // Scrolled far down: page 40 comes, page 0 (the farthest) goes.
    useAppStore.getState().showPages([40]);
    await vi.waitFor(() => expect(useAppStore.getState().list.pages[40]).toBeDefined());
    const kept = Object.keys(useAppStore.getState().list.pages).map(Number);
    expect(kept).toHaveLength(24);
    expect(kept).not.toContain(0);
    expect(kept).toContain(23);
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
});
