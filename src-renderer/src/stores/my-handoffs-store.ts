// The Handoffs screen's "My handoffs" (issue 15): what the current profile escalated or parked and
// where each stands, read with handoffs:mine and read again when a push event says one of them moved
// (created, picked up, resumed, resolved) — no polling. Also which of the screen's two tabs is shown.
import { create } from 'zustand';
import type { EventMap, MyHandoff } from '../../../src-preload/contract';
import { isSenior } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { useAppStore } from './app-store';

/** The Handoffs screen's tabs: the seniors' queue, and what I handed off. */
export type HandoffsTab = 'queue' | 'mine';

interface MyHandoffsState {
  items: MyHandoff[];
  loaded: boolean;
  loadError: string | null;
  /** The tab chosen on the Handoffs screen; null until one is: the profile's role decides. */
  tab: HandoffsTab | null;
  setTab: (tab: HandoffsTab) => void;
  load: () => Promise<void>;
  /** Follows the push events that move one of mine while the list is shown; returns the unsubscribe. */
  listen: () => () => void;
  /** After a profile switch: the list and the tab belonged to the previous profile. */
  reset: () => void;
}

/** The tab a profile starts on: a senior works the queue, anyone else follows what they handed off. */
export function defaultTab(role: Parameters<typeof isSenior>[0] | undefined): HandoffsTab {
  return role && isSenior(role) ? 'queue' : 'mine';
}

let request = 0;
let inFlight: Promise<void> | null = null;
let again = false;

export const useMyHandoffsStore = create<MyHandoffsState>()((set, get) => {
  const me = () => useAppStore.getState().profile?.id;
  const has = (pick: (h: MyHandoff) => boolean) => get().items.some(pick);

  /** One read at a time: events that arrive together (claimed, picked up, session updated) while a
   * read is in flight cause one more read after it, not one each. */
  const refresh = () => {
    if (inFlight) {
      again = true;
      return;
    }
    void get().load();
  };

  const onSessionUpdated = (s: EventMap['session_updated']) => {
    const moved = has(
      (h) =>
        h.sessionId === s.id &&
        (h.sessionTitle !== s.title ||
          (s.status === 'resolved' && (h.state === 'waiting' || h.state === 'picked-up'))),
    );
    if (moved) refresh();
  };

  return {
    items: [],
    loaded: false,
    loadError: null,
    tab: null,

    setTab(tab) {
      set({ tab });
    },

    load() {
      const mine = ++request;
      again = false;
      const read: Promise<void> = unwrap(baton().handoffs.mine())
        .then((items) => {
          if (mine === request) set({ items, loaded: true, loadError: null });
        })
        .catch((err: unknown) => {
          if (mine === request)
            set({ loaded: true, loadError: err instanceof Error ? err.message : String(err) });
        })
        .finally(() => {
          if (inFlight === read) inFlight = null;
          if (again && mine === request) void get().load();
        });
      inFlight = read;
      return read;
    },

    listen() {
      const offs = [
        baton().on('handoff_created', (h) => h.handedOffById === me() && refresh()),
        baton().on('handoff_claimed', (h) => h.handedOffById === me() && refresh()),
        baton().on('handoff_picked_up', (p) => p.escalatorId === me() && refresh()),
        baton().on('handoff_closed', (c) => has((h) => h.id === c.id) && refresh()),
        baton().on('session_updated', onSessionUpdated),
      ];
      return () => offs.forEach((off) => off());
    },

    reset() {
      request++;
      again = false;
      set({ items: [], loaded: false, loadError: null, tab: null });
    },
  };
});
