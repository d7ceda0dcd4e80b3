// Settings as the renderer sees them. Each section loads its own part; only main holds secrets, so
// an API key goes in with a save and never comes back (AiSettings.hasApiKey says one is stored).
import { create } from 'zustand';
import type { AiSettings, AiTestResult, InputOf } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { errorMessage } from './queue-store';

export type AiSettingsDraft = InputOf<'settings:ai-save'>;

interface SettingsState {
  ai: AiSettings | null;
  aiError: string | null;
  loadAi: () => Promise<void>;
  /** Saves and keeps what main answered; throws (VALIDATION with field details, FORBIDDEN…). */
  saveAi: (input: AiSettingsDraft) => Promise<AiSettings>;
  /** Tries the given values (not necessarily saved) against the provider. */
  testAi: (input: AiSettingsDraft) => Promise<AiTestResult>;
}

let aiRequest = 0;

export const useSettingsStore = create<SettingsState>()((set) => ({
  ai: null,
  aiError: null,

  async loadAi() {
    const request = ++aiRequest;
    set({ aiError: null });
    try {
      const ai = await unwrap(baton().settings['ai-get']());
      if (request === aiRequest) set({ ai });
    } catch (err) {
      if (request === aiRequest) set({ aiError: errorMessage(err) });
    }
  },

  async saveAi(input) {
    const ai = await unwrap(baton().settings['ai-save'](input));
    aiRequest++; // a load still on its way is older than this answer
    set({ ai, aiError: null });
    return ai;
  },

  testAi(input) {
    return unwrap(baton().settings['ai-test'](input));
  },
}));
