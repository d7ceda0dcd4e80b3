import { create } from 'zustand';
import type {
  Envelope,
  EventMap,
  Fact,
  Hypothesis,
  Message,
  SessionDetail,
  SessionSummary,
  Step,
  User,
} from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { useOutboxStore } from './outbox-store';
import { errorMessage } from './queue-store';
import { confirmDiscard, hasUnsavedEdits } from './unsaved-store';

/** What the content area shows: the sessions (list + open session), the outbox queue, settings, the
 * handoffs queue, the pick-up screen after a claim, or Insights. */
export type View = 'sessions' | 'queue' | 'settings' | 'handoffs' | 'insights';

/** The side panel's lists, updated in place from each channel's reply. */
export interface PanelItems {
  steps: Step;
  facts: Fact;
  hypotheses: Hypothesis;
}
export type PanelKind = keyof PanelItems;

interface AppState {
  view: View;
  phase: 'loading' | 'ready' | 'failed';
  failure: string | null;
  profile: User | null;
  sessions: SessionSummary[];
  selectedId: string | null;
  detail: SessionDetail | null;
  /** A new session main has not answered for yet (its id chosen here), and why it failed if it did. */
  creating: { id: string; error: string | null } | null;
  setView: (view: View) => void;
  load: () => Promise<void>;
  /** The first profile on this computer (its owner). */
  createProfile: (input: { name: string; email: string }) => Promise<void>;
  /** Opens a new session at once (its composer takes keys while main stores it). */
  createSession: () => Promise<void>;
  /** After a failed start: asks main again for the same session. */
  retryCreate: () => void;
  openSession: (id: string) => Promise<void>;
  /** Hands a technician's message to the outbox (saved in order, kept with Retry if it fails). */
  sendMessage: (sessionId: string, body: string) => void;
  retryReply: (messageId: string) => Promise<void>;
  requestEscalation: () => Promise<void>;
  /** Push events from main keep every open screen current without a reload. */
  applySession: (session: SessionSummary) => void;
  /** message_added and the reply to messages:add: inserted once, never overwriting a newer copy. */
  applyMessage: (message: Message) => void;
  /** message_updated and retry replies: the message as it is now (inserted if still unknown). */
  replaceMessage: (message: Message) => void;
  /** message_delta: the whole display text of a streaming reply so far. */
  applyDelta: (delta: EventMap['message_delta']) => void;
  /** session_changed: re-read the open session (debounced). */
  sessionChanged: (event: EventMap['session_changed']) => void;
  applyDetail: (detail: SessionDetail) => void;
  applyItem: <K extends PanelKind>(kind: K, item: PanelItems[K]) => void;
  dropItem: (kind: PanelKind, id: string) => void;
}

const byNewest = (a: SessionSummary, b: SessionSummary) =>
  b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1);
const bySeq = (a: { seq: number; id: string }, b: { seq: number; id: string }) =>
  a.seq - b.seq || (a.id < b.id ? -1 : 1);
