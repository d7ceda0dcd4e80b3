import { create } from 'zustand';
import type { Message, SessionDetail, SessionSummary, User } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';

/** What the content area shows: the sessions (list + open session) or the outbox queue. */
export type View = 'sessions' | 'queue';

interface AppState {
  view: View;
  phase: 'loading' | 'ready' | 'failed';
  failure: string | null;
  profile: User | null;
  sessions: SessionSummary[];
  selectedId: string | null;
  detail: SessionDetail | null;
  setView: (view: View) => void;
  load: () => Promise<void>;
  createProfile: (input: { name: string; email: string; role: User['role'] }) => Promise<void>;
  createSession: () => Promise<void>;
  openSession: (id: string) => Promise<void>;
  addMessage: (body: string) => Promise<void>;
  /** Push events from main keep every open screen current without a reload. */
  applySession: (session: SessionSummary) => void;
  applyMessage: (message: Message) => void;
}

const byNewest = (a: SessionSummary, b: SessionSummary) =>
  b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1);

export const useAppStore = create<AppState>()((set, get) => ({
  view: 'sessions',
  phase: 'loading',
  failure: null,
  profile: null,
  sessions: [],
  selectedId: null,
  detail: null,

  setView(view) {
    set({ view });
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
    const detail = await unwrap(baton().sessions.create({}));
    get().applySession(detail);
    set({ view: 'sessions', selectedId: detail.id, detail });
  },

  async openSession(id) {
    set({ view: 'sessions', selectedId: id });
    const detail = await unwrap(baton().sessions.get({ id }));
    if (get().selectedId === id) set({ detail });
  },

  async addMessage(body) {
    const { detail } = get();
    if (!detail) return;
    const message = await unwrap(baton().messages.add({ sessionId: detail.id, body }));
    get().applyMessage(message);
  },

  applySession(session) {
    set((state) => ({
      sessions: [session, ...state.sessions.filter((s) => s.id !== session.id)].sort(byNewest),
      detail: state.detail?.id === session.id ? { ...state.detail, ...session } : state.detail,
    }));
  },

  applyMessage(message) {
    set((state) => {
      const detail = state.detail;
      if (!detail || detail.id !== message.sessionId || detail.messages.some((m) => m.id === message.id))
        return {};
      return { detail: { ...detail, messages: [...detail.messages, message] } };
    });
  },
}));
