// Settings → ConnectWise: the connection (the API keys go to main with a save and never come back;
// the view only says whether they are stored) and the status mapping, whose boards and statuses are
// read live from ConnectWise each time the section needs them.
import { create } from 'zustand';
import type {
  ConnectWiseBoardOption,
  ConnectWiseSettingsView,
  ConnectWiseStatusOption,
  ConnectWiseTestResult,
  ErrorCode,
  InputOf,
} from '../../../src-preload/contract';
import { baton, BatonError, unwrap } from '../api/client';
import { errorMessage } from './queue-store';

export type ConnectWiseConnectionDraft = InputOf<'settings:connectwise-save'>;
export type ConnectWiseMappingDraft = InputOf<'settings:connectwise-save-mapping'>;

/** Something read live from ConnectWise: not asked yet, on its way, there, or failed (with the code). */
export type Live<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; items: T[] }
  | { state: 'failed'; message: string; code: ErrorCode | null };

interface ConnectWiseSettingsState {
  settings: ConnectWiseSettingsView | null;
  error: string | null;
  boards: Live<ConnectWiseBoardOption>;
  /** The statuses of one board (the one chosen in the form). */
  statuses: Live<ConnectWiseStatusOption> & { boardId: number | null };
  load: () => Promise<void>;
  /** Saves the connection and keeps what main answered; throws (VALIDATION with field details…). */
  save: (input: ConnectWiseConnectionDraft) => Promise<ConnectWiseSettingsView>;
  /** Tries the typed values (the stored keys where none are typed) without saving them. */
  test: (input: ConnectWiseConnectionDraft) => Promise<ConnectWiseTestResult>;
  loadBoards: () => Promise<void>;
  /** Reads a board's statuses; null forgets them. */
  loadStatuses: (boardId: number | null) => Promise<void>;
  /** Saves the board and the three statuses; throws VALIDATION per field for a status not on the board. */
  saveMapping: (input: ConnectWiseMappingDraft) => Promise<ConnectWiseSettingsView>;
}

let request = 0;
let boardsRequest = 0;
let statusesRequest = 0;

const failed = (err: unknown) => ({
  state: 'failed' as const,
  message: errorMessage(err),
  code: err instanceof BatonError ? err.code : null,
});

export const useConnectWiseSettingsStore = create<ConnectWiseSettingsState>()((set) => ({
  settings: null,
  error: null,
  boards: { state: 'idle' },
  statuses: { state: 'idle', boardId: null },

  async load() {
    const mine = ++request;
    set({ error: null });
    try {
      const settings = await unwrap(baton().settings['connectwise-get']());
      if (mine === request) set({ settings });
    } catch (err) {
      if (mine === request) set({ error: errorMessage(err) });
    }
  },

  async save(input) {
    const settings = await unwrap(baton().settings['connectwise-save'](input));
    request++; // a load still on its way is older than this answer
    set({ settings, error: null });
    return settings;
  },

  test(input) {
    return unwrap(baton().settings['connectwise-test'](input));
  },

  async loadBoards() {
    const mine = ++boardsRequest;
    set({ boards: { state: 'loading' } });
    try {
      const items = await unwrap(baton().settings['connectwise-boards']());
      if (mine === boardsRequest) set({ boards: { state: 'ready', items } });
    } catch (err) {
      if (mine === boardsRequest) set({ boards: failed(err) });
    }
  },

  async loadStatuses(boardId) {
    const mine = ++statusesRequest;
    if (boardId === null) return set({ statuses: { state: 'idle', boardId } });
    set({ statuses: { state: 'loading', boardId } });
    try {
      const items = await unwrap(baton().settings['connectwise-statuses']({ boardId }));
      if (mine === statusesRequest) set({ statuses: { state: 'ready', items, boardId } });
    } catch (err) {
      if (mine === statusesRequest) set({ statuses: { ...failed(err), boardId } });
    }
  },

  async saveMapping(input) {
    const settings = await unwrap(baton().settings['connectwise-save-mapping'](input));
    request++;
    set({ settings, error: null });
    return settings;
  },
}));
