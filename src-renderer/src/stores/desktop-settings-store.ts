// Settings → This computer: start at login and the update feed (applied by the Electron host).
import type { DesktopSettings, InputOf } from '../../../src-preload/contract';
import { baton } from '../api/client';
import { createSettingsStore } from './settings-resource';

export type DesktopSettingsDraft = InputOf<'settings:desktop-save'>;

export const useDesktopSettingsStore = createSettingsStore<DesktopSettings, DesktopSettingsDraft>({
  get: () => baton().settings['desktop-get'](),
  save: (input) => baton().settings['desktop-save'](input),
});
