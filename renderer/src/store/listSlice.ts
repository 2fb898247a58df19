/**
 * The claim list as the screen shows it (issue 9): how many claims match the search and the
 * filters, and the pages of rows around what is in view, asked for as the list scrolls. Only
 * a few pages are kept; a change re-asks for the count and the pages in view, never for the
 * case. The facets (speakers, outlets, tags, counts) come with it.
 */
import type {
  ClaimFacets,
  ClaimFilterInput,
  ClaimRow,
  TitleMatch,
} from '../../../shared/contract/channels';
import type { Claim } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import type { AppState, SliceCreator } from './types';

/**
 * Rows per page asked for. A screen shows about ten cards, so one page fills it; each search
 * keystroke asks for a first page, and at 50 rows (93 KB) writing, sending and reading it took
 * several of the milliseconds a keystroke has (issue 9).
 */
export const PAGE = 20;
/** Pages kept around the view; farther ones are let go and asked for again if needed. */
export const KEPT_PAGES = 60;

export interface ListState {
  caseId: string | null;
  /** Claims in the case, and those passing the search and filters. */
  total: number;
  matched: number;
  titleMatches: TitleMatch[];
  /** Set while the backend is still loading the case after start. */
  loading: { loaded: number; total: number } | null;
  /** Rows by page number. */
  pages: Record<number, ClaimRow[]>;
  /** Bumped by every new query, so a late answer to an old one is dropped. */
  generation: number;
  /** The first answer has come. */
  ready: boolean;
  /**
   * The rows on screen answer an earlier search or filter: kept until the new answer comes
   * (the list does not blank and rebuild on every keystroke), then replaced whole.
   */
  stale: boolean;
  /** Bumped when a new search or filter has answered, so the list scrolls back to its top. */
  resetSeq: number;
  /** The search the rows on screen answer (they may lag behind the search box while typing). */
  shownQuery: string;
  /** Where the selected claim is in this list (null: not in it, or not asked yet). */
  selectedAt: { claimId: string; index: number } | null;
  /** Bumped when the list should scroll the selected claim into view. */
  revealSeq: number;
}

export interface ListSlice {
  list: ListState;
  facets: ClaimFacets | null;
  /** Page numbers the list shows now (set by the virtual list as it scrolls). */
  visiblePages: number[];
  /** Starts the list over for the open case and the current filter. */
  reloadList: () => Promise<void>;
  /** Asks for the pages in view that are not here yet. */
  showPages: (pages: number[]) => void;
  /** After an edit: the count and the pages in view again, the rows replaced in place. */
  refreshList: () => Promise<void>;
  loadFacets: () => Promise<void>;
  /** A claim an edit returned, patched into the page that holds it. */
  patchListRow: (claim: Claim) => void;
  /**
   * Asks where a claim is in the list as searched and filtered now and loads its page, so
   * that the list can show it even far from what is loaded; `reveal` scrolls to it.
   */
  locateClaim: (claimId: string | null, reveal: boolean) => Promise<void>;
  /** The best matches for words or a speaker's name in the open case, for pickers. */
  findClaims: (query: string, limit: number) => Promise<ClaimRow[]>;
}

const EMPTY_LIST: ListState = {
  caseId: null,
  total: 0,
  matched: 0,
  titleMatches: [],
  loading: null,
  pages: {},
  generation: 0,
  ready: false,
  stale: false,
  resetSeq: 0,
  shownQuery: '',
  selectedAt: null,
  revealSeq: 0,
};

/** While the case loads after start, how often the list asks again (its count and matches grow). */
const LOADING_REFRESH_MS = 500;

