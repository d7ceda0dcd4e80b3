// Handoffs (DESIGN §3 "Escalate / park", "Claim"): the escalation form's open state, the queue of
// unclaimed handoffs (kept live by handoff_* push events), the one being read or picked up, and the
// users a handoff can be aimed at.
import { formatDistanceToNowStrict } from 'date-fns';
import { toast } from 'sonner';
import { create } from 'zustand';
import type { Handoff, Priority, User } from '../../../src-preload/contract';
import { BatonError, baton, unwrap } from '../api/client';
import { useAppStore } from './app-store';

export type HandoffSort = 'newest' | 'priority';

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

export function sortHandoffs(list: Handoff[], sort: HandoffSort): Handoff[] {
  const newest = (a: Handoff, b: Handoff) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
  return [...list].sort(
    sort === 'priority'
      ? (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || newest(a, b)
      : newest,
  );
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
  /** Unclaimed handoffs for the current profile, in `sort` order. */
  queue: Handoff[];
  sort: HandoffSort;
  loaded: boolean;
  loadError: string | null;
  /** A card opened read-only from the queue (handoffs:get). */
  viewing: Handoff | null;
  /** The handoff just claimed: the pick-up / briefing screen shows it. */
  pickedUp: Handoff | null;
  /** Handoff ids with a claim in flight. */
  claiming: string[];
  openForm: (reason?: string | null) => void;
  closeForm: () => void;
  loadUsers: () => Promise<User[]>;
  load: () => Promise<void>;
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

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const useHandoffStore = create<HandoffState>()((set, get) => {
  const mine = (handoff: Handoff) => handoff.handedOffById === useAppStore.getState().profile?.id;
  const drop = (id: string) => set((s) => ({ queue: s.queue.filter((h) => h.id !== id) }));

  return {
    form: null,
    users: [],
    queue: [],
    sort: 'newest',
    loaded: false,
    loadError: null,
    viewing: null,
    pickedUp: null,
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
      const { sort } = get();
      try {
        const list = await unwrap(baton().handoffs.list({ sort }));
        // A queue of thousands arrives as megabytes of JSON, parsed in the task that received it:
        // apply it in a task of its own, so parsing and rendering never add up to one long task.
        await nextTask();
        if (request !== listRequest) return;
        set({ queue: sortHandoffs(list, sort), loaded: true, loadError: null });
      } catch (err) {
        if (request !== listRequest) return;
        set({ loaded: true, loadError: err instanceof Error ? err.message : String(err) });
      }
    },

    setSort(sort) {
      set((s) => ({ sort, queue: sortHandoffs(s.queue, sort) }));
      void get().load();
    },

    async open(id) {
      const cached = get().queue.find((h) => h.id === id) ?? null;
      set({ viewing: cached });
      try {
        const handoff = await unwrap(baton().handoffs.get({ id }));
        set((s) => ({
          viewing: s.viewing?.id === id || !s.viewing ? handoff : s.viewing,
          queue: s.queue.map((h) => (h.id === id ? { ...handoff, unread: false } : h)),
        }));
      } catch (err) {
        toast.error(`Could not open the handoff: ${err instanceof Error ? err.message : String(err)}`);
        if (!cached) set({ viewing: null });
      }
    },

    closeViewing() {
      set({ viewing: null });
    },

    async claim(id) {
      if (get().claiming.includes(id)) return;
      set((s) => ({ claiming: [...s.claiming, id] }));
      try {
        const handoff = await unwrap(baton().handoffs.claim({ id }));
        drop(id);
        set({ pickedUp: handoff, viewing: null });
        useAppStore.getState().setView('briefing');
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
        // New cards go on top; under the priority sort they take their place in it.
        const queue = [{ ...handoff, unread: true }, ...s.queue];
        return { queue: s.sort === 'priority' ? sortHandoffs(queue, 'priority') : queue };
      });
    },

    applyUpdated(handoff) {
      set((s) => ({
        // The same array when the handoff is not queued, so the (long) list does not re-render.
        queue: s.queue.some((h) => h.id === handoff.id)
          ? s.queue.map((h) => (h.id === handoff.id ? { ...handoff, unread: h.unread } : h))
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
      set((s) => ({
        queue: s.queue.some((h) => h.id === handoff.id)
          ? s.queue.filter((h) => h.id !== handoff.id)
          : s.queue,
        viewing: s.viewing?.id === handoff.id ? handoff : s.viewing,
        pickedUp: s.pickedUp?.id === handoff.id ? handoff : s.pickedUp,
      }));
    },
  };
});
