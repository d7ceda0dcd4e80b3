// The sessions sidebar: the status filter, the list for that filter (loaded page by page with the
// keyset cursor as the user scrolls, so 100,000 sessions cost only the pages looked at) and the
// search that replaces the list while there is a query. Live updates reach the app store
// (session_created / session_updated); init() mirrors every changed session into this list.
import { create } from 'zustand';
import type { SearchHit, SessionStatus, SessionSummary } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { useAppStore } from './app-store';
import { errorMessage } from './queue-store';

export type StatusFilter = SessionStatus | 'all';
export const PAGE_SIZE = 200;
export const SEARCH_LIMIT = 100;
const DEBOUNCE_MS = 120;

interface SearchState {
  status: StatusFilter;
  /** The list for `status`, newest first, as far as it has been paged in. */
  rows: SessionSummary[];
  /** The first page for the current filter has arrived. */
  loaded: boolean;
  /** Nothing older than the last row: no more pages. */
  exhausted: boolean;
  loadingMore: boolean;
  listError: string | null;
  query: string;
  /** The answer for `resultsFor`; null until the first search for this query answers. */
  hits: SearchHit[] | null;
  resultsFor: string;
  searching: boolean;
  searchError: string | null;
  /** The highlighted option (keyboard), by session id so live updates cannot move it. */
  activeId: string | null;
  /** Mirrors the app store's live updates and loads the first page; returns the cleanup. */
  init: () => () => void;
  setStatus: (status: StatusFilter) => void;
  setQuery: (query: string) => void;
  loadFirstPage: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** After a failed page: tries that page again. */
  retryList: () => Promise<void>;
  setActive: (id: string | null) => void;
  /** Moves the highlight through what the list shows: by a step, or to the first or last option. */
  moveActive: (to: number | 'first' | 'last') => void;
  applySession: (session: SessionSummary) => void;
  /** Runs a debounced search now; resolves when the results for the current query are in. */
  flushSearch: () => Promise<void>;
}

/** Whether the search results (not the list) are on screen. */
export const isSearching = (state: Pick<SearchState, 'query'>) => state.query.trim() !== '';

/** The results on screen are not (yet) the answer for the query and filter as they are now. */
export const resultsStale = (state: SearchState) =>
  isSearching(state) && (state.searching || state.resultsFor !== state.query.trim());

/** What the sidebar shows right now: search results while there is a query, else the list. */
export function shownSessions(state: SearchState): SessionSummary[] {
  return isSearching(state) ? (state.hits ?? []).map((h) => h.session) : state.rows;
}

/** The order of sessions:list: newest first, ties by id descending (the keyset cursor's order). */
const isNewer = (a: SessionSummary, b: SessionSummary) =>
  a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id > b.id);