export const createListSlice: SliceCreator<ListSlice> = (set, get) => {
  const inFlight = new Set<string>();
  let loadingTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshWhileLoading = () => {
    if (loadingTimer !== null) return;
    loadingTimer = setTimeout(() => {
      loadingTimer = null;
      if (get().list.loading) void get().refreshList();
    }, LOADING_REFRESH_MS);
  };

  const fetchPage = async (page: number, generation: number): Promise<void> => {
    const { activeCaseId: caseId, filter } = get();
    if (!caseId) return;
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const result = await call('claims:query', {
      caseId,
      filter: filter satisfies ClaimFilterInput,
      offset: page * PAGE,
      limit: PAGE,
    });
    inFlight.delete(key);
    if (!result.ok) return get().notify('error', result.error.message);
    if (get().list.generation !== generation) return;
    const { total, matched, titleMatches, loading, rows } = result.value;
    if (loading) refreshWhileLoading();
    set((s) => {
      const pages = s.list.stale ? { [page]: rows } : { ...s.list.pages, [page]: rows };
      // Keep the pages nearest those in view.
      const keys = Object.keys(pages).map(Number);
      if (keys.length > KEPT_PAGES) {
        const near = s.visiblePages.length > 0 ? s.visiblePages : [page];
        const distance = (p: number) => Math.min(...near.map((v) => Math.abs(v - p)));
        for (const p of keys
          .sort((a, b) => distance(b) - distance(a))
          .slice(0, keys.length - KEPT_PAGES)) {
          delete pages[p];
        }
      }
      return {
        list: {
          ...s.list,
          total,
          matched,
          titleMatches,
          loading,
          pages,
          ready: true,
          stale: false,
          resetSeq: s.list.stale ? s.list.resetSeq + 1 : s.list.resetSeq,
          // Where the selected claim was in the old rows; located again by reloadList.
          selectedAt: s.list.stale ? null : s.list.selectedAt,
          shownQuery: filter.query,
        },
      };
    });
  };

  return {
    list: EMPTY_LIST,
    facets: null,
    visiblePages: [0],

    reloadList: async () => {
      const caseId = get().activeCaseId;
      const generation = get().list.generation + 1;
      set((s) =>
        s.list.caseId === caseId && s.list.ready
          ? // The same case searched anew: what is on screen stays until the answer replaces it.
            { list: { ...s.list, generation, stale: true }, visiblePages: [0] }
          : {
              list: { ...EMPTY_LIST, caseId, generation, revealSeq: s.list.revealSeq },
              visiblePages: [0],
            },
      );
      await fetchPage(0, generation);
      // The claim the analyst had selected stays in view across a new search or filter.
      const selected = get().selectedClaimId;
      if (selected) await get().locateClaim(selected, true);
    },

    findClaims: async (query, limit) => {
      const caseId = get().activeCaseId;
      if (!caseId) return [];
      const result = await call('claims:query', { caseId, filter: { query }, offset: 0, limit });
      return result.ok ? result.value.rows : [];
    },

    locateClaim: async (claimId, reveal) => {
      const { activeCaseId: caseId, filter, list } = get();
      if (!caseId || !claimId) {
        if (list.selectedAt) set((s) => ({ list: { ...s.list, selectedAt: null } }));
        return;
      }
      const result = await call('claims:locate', { caseId, filter, claimId });
      if (!result.ok) return;
      const { index } = result.value;
      if (get().list.generation !== list.generation) return;
      if (index !== null) await fetchPage(Math.floor(index / PAGE), list.generation);
      set((s) => ({
        list: {
          ...s.list,
          selectedAt: index === null ? null : { claimId, index },
          revealSeq: reveal && index !== null ? s.list.revealSeq + 1 : s.list.revealSeq,
        },
      }));
    },

    showPages: (pages) => {
      const { list } = get();
      set({ visiblePages: pages });
      for (const page of pages) {
        // Rows kept from an earlier search are shown, not counted as here.
        if (list.stale || !list.pages[page]) void fetchPage(page, list.generation);
      }
    },

    refreshList: async () => {
      // A new generation for the answers, but the old rows stay on screen until replaced.
      const generation = get().list.generation + 1;
      set((s) => ({ list: { ...s.list, generation } }));
      const pages = get().visiblePages.length > 0 ? get().visiblePages : [0];
      const previous = get().list.pages;
      await Promise.all(pages.map((p) => fetchPage(p, generation)));
      // An edit may have moved the selected claim in the list (or out of it).
      await get().locateClaim(get().selectedClaimId, false);
      // Pages out of view are stale now: dropped, asked for again when scrolled to.
      set((s) => ({
        list: {
          ...s.list,
          pages: Object.fromEntries(
            Object.entries(s.list.pages).filter(
              ([p]) => pages.includes(Number(p)) || !previous[Number(p)],
            ),
          ),
        },
      }));
    },

    loadFacets: async () => {
      const caseId = get().activeCaseId;
      if (!caseId) return set({ facets: null });
      const result = await call('claims:facets', { caseId });
      if (!result.ok) return get().notify('error', result.error.message);
      if (get().activeCaseId === caseId) set({ facets: keepUnchanged(get().facets, result.value) });
    },

    patchListRow: (claim) =>
      set((s) => {
        let changed = false;
        const pages: Record<number, ClaimRow[]> = {};
        for (const [p, rows] of Object.entries(s.list.pages)) {
          pages[Number(p)] = rows.map((row) => {
            if (row.claim.id !== claim.id) return row;
            changed = true;
            return { ...row, claim };
          });
        }
        return changed ? { list: { ...s.list, pages } } : {};
      }),
  };
};

const sameFacetList = <T extends { count: number }>(
  a: readonly T[],
  b: readonly T[],
  key: (f: T) => string,
): boolean =>
  a.length === b.length &&
  a.every((f, i) => {
    const other = b[i];
    return other !== undefined && f.count === other.count && key(f) === key(other);
  });

/**
 * New facets with the lists that did not change kept as they were: the filters sort and draw
 * thousands of speakers and outlets, and most edits change none of them (issue 9, Save to card).
 */
export function keepUnchanged(previous: ClaimFacets | null, next: ClaimFacets): ClaimFacets {
  if (!previous) return next;
  const byId = (f: { id: string }) => f.id;
  return {
    ...next,
    speakers: sameFacetList(previous.speakers, next.speakers, byId)
      ? previous.speakers
      : next.speakers,
    outlets: sameFacetList(previous.outlets, next.outlets, byId) ? previous.outlets : next.outlets,
    tags: sameFacetList(previous.tags, next.tags, (t) => t.tag) ? previous.tags : next.tags,
  };
}

/** The row at `index` of the list, if its page is here. */
export const rowAt = (list: ListState, index: number): ClaimRow | undefined =>
  list.pages[Math.floor(index / PAGE)]?.[index % PAGE];

export const listSelectors = {
  list: (s: AppState) => s.list,
  facets: (s: AppState) => s.facets,
};
