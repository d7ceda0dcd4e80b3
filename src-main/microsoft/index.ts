// Microsoft 365 for Baton: sign-in (microsoft-account), Graph mail (graph-mail) and the notify.email
// outbox job (email-notification), put together for the composition root.
import type { MicrosoftAccountDeps } from './microsoft-account';
import { createMicrosoftAccount } from './microsoft-account';
import { emailNotificationKind } from './email-notification';
import { createGraphMail } from './graph-mail';

export { NOTIFY_EMAIL } from './email-notification';
export { MAIL_SCOPES, NOT_CONNECTED } from './microsoft-account';
export type { MicrosoftAccount, MicrosoftAccountDeps } from './microsoft-account';
export { MICROSOFT_SETTING_KEYS } from './microsoft-settings';
export { MicrosoftSettingsInput } from './settings-input';
export type { MicrosoftSettings } from './settings-input';

export function createMicrosoft365(deps: MicrosoftAccountDeps) {
  const account = createMicrosoftAccount(deps);
  const mail = createGraphMail({
    http: deps.http,
    clock: deps.clock,
    graphBaseUrl: account.graphBaseUrl,
    accessToken: account.accessToken,
  });
  const emailKind = emailNotificationKind({
    db: deps.db,
    mail,
    notConnectedReason: account.notConnectedReason,
    now: () => deps.clock.now(),
  });
  return { account, mail, emailKind };
}

export type Microsoft365 = ReturnType<typeof createMicrosoft365>;
