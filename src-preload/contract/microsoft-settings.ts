// Settings → Microsoft 365: the sign-in escalation emails are sent with.
import { z } from 'zod';
import { httpsOrLoopback, ifUrl, urlOrNull } from './fields';

export const DEFAULT_MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com/organizations';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';

const msUrlField = (example: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the full address, like ${example}`)
    .refine((value) => value === '' || urlOrNull(value) !== null, `Enter the full address, like ${example}`);

const msAuthority = msUrlField(DEFAULT_MICROSOFT_AUTHORITY)
  // msal-node refuses any other scheme, loopback included.
  .refine(
    ifUrl((url) => url.protocol === 'https:'),
    'The sign-in authority must start with https://',
  )
  .refine(
    ifUrl((url) => !url.search && !url.hash && /^\/[^/]+\/?$/.test(url.pathname)),
    'The sign-in authority is the host and one tenant: …/organizations, …/common or …/{your tenant id or domain}',
  )
  .transform((value) => urlOrNull(value)?.href.replace(/\/$/, '') ?? value);

const msGraphBaseUrl = msUrlField(DEFAULT_GRAPH_BASE_URL)
  .refine(
    ifUrl(httpsOrLoopback),
    'The Graph address must start with https:// (plain http only for a server on this computer)',
  )
  .refine(
    ifUrl((url) => url.pathname === '/' && !url.search && !url.hash),
    'Enter only the Graph host, like https://graph.microsoft.com (Baton adds /v1.0/…)',
  )
  .transform((value) => urlOrNull(value)?.origin ?? value);

/** Omitted fields keep their value; clientId null removes the app registration (and signs out). */
export const MicrosoftSettingsInput = z.object({
  clientId: z
    .string()
    .trim()
    .pipe(
      z.guid(
        'The application (client) ID is a GUID such as 00000000-0000-0000-0000-000000000000: copy it from the app registration in Microsoft Entra ID',
      ),
    )
    .transform((value) => value.toLowerCase())
    .nullable()
    .optional(),
  authority: msAuthority.optional(),
  graphBaseUrl: msGraphBaseUrl.optional(),
});

export interface MicrosoftSettings {
  /** The app registration (public client) Baton signs in with; null until an admin enters it. */
  clientId: string | null;
  authority: string;
  graphBaseUrl: string;
  /** The mailbox escalation emails are sent from, once an admin signed in. */
  account: { username: string; name: string; signedInAt: number } | null;
  /** Signed in and the sign-in still renews: escalation emails are queued. */
  connected: boolean;
  /** Why emails are skipped right now (shown in Settings and on the escalation confirmation). */
  notConnectedReason: string | null;
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('clientId' | 'authority' | 'graphBaseUrl')[];
}
