// Settings → Team escalations: how often this Baton polls ConnectWise and which boards it watches.
import { create } from 'zustand';
import type { InputOf, TeamSettings } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { errorMessage } from './queue-store';

export type TeamSettingsDraft = InputOf<'settings:team-save'>;

interface TeamSettingsState {
  settings: TeamSettings | null;
  error: string | null;
  load: () => Promise<void>;
  save: (input: TeamSettingsDraft) => Promise<TeamSettings>;
}

let request = 0;

export const useTeamSettingsStore = create<TeamSettingsState>()((set) => ({
  settings: null,
  error: null,
  async load() {
    const mine = ++request;
    set({ error: null });
    try {
      const settings = await unwrap(baton().settings['team-get']());
      if (mine === request) set({ settings });
    } catch (err) {
      if (mine === request) set({ error: errorMessage(err) });
    }
  },
  async save(input) {
    const settings = await unwrap(baton().settings['team-save'](input));
    request++;
    set({ settings, error: null });
    return settings;
  },
}));