function insertionIndex(rows: SessionSummary[], session: SessionSummary): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isNewer(session, rows[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The list with one session's new version in place; null when nothing changes. */
function upsert(rows: SessionSummary[], session: SessionSummary, keep: boolean, exhausted: boolean) {
  const at = rows.findIndex((r) => r.id === session.id);
  if (at >= 0 && rows[at]!.updatedAt > session.updatedAt) return null;
  const rest = at >= 0 ? rows.toSpliced(at, 1) : rows;
  const last = rest.at(-1);
  // A row older than everything paged in belongs to a page not loaded yet: it arrives with it.
  if (!keep || (!exhausted && last && !isNewer(session, last))) return at >= 0 ? rest : null;
  return rest.toSpliced(insertionIndex(rest, session), 0, session);
}

let listRequest = 0;
let searchRequest = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
/** The search for the current query: waiting out the debounce (timer) or on its way (promise). */
let searchPending: 'timer' | Promise<void> | null = null;
/** Live updates that arrived while a page was on its way: applied again once it lands. */
let pagesInFlight = 0;
let pending: SessionSummary[] = [];

export const useSearchStore = create<SearchState>()((set, get) => {
  const statusInput = () => {
    const { status } = get();
    return status === 'all' ? undefined : status;
  };

  async function fetchPage(before?: { updatedAt: number; id: string }) {
    pagesInFlight++;
    try {
      return await unwrap(baton().sessions.list({ limit: PAGE_SIZE, status: statusInput(), before }));
    } finally {
      pagesInFlight--;
    }
  }

  function replayPending() {
    if (pagesInFlight > 0) return;
    const updates = pending;
    pending = [];
    updates.forEach((s) => get().applySession(s));
  }

  function runSearch(): Promise<void> {
    searchPending = search();
    return searchPending;
  }

  async function search() {
    const query = get().query.trim();
    if (!query) return;
    const request = ++searchRequest;
    set({ searching: true });
    try {
      const hits = await unwrap(
        baton().sessions.search({ query, status: statusInput(), limit: SEARCH_LIMIT }),
      );
      if (request !== searchRequest) return;
      set({
        hits,
        resultsFor: query,
        searching: false,
        searchError: null,
        activeId: hits[0]?.session.id ?? null,
      });
    } catch (err) {
      if (request !== searchRequest) return;
      set({ hits: [], resultsFor: query, searching: false, searchError: errorMessage(err), activeId: null });
    }
  }

  return {
    status: 'all',
    rows: [],
    loaded: false,
    exhausted: false,
    loadingMore: false,
    listError: null,
    query: '',
    hits: null,
    resultsFor: '',
    searching: false,
    searchError: null,
    activeId: null,

    init() {
      const unsubscribe = useAppStore.subscribe((state, prev) => {
        if (state.sessions === prev.sessions) return;
        const known = new Set(prev.sessions);
        for (const session of state.sessions) if (!known.has(session)) get().applySession(session);
      });
      void get().loadFirstPage();
      return () => {
        unsubscribe();
        clearTimeout(searchTimer);
      };
    },

    setStatus(status) {
      if (status === get().status) return;
      set({ status, rows: [], loaded: false, exhausted: false, loadingMore: false, activeId: null });
      void get().loadFirstPage();
      if (isSearching(get())) {
        clearTimeout(searchTimer);
        void runSearch();
      }
    },

    setQuery(query) {
      set({ query });
      clearTimeout(searchTimer);
      if (!isSearching(get())) {
        searchRequest++; // an answer still on its way is stale now
        searchPending = null;
        set({ hits: null, resultsFor: '', searching: false, searchError: null, activeId: null });
        return;
      }
      // The results on screen are for an older query now: nothing is highlighted until the new ones.
      set({ activeId: null });
      searchPending = 'timer';
      searchTimer = setTimeout(() => void runSearch(), DEBOUNCE_MS);
    },

    flushSearch() {
      if (searchPending !== 'timer') return searchPending ?? Promise.resolve();
      clearTimeout(searchTimer);
      return runSearch();
    },

    async loadFirstPage() {
      const request = ++listRequest;
      set({ listError: null });
      try {
        const page = await fetchPage();
        if (request !== listRequest) return;
        set({ rows: page, loaded: true, exhausted: page.length < PAGE_SIZE, loadingMore: false });
      } catch (err) {
        if (request === listRequest) set({ listError: errorMessage(err), loaded: true });
      } finally {
        replayPending();
      }
    },

    async loadMore() {
      const { loaded, exhausted, loadingMore, rows, listError } = get();
      const last = rows.at(-1);
      // After a failure, only Retry asks again (scrolling near the end must not hammer main).
      if (!loaded || exhausted || loadingMore || listError || !last) return;
      const request = listRequest;
      set({ loadingMore: true });
      try {
        const page = await fetchPage({ updatedAt: last.updatedAt, id: last.id });
        if (request !== listRequest) return;
        set((state) => {
          // A row a live update already moved to the top is not added a second time. (Checked
          // against the page's ids: no set of every loaded id is built for each page.)
          const ids = new Set(page.map((r) => r.id));
          const have = new Set(state.rows.filter((r) => ids.has(r.id)).map((r) => r.id));
          const fresh = have.size ? page.filter((r) => !have.has(r.id)) : page;
          return { rows: state.rows.concat(fresh), exhausted: page.length < PAGE_SIZE, loadingMore: false };
        });
      } catch (err) {
        if (request === listRequest) set({ loadingMore: false, listError: errorMessage(err) });
      } finally {
        replayPending();
      }
    },

    retryList() {
      const { rows } = get();
      if (rows.length === 0) return get().loadFirstPage();
      set({ listError: null });
      return get().loadMore();
    },

    setActive(activeId) {
      set({ activeId });
    },

    moveActive(to) {
      const shown = shownSessions(get());
      if (shown.length === 0) return;
      const current = shown.findIndex((s) => s.id === get().activeId);
      let index: number;
      if (to === 'first') index = 0;
      else if (to === 'last') index = shown.length - 1;
      else if (current < 0) index = to > 0 ? 0 : shown.length - 1;
      else index = Math.min(Math.max(current + to, 0), shown.length - 1);
      set({ activeId: shown[index]!.id });
    },

    applySession(session) {
      if (pagesInFlight > 0) pending.push(session);
      set((state) => {
        const keep = state.status === 'all' || session.status === state.status;
        const rows = state.loaded ? upsert(state.rows, session, keep, state.exhausted) : null;
        const hit = state.hits?.find((h) => h.session.id === session.id);
        const hits = hit
          ? state.hits!.flatMap((h) => (h !== hit ? [h] : keep ? [{ ...h, session }] : []))
          : null;
        return { ...(rows && { rows }), ...(hits && { hits }) };
      });
    },
  };
});
