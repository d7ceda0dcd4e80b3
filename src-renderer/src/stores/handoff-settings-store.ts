// The Escalations settings: ticket prefix, expert contacts, overdue thresholds (nothing secret).
import type { HandoffSettings, InputOf } from '../../../src-preload/contract';
import { baton } from '../api/client';
import { createSettingsStore } from './settings-resource';

export type HandoffSettingsDraft = InputOf<'settings:handoffs-save'>;

export const useHandoffSettingsStore = createSettingsStore<HandoffSettings, HandoffSettingsDraft>({
  get: () => baton().settings['handoffs-get'](),
  save: (input) => baton().settings['handoffs-save'](input),
});
