import { useEffect, useMemo, useRef } from 'react';
import type { SearchHit, SessionSummary } from '../../../../src-preload/contract';
import { useAppStore } from '../../stores/app-store';
import { isSearching, SEARCH_LIMIT, useSearchStore } from '../../stores/search-store';
import { HIT_ROW_HEIGHT, HitRow, SESSION_ROW_HEIGHT, SessionRow } from './SessionOption';
import { filterLabel } from './StatusFilter';
import { useListKeys, useOpenSession } from './useListKeys';
import { VirtualListbox } from './VirtualListbox';

export const LISTBOX_ID = 'session-listbox';

const sessionKey = (s: SessionSummary) => s.id;
const hitKey = (h: SearchHit) => h.session.id;
const loadMore = () => void useSearchStore.getState().loadMore();

/** The sidebar's list: every session for the status filter, or the search results for the query. */
export function SessionList() {
  const state = useSearchStore();
  const { status, rows, hits, activeId } = state;
  const selectedId = useAppStore((s) => s.selectedId);
  const view = useAppStore((s) => s.view);
  const open = useOpenSession();
  const onKeyDown = useListKeys(false);
  // Each mode keeps its own scroll position, so leaving a search returns to the same place.
  const listOffset = useRef(0);
  const resultsOffset = useRef(0);
  const searching = isSearching(state);
  // A different filter is a different list: start it at the top.
  useEffect(() => {
    listOffset.current = 0;
  }, [status]);

  const activeIndex = useMemo(() => {
    if (!activeId) return -1;
    return searching
      ? (hits ?? []).findIndex((h) => h.session.id === activeId)
      : rows.findIndex((r) => r.id === activeId);
  }, [activeId, searching, hits, rows]);

  const isOpen = (id: string) => view === 'sessions' && id === selectedId;
  const inStatus = status === 'all' ? '' : ` with status “${filterLabel(status)}”`;
  const announcement =
    searching && hits && !state.searching
      ? hits.length === 0
        ? `No sessions match “${state.resultsFor}”${inStatus}`
        : `${hits.length === SEARCH_LIMIT ? 'At least ' : ''}${hits.length} ${hits.length === 1 ? 'session matches' : 'sessions match'}`
      : '';

  let body;
  if (searching) {
    if (state.searchError) body = <p className="list-empty list-error">Search failed: {state.searchError}</p>;
    else if (!hits || (hits.length === 0 && state.searching)) body = <p className="list-empty">Searching…</p>;
    else if (hits.length === 0) body = <p className="list-empty">{announcement}</p>;
    else
      body = (
        <>
          <VirtualListbox
            id={LISTBOX_ID}
            label="Search results"
            items={hits}
            rowHeight={HIT_ROW_HEIGHT}
            getKey={hitKey}
            activeIndex={activeIndex}
            setSize={hits.length}
            isSelected={(h) => isOpen(h.session.id)}
            renderOption={(h) => <HitRow hit={h} />}
            onPick={(h) => open(h.session.id)}
            onKeyDown={onKeyDown}
            savedOffset={resultsOffset}
          />
          {hits.length === SEARCH_LIMIT && (
            <p className="list-footer">
              Showing the first {SEARCH_LIMIT} matches. Add words to narrow it down.
            </p>
          )}
        </>
      );
  } else if (!state.loaded) {
    body = (
      <p className="list-empty" aria-busy="true">
        Loading sessions…
      </p>
    );
  } else if (rows.length === 0 && state.listError) {
    body = <ListError message={state.listError} />;
  } else if (rows.length === 0) {
    body = <p className="list-empty">{status === 'all' ? 'No sessions yet.' : `No sessions${inStatus}.`}</p>;
  } else {
    body = (
      <>
        <VirtualListbox
          key={status}
          id={LISTBOX_ID}
          label="Your sessions"
          items={rows}
          rowHeight={SESSION_ROW_HEIGHT}
          getKey={sessionKey}
          activeIndex={activeIndex}
          setSize={state.exhausted ? rows.length : -1}
          isSelected={(s) => isOpen(s.id)}
          renderOption={(s) => <SessionRow session={s} />}
          onPick={(s) => open(s.id)}
          onKeyDown={onKeyDown}
          onNearEnd={loadMore}
          savedOffset={listOffset}
        />
        {state.loadingMore && <p className="list-loading">Loading more sessions…</p>}
        {state.listError && <ListError message={state.listError} />}
      </>
    );
  }

  return (
    <div className="session-list-area">
      {body}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

function ListError({ message }: { message: string }) {
  const retry = useSearchStore((s) => s.retryList);
  return (
    <p className="list-footer list-error" role="alert">
      Could not load sessions: {message}{' '}
      <button type="button" className="link" onClick={() => void retry()}>
        Retry
      </button>
    </p>
  );
}
