// Settings → Team escalations: how often this Baton polls ConnectWise and which boards it watches.
import type { InputOf, TeamSettings } from '../../../src-preload/contract';
import { baton } from '../api/client';
import { createSettingsStore } from './settings-resource';

export type TeamSettingsDraft = InputOf<'settings:team-save'>;

export const useTeamSettingsStore = createSettingsStore<TeamSettings, TeamSettingsDraft>({
  get: () => baton().settings['team-get'](),
  save: (input) => baton().settings['team-save'](input),
});
