// Settings → Email recipients: who gets the escalation email.
import type { EmailRecipientSettings, InputOf } from '../../../src-preload/contract';
import { baton } from '../api/client';
import { createSettingsStore } from './settings-resource';

export type EmailRecipientsDraft = InputOf<'settings:email-recipients-save'>;

export const useEmailRecipientsStore = createSettingsStore<EmailRecipientSettings, EmailRecipientsDraft>({
  get: () => baton().settings['email-recipients-get'](),
  save: (input) => baton().settings['email-recipients-save'](input),
});
