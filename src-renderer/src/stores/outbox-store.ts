// What the person typed and asked to save, until main has stored it (issue 13: nothing typed is lost).
// A form hands its text here and clears at once, so whatever is typed next is never touched by an
// earlier save. Saves of one session's list (its messages, facts, steps or hypotheses) go one at a
// time, in the order they were made; one that fails stays here with its error until Retry or Discard,
// and the ones after it wait behind it so the order is kept. This lives in a store, not in a form's
// state, so a view switch while a save is in flight loses nothing.
import { create } from 'zustand';
import type { Envelope } from '../../../src-preload/contract';
import { errorMessage } from './queue-store';

export type OutboxList = 'messages' | 'facts' | 'hypotheses' | 'steps';

export interface OutboxItem {
  /** Adds: the id the stored row gets (the renderer chooses it, so a retry never stores it twice).
   * Changes: a local id. */
  id: string;
  sessionId: string;
  list: OutboxList;
  /** The row a change is for; null when the item adds a row. */
  targetId: string | null;
  /** Which text of the row a change sets (text, label, freeText), to show it in place until saved. */
  field: string | null;
  /** What was typed, shown until the stored row replaces it. */
  text: string;
  /** A new sub-branch's parent. */
  parentId: string | null;
  state: 'queued' | 'saving' | 'failed';
  error: string | null;
}

export type NewOutboxItem = Pick<OutboxItem, 'sessionId' | 'list' | 'text'> &
  Partial<Pick<OutboxItem, 'id' | 'targetId' | 'field' | 'parentId'>>;

interface Work {
  send: () => Promise<Envelope<unknown>>;
  apply: (value: unknown) => void;
}

export interface OutboxState {
  items: OutboxItem[];
  /** Queues a save; `apply` puts the stored row where the screens read it. Returns the item's id. */
  enqueue: <T>(item: NewOutboxItem, send: () => Promise<Envelope<T>>, apply: (value: T) => void) => string;
  /** Sends a failed item again (and then the ones waiting behind it). */
  retry: (id: string) => void;
  /** Drops a failed item the person chose not to keep; the ones behind it go on. */
  discard: (id: string) => void;
}

const queueOf = (item: Pick<OutboxItem, 'sessionId' | 'list'>) => `${item.sessionId}:${item.list}`;
const work = new Map<string, Work>();

/** Whether an earlier save of the same list failed, so this one waits for it. */
export function isBlocked(items: OutboxItem[], item: OutboxItem): boolean {
  const key = queueOf(item);
  for (const other of items) {
    if (other.id === item.id) return false;
    if (other.state === 'failed' && queueOf(other) === key) return true;
  }
  return false;
}

export const useOutboxStore = create<OutboxState>()((set, get) => {
  const patch = (id: string, changes: Partial<OutboxItem>) =>
    set((s) => ({ items: s.items.map((i) => (i.id === id ? { ...i, ...changes } : i)) }));
  const remove = (id: string) => {
    work.delete(id);
    set((s) => ({ items: s.items.filter((i) => i.id !== id) }));
  };

  /** Starts the first save of a queue unless one is in flight or the first one failed. */
  function pump(key: string) {
    const head = get().items.find((i) => queueOf(i) === key);
    if (!head || head.state !== 'queued') return;
    const job = work.get(head.id);
    if (!job) return remove(head.id);
    patch(head.id, { state: 'saving', error: null });
    const failed = (message: string) => {
      patch(head.id, { state: 'failed', error: message });
    };
    job.send().then(
      (reply) => {
        if (!reply.ok) return failed(reply.error.message);
        // Applied and removed in the same task: React renders both at once, so the typed text is
        // replaced by the stored row without a frame showing both or neither.
        job.apply(reply.value);
        remove(head.id);
        pump(key);
      },
      (err: unknown) => failed(errorMessage(err)),
    );
  }

  return {
    items: [],

    enqueue(input, send, apply) {
      const item: OutboxItem = {
        id: input.id ?? crypto.randomUUID(),
        sessionId: input.sessionId,
        list: input.list,
        targetId: input.targetId ?? null,
        field: input.field ?? null,
        text: input.text,
        parentId: input.parentId ?? null,
        state: 'queued',
        error: null,
      };
      work.set(item.id, { send, apply: apply as (value: unknown) => void });
      set((s) => ({ items: [...s.items, item] }));
      pump(queueOf(item));
      return item.id;
    },

    retry(id) {
      const item = get().items.find((i) => i.id === id);
      if (!item || item.state !== 'failed') return;
      patch(id, { state: 'queued', error: null });
      pump(queueOf(item));
    },

    discard(id) {
      const item = get().items.find((i) => i.id === id);
      if (!item || item.state !== 'failed') return;
      remove(id);
      pump(queueOf(item));
    },
  };
});

/** The latest unsaved change to one text of a row (shown in place of the stored text). */
export function usePendingChange(targetId: string, field: string): OutboxItem | undefined {
  return useOutboxStore((s) => s.items.findLast((i) => i.targetId === targetId && i.field === field));
}
