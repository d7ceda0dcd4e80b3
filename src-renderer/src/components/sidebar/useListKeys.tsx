import type { KeyboardEvent } from 'react';
import { useCallback } from 'react';
import { toast } from 'sonner';
import { useAppStore } from '../../stores/app-store';
import { errorMessage } from '../../stores/queue-store';
import { resultsStale, useSearchStore } from '../../stores/search-store';

const PAGE_STEP = 10;

/** Opens a session from the sidebar; a failure becomes a toast. */
export function useOpenSession() {
  const openSession = useAppStore((s) => s.openSession);
  return useCallback(
    (id: string) => {
      useSearchStore.getState().setActive(id);
      openSession(id).catch((err: unknown) =>
        toast.error(`Could not open the session: ${errorMessage(err)}`),
      );
    },
    [openSession],
  );
}

/**
 * The keys that move the highlight through the sidebar's listbox and open the highlighted session,
 * shared by the search box (a combobox) and the listbox itself. In the search box Home and End
 * stay with the text.
 */
export function useListKeys(inTextField: boolean) {
  const open = useOpenSession();
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const { moveActive, activeId } = useSearchStore.getState();
      const moves: Record<string, number | 'first' | 'last' | undefined> = {
        ArrowDown: 1,
        ArrowUp: -1,
        PageDown: PAGE_STEP,
        PageUp: -PAGE_STEP,
        ...(!inTextField && { Home: 'first' as const, End: 'last' as const }),
      };
      const move = moves[event.key];
      if (move !== undefined) {
        event.preventDefault();
        moveActive(move);
      } else if (event.key === 'Enter') {
        const state = useSearchStore.getState();
        if (resultsStale(state)) {
          // Typed and pressed Enter before the results caught up: open the best one once they do.
          event.preventDefault();
          const query = state.query;
          void state.flushSearch().then(() => {
            const now = useSearchStore.getState();
            if (now.query === query && !resultsStale(now) && now.activeId) open(now.activeId);
          });
        } else if (activeId) {
          event.preventDefault();
          open(activeId);
        }
      }
    },
    [inTextField, open],
  );
}
