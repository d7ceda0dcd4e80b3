// The Escalations settings: ticket prefix, expert contacts, overdue thresholds (nothing secret).
import { create } from 'zustand';
import type { HandoffSettings, InputOf } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { errorMessage } from './queue-store';

export type HandoffSettingsDraft = InputOf<'settings:handoffs-save'>;

interface HandoffSettingsState {
  settings: HandoffSettings | null;
  error: string | null;
  load: () => Promise<void>;
  /** Saves and keeps what main answered; throws (VALIDATION with field details, FORBIDDEN…). */
  save: (input: HandoffSettingsDraft) => Promise<HandoffSettings>;
}

let request = 0;

export const useHandoffSettingsStore = create<HandoffSettingsState>()((set) => ({
  settings: null,
  error: null,

  async load() {
    const mine = ++request;
    set({ error: null });
    try {
      const settings = await unwrap(baton().settings['handoffs-get']());
      if (mine === request) set({ settings });
    } catch (err) {
      if (mine === request) set({ error: errorMessage(err) });
    }
  },

  async save(input) {
    const settings = await unwrap(baton().settings['handoffs-save'](input));
    request++; // a load still on its way is older than this answer
    set({ settings, error: null });
    return settings;
  },
}));
