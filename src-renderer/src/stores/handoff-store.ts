// Handoffs (DESIGN §3 "Escalate / park", "Claim"): the escalation form's open state, the queue of
// unclaimed handoffs as light cards read a page at a time (kept live by handoff_* push events), the one
// being read or picked up (its detail loads on open), and the users a handoff can be aimed at.
import { formatDistanceToNowStrict } from 'date-fns';
import { toast } from 'sonner';
import { create } from 'zustand';
import type { Handoff, HandoffCard, User } from '../../../src-preload/contract';
import { priorityRank } from '../../../src-preload/contract';
import { BatonError, baton, unwrap } from '../api/client';
import { useAppStore } from './app-store';

export type HandoffSort = 'newest' | 'priority';

/** How many cards a page brings. */
const PAGE = 100;

export function sortHandoffs(list: HandoffCard[], sort: HandoffSort): HandoffCard[] {
  const newest = (a: HandoffCard, b: HandoffCard) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
  return [...list].sort(
    sort === 'priority'
      ? (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || newest(a, b)
      : newest,
  );
}

/** The card a full handoff (a push event's payload) shows in the queue. */
export function cardOf(h: Handoff, unread: boolean): HandoffCard {
  return {
    id: h.id,
    sessionId: h.sessionId,
    sessionTitle: h.sessionTitle,
    intent: h.intent,
    priority: h.priority,
    reason: h.reason.slice(0, 300),
    handedOffById: h.handedOffById,
    handedOffByName: h.handedOffByName,
    targetUserName: h.targetUserName,
    ticketNumber: h.ticketNumber,
    createdAt: h.createdAt,
    assessmentState: h.assessment.state,
    unread,
    overdue: h.overdue,
  };
}

/** "Already claimed by Sam Senior 2 minutes ago" from an ALREADY_CLAIMED error's details. */
export function alreadyClaimedText(details: unknown): string {
  const d = (details ?? {}) as { claimedByName?: string; claimedAt?: number };
  const who = d.claimedByName ?? 'someone else';
  if (typeof d.claimedAt !== 'number') return `Already claimed by ${who}`;
  // A race lost by a hair reads "just now", not "0 seconds ago".
  if (Date.now() - d.claimedAt < 10_000) return `Already claimed by ${who} just now`;
  return `Already claimed by ${who} ${formatDistanceToNowStrict(d.claimedAt)} ago`;
}

interface HandoffState {
  /** The escalation form: null when closed, else the reason to start with. */
  form: { reason: string } | null;
  users: User[];
  /** The pages of unclaimed handoffs loaded so far, in `sort` order. */
  queue: HandoffCard[];
  /** How many wait in all, and how many this profile has not opened (the nav badge). */
  total: number;
  unread: number;
  /** The next page, when there is one. */
  nextCursor: string | null;
  sort: HandoffSort;
  loaded: boolean;
  loadError: string | null;
  /** A card opened read-only from the queue (handoffs:get). */
  viewing: Handoff | null;
  /** The briefing shown at the top of its session: the handoff just claimed (fresh), or one a senior
   * asked to read again from the session's timeline. */
  pickedUp: Handoff | null;
  briefFresh: boolean;
  /** Reads a handoff's briefing again, shown at the top of its session. */
  showBrief: (id: string) => Promise<void>;
  closeBrief: () => void;
  /** Handoff ids with a claim in flight. */
  claiming: string[];
  openForm: (reason?: string | null) => void;
  closeForm: () => void;
  loadUsers: () => Promise<User[]>;
  /** The first page again (opening the screen, a new sort, a profile switch). */
  load: () => Promise<void>;
  /** The page after the loaded ones (the list asks as it scrolls near their end). */
  loadMore: () => Promise<void>;
  setSort: (sort: HandoffSort) => void;
  open: (id: string) => Promise<void>;
  closeViewing: () => void;
  claim: (id: string) => Promise<void>;
  /** After a profile switch: forget everything that belonged to the previous profile. */
  reset: () => void;
  applyCreated: (handoff: Handoff) => void;
  applyUpdated: (handoff: Handoff) => void;
  applyClaimed: (handoff: Handoff) => void;
  /** Left the queue without a claim here (its parker resumed it, or it was claimed on another machine). */
  applyClosed: (closed: { id: string }) => void;
  /** Passed its threshold unclaimed: the card shows Overdue. */
  applyOverdue: (overdue: { id: string }) => void;
}

let listRequest = 0;
let moreRequest: Promise<void> | null = null;

export const useHandoffStore = create<HandoffState>()((set, get) => {
  const mine = (handoff: Handoff) => handoff.handedOffById === useAppStore.getState().profile?.id;
  const drop = (id: string) =>
    set((s) => {
      const gone = s.queue.find((h) => h.id === id);
      if (!gone) return {};
      return {
        queue: s.queue.filter((h) => h.id !== id),
        total: Math.max(0, s.total - 1),
        unread: gone.unread ? Math.max(0, s.unread - 1) : s.unread,
      };
    });

  return {
    form: null,
    users: [],
    queue: [],
    total: 0,
    unread: 0,
    nextCursor: null,
    sort: 'newest',
    loaded: false,
    loadError: null,
    viewing: null,
    pickedUp: null,
    briefFresh: false,
    claiming: [],

    openForm(reason) {
      set({ form: { reason: reason?.trim().slice(0, 500) ?? '' } });
    },
    closeForm() {
      set({ form: null });
    },

    async loadUsers() {
      const users = await unwrap(baton().users.list());
      set({ users });
      return users;
    },

    async load() {
      const request = ++listRequest;
      moreRequest = null;
      const { sort } = get();
      try {
        const page = await unwrap(baton().handoffs.list({ sort, limit: PAGE }));
        if (request !== listRequest) return;
        set({
          queue: page.items,
          total: page.total,
          unread: page.unread,
          nextCursor: page.nextCursor,
          loaded: true,
          loadError: null,
        });
      } catch (err) {
        if (request !== listRequest) return;
        set({ loaded: true, loadError: err instanceof Error ? err.message : String(err) });
      }
    },

    loadMore() {
      const { nextCursor, sort } = get();
      if (!nextCursor) return Promise.resolve();
      const request = listRequest;
      moreRequest ??= unwrap(baton().handoffs.list({ sort, cursor: nextCursor, limit: PAGE }))
        .then((page) => {
          if (request !== listRequest) return;
          set((s) => {
            // A card that arrived live meanwhile may be in this page too.
            const known = new Set(s.queue.map((h) => h.id));
            return {
              queue: [...s.queue, ...page.items.filter((h) => !known.has(h.id))],
              total: page.total,
              unread: page.unread,
              nextCursor: page.nextCursor,
            };
          });
        })
        .catch((err: unknown) => {
          if (request === listRequest) set({ loadError: err instanceof Error ? err.message : String(err) });
        })
        .finally(() => (moreRequest = null));
      return moreRequest;
    },

    setSort(sort) {
      set({ sort, queue: [], nextCursor: null, loaded: false });
      void get().load();
    },

    async open(id) {
      try {
        const handoff = await unwrap(baton().handoffs.get({ id }));
        set((s) => {
          const card = s.queue.find((h) => h.id === id);
          return {
            viewing: handoff,
            queue: card?.unread ? s.queue.map((h) => (h.id === id ? { ...h, unread: false } : h)) : s.queue,
            unread: card?.unread ? Math.max(0, s.unread - 1) : s.unread,
          };
        });
      } catch (err) {
        toast.error(`Could not open the handoff: ${err instanceof Error ? err.message : String(err)}`);
      }
    },

    closeViewing() {
      set({ viewing: null });
    },

    async showBrief(id) {
      try {
        const handoff = await unwrap(baton().handoffs.get({ id }));
        set({ pickedUp: handoff, briefFresh: false });
      } catch (err) {
        toast.error(`Could not open the briefing: ${err instanceof Error ? err.message : String(err)}`);
      }
    },

    closeBrief() {
      set({ pickedUp: null, briefFresh: false });
    },

    async claim(id) {
      if (get().claiming.includes(id)) return;
      set((s) => ({ claiming: [...s.claiming, id] }));
      try {
        const handoff = await unwrap(baton().handoffs.claim({ id }));
        drop(id);
        set({ pickedUp: handoff, briefFresh: true, viewing: null });
        // One clear action: the session opens on the handoff (who, why, priority, the package and the
        // assessment), with the conversation below it.
        await useAppStore.getState().openSession(handoff.sessionId);
      } catch (err) {
        if (err instanceof BatonError && err.code === 'ALREADY_CLAIMED') {
          toast.error(alreadyClaimedText(err.details));
          drop(id);
          set((s) => (s.viewing?.id === id ? { viewing: null } : {}));
        } else {
          toast.error(`Could not claim: ${err instanceof Error ? err.message : String(err)}`);
        }
      } finally {
        set((s) => ({ claiming: s.claiming.filter((x) => x !== id) }));
      }
    },

    reset() {
      listRequest++;
      set({
        form: null,
        users: [],
        queue: [],
        total: 0,
        unread: 0,
        nextCursor: null,
        loaded: false,
        loadError: null,
        viewing: null,
        pickedUp: null,
        claiming: [],
      });
    },

    applyCreated(handoff) {
      if (handoff.claimedById || mine(handoff)) return;
      set((s) => {
        if (s.queue.some((h) => h.id === handoff.id)) return {};
        // New cards go on top; under the priority sort they take their place in the loaded pages
        // (one that sorts after them arrives with a later page).
        const queue = [cardOf(handoff, true), ...s.queue];
        const sorted = s.sort === 'priority' ? sortHandoffs(queue, 'priority') : queue;
        const beyond = s.nextCursor !== null && sorted.at(-1)?.id === handoff.id;
        return {
          queue: beyond ? s.queue : sorted,
          total: s.total + 1,
          unread: s.unread + 1,
        };
      });
    },

    applyUpdated(handoff) {
      set((s) => ({
        // The same array when the handoff is not queued, so the (long) list does not re-render.
        queue: s.queue.some((h) => h.id === handoff.id)
          ? s.queue.map((h) => (h.id === handoff.id ? cardOf(handoff, h.unread) : h))
          : s.queue,
        viewing: s.viewing?.id === handoff.id ? { ...handoff, unread: false } : s.viewing,
        pickedUp: s.pickedUp?.id === handoff.id ? handoff : s.pickedUp,
      }));
    },

    applyClosed({ id }) {
      if (get().queue.some((h) => h.id === id)) drop(id);
    },

    applyOverdue({ id }) {
      set((s) =>
        s.queue.some((h) => h.id === id && !h.overdue)
          ? { queue: s.queue.map((h) => (h.id === id ? { ...h, overdue: true } : h)) }
          : {},
      );
    },

    applyClaimed(handoff) {
      drop(handoff.id);
      set((s) => ({
        viewing: s.viewing?.id === handoff.id ? handoff : s.viewing,
        pickedUp: s.pickedUp?.id === handoff.id ? handoff : s.pickedUp,
      }));
    },
  };
});