const ORDER: { [K in PanelKind]: (a: PanelItems[K], b: PanelItems[K]) => number } = {
  steps: bySeq,
  hypotheses: bySeq,
  facts: (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
};

/** Puts a reply right after the message it answers (and after earlier answers to it). */
function insertMessage(messages: Message[], message: Message): Message[] {
  const anchor = message.replyToId ? messages.findIndex((m) => m.id === message.replyToId) : -1;
  if (anchor < 0) return [...messages, message];
  let at = anchor + 1;
  while (at < messages.length && messages[at]!.replyToId === message.replyToId) at++;
  return [...messages.slice(0, at), message, ...messages.slice(at)];
}

/** Message ids touched by push events, with a counter, so a slower re-read never undoes them. */
let eventCounter = 0;
const touchedAt = new Map<string, number>();
const touch = (id: string) => touchedAt.set(id, ++eventCounter);

/** A re-read replaces the session, except messages that events changed while it was in flight. */
function mergeDetail(prev: SessionDetail, next: SessionDetail, since: number): SessionDetail {
  const fresh = new Map(next.messages.map((m) => [m.id, m]));
  const previous = new Map(prev.messages.map((m) => [m.id, m]));
  let messages = next.messages.map((m) => {
    const mine = previous.get(m.id);
    if (!mine) return m;
    if ((touchedAt.get(m.id) ?? 0) > since) return mine;
    if (mine.status === 'streaming' && m.status === 'streaming' && mine.body.length > m.body.length)
      return mine;
    return m;
  });
  for (const mine of prev.messages)
    if (!fresh.has(mine.id) && (touchedAt.get(mine.id) ?? 0) > since)
      messages = insertMessage(messages, mine);
  return { ...next, messages };
}

/** New sessions on their way to main. What is saved to one waits for it, so its first notes are
 * stored after it, in order; after a failure the same id is asked for again. */
const creations = new Map<string, Promise<Envelope<SessionDetail>>>();
const READY: Envelope<null> = { ok: true, value: null };
/** The composer's textarea (components/chat/Composer.tsx). */
export const COMPOSER_INPUT_ID = 'composer-input';

/** Resolves once a session the renderer started is stored (at once for any other session). */
function sessionReady(sessionId: string): Promise<Envelope<unknown>> {
  return creations.get(sessionId) ?? Promise.resolve(READY);
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let refreshRequest = 0;

export const useAppStore = create<AppState>()((set, get) => {
  /** Applies a change to the open session only (events for other sessions are ignored). */
  const patchDetail = (sessionId: string, patch: (detail: SessionDetail) => Partial<SessionDetail>) =>
    set((state) =>
      state.detail?.id === sessionId ? { detail: { ...state.detail, ...patch(state.detail) } } : {},
    );

  async function reread(sessionId: string) {
    const request = ++refreshRequest;
    const since = eventCounter;
    const next = await unwrap(baton().sessions.get({ id: sessionId }));
    const { detail } = get();
    if (request !== refreshRequest || detail?.id !== sessionId) return;
    set({ detail: mergeDetail(detail, next, since) });
  }

  async function startCreation(id: string) {
    const request = baton()
      .sessions.create({ id })
      .catch((err: unknown): Envelope<SessionDetail> => ({
        ok: false,
        error: { code: 'INTERNAL', message: errorMessage(err) },
      }));
    creations.set(id, request);
    const reply = await request;
    if (!reply.ok) {
      if (get().creating?.id === id) set({ creating: { id, error: reply.error.message } });
      return;
    }
    creations.delete(id);
    get().applySession(reply.value);
    set((state) => ({
      creating: state.creating?.id === id ? null : state.creating,
      ...(state.selectedId === id ? { detail: reply.value } : {}),
    }));
    // Notes sent while the start had failed failed with it: they go now, in order.
    const outbox = useOutboxStore.getState();
    for (const item of outbox.items)
      if (item.sessionId === id && item.state === 'failed') outbox.retry(item.id);
  }

  return {
    view: 'sessions',
    phase: 'loading',
    failure: null,
    profile: null,
    sessions: [],
    selectedId: null,
    detail: null,
    creating: null,

    setView(view) {
      if (view === get().view) return;
      // Edits that wait for a Save (a settings section) are not left behind without asking.
      if (!hasUnsavedEdits()) return set({ view });
      void confirmDiscard().then((discard) => discard && set({ view }));
    },

    async load() {
      try {
        const profile = await unwrap(baton().profile.current());
        const sessions = profile ? await unwrap(baton().sessions.list({ limit: 200 })) : [];
        set({ phase: 'ready', profile, sessions });
      } catch (err) {
        set({ phase: 'failed', failure: err instanceof Error ? err.message : String(err) });
      }
    },

    async createProfile(input) {
      const profile = await unwrap(baton().profile.create(input));
      const sessions = await unwrap(baton().sessions.list({ limit: 200 }));
      set({ profile, sessions });
    },

    async createSession() {
      const { creating, selectedId } = get();
      // A second click or Ctrl+N while the last one is starting: that one, with the keys in its box.
      if (creating && !creating.error && creating.id === selectedId)
        return document.getElementById(COMPOSER_INPUT_ID)?.focus();
      if (!(await confirmDiscard())) return;
      const id = crypto.randomUUID();
      set({ view: 'sessions', selectedId: id, detail: null, creating: { id, error: null } });
      await startCreation(id);
    },

    retryCreate() {
      const { creating } = get();
      if (!creating?.error) return;
      set({ creating: { id: creating.id, error: null } });
      void startCreation(creating.id);
    },

    async openSession(id) {
      if (get().view !== 'sessions' && !(await confirmDiscard())) return;
      set({ view: 'sessions', selectedId: id });
      refreshRequest++;
      const detail = await unwrap(baton().sessions.get({ id }));
      if (get().selectedId === id) set({ detail });
    },

    sendMessage(sessionId, body) {
      const id = crypto.randomUUID();
      useOutboxStore.getState().enqueue(
        { id, sessionId, list: 'messages', text: body },
        async () => {
          // Sent (or retried) after the session failed to start: starting it is part of saving this.
          const { creating } = get();
          if (creating?.id === sessionId && creating.error) get().retryCreate();
          const ready = await sessionReady(sessionId);
          return ready.ok ? baton().messages.add({ sessionId, id, body }) : ready;
        },
        (message) => get().applyMessage(message),
      );
    },

    async retryReply(messageId) {
      get().replaceMessage(await unwrap(baton().messages['retry-reply']({ messageId })));
    },

    async requestEscalation() {
      const { detail } = get();
      if (!detail) return;
      const reason = detail.escalationRequest.reason?.slice(0, 500) || undefined;
      const next = await unwrap(baton().sessions['request-escalation']({ id: detail.id, reason }));
      get().applyDetail(next);
      get().applySession(next);
    },

    applySession(session) {
      const { messages: _m, steps: _s, facts: _f, hypotheses: _h, ...summary } = session as SessionDetail;
      set((state) => ({
        sessions: [summary, ...state.sessions.filter((s) => s.id !== session.id)].sort(byNewest),
        detail: state.detail?.id === session.id ? { ...state.detail, ...summary } : state.detail,
      }));
    },

    applyMessage(message) {
      patchDetail(message.sessionId, (detail) => {
        if (detail.messages.some((m) => m.id === message.id)) return {};
        touch(message.id);
        return { messages: insertMessage(detail.messages, message) };
      });
    },

    replaceMessage(message) {
      touch(message.id);
      patchDetail(message.sessionId, (detail) => ({
        messages: detail.messages.some((m) => m.id === message.id)
          ? detail.messages.map((m) => (m.id === message.id ? message : m))
          : insertMessage(detail.messages, message),
      }));
    },

    applyDelta({ sessionId, messageId, replyToId, text }) {
      touch(messageId);
      patchDetail(sessionId, (detail) => {
        const existing = detail.messages.find((m) => m.id === messageId);
        if (existing)
          return {
            messages: detail.messages.map((m) =>
              m.id === messageId ? { ...m, body: text, status: 'streaming' as const } : m,
            ),
          };
        const streaming: Message = {
          id: messageId,
          sessionId,
          role: 'assistant',
          authorId: null,
          authorName: null,
          body: text,
          createdAt: Date.now(),
          status: 'streaming',
          reply: { state: 'none', error: null, jobId: null },
          replyToId,
          withheld: [],
        };
        return { messages: insertMessage(detail.messages, streaming) };
      });
    },

    sessionChanged({ sessionId }) {
      if (get().selectedId !== sessionId) return;
      if (refreshTimer) clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        if (get().selectedId === sessionId) reread(sessionId).catch(() => undefined);
      }, 150);
    },

    applyDetail(next) {
      const { detail } = get();
      if (detail?.id === next.id) set({ detail: mergeDetail(detail, next, eventCounter) });
    },

    applyItem(kind, item) {
      patchDetail(item.sessionId, (detail) => {
        const list = detail[kind] as PanelItems[typeof kind][];
        const next = list.some((x) => x.id === item.id)
          ? list.map((x) => (x.id === item.id ? item : x))
          : [...list, item];
        return { [kind]: next.sort(ORDER[kind]) };
      });
    },

    dropItem(kind, id) {
      set((state) => {
        const detail = state.detail;
        if (!detail) return {};
        return {
          detail: { ...detail, [kind]: (detail[kind] as { id: string }[]).filter((x) => x.id !== id) },
        };
      });
    },
  };
});
