// Settings for escalations: webhooks, who gets the email, team polling, ticket numbers and overdue times.
import { z } from 'zod';
import { httpsOrLoopback, ifUrl, urlOrNull } from './fields';
import type { ExpertContacts, Priority } from './handoffs';
import { TEXT_LIMITS } from './limits';
import type { UserRole } from './people';

/**
 * required: the organization's managed settings require this webhook (it cannot be removed; its URL, a
 * secret, is entered on each computer); off: switched off by them (no URL can be saved); null: not managed.
 */
export type WebhookPolicy = 'required' | 'off' | null;

export interface WebhookSettings {
  teams: { configured: boolean; policy: WebhookPolicy };
  slack: { configured: boolean; policy: WebhookPolicy };
  canEdit: boolean;
}

/** Who gets the escalation email (Settings → Email recipients). */
export interface EmailRecipientSettings {
  /** Every active owner, admin and engineer (the escalator never). */
  everyone: boolean;
  /** When not everyone: the people chosen. */
  userIds: string[];
  /** Addresses outside Baton, e.g. a shared helpdesk mailbox. */
  extraAddresses: string[];
  /** Who can be chosen: active owners, admins and engineers with an address. */
  candidates: { id: string; name: string; email: string; role: UserRole }[];
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('everyone' | 'userIds' | 'extraAddresses')[];
}

/** Team escalations across machines (DESIGN §6): how often to poll ConnectWise, which boards. */
export interface TeamSettings {
  pollSeconds: number;
  /** Empty: the board chosen for the status mapping. */
  boardIds: number[];
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('pollSeconds' | 'boardIds')[];
}

/** Escalation settings: ticket numbers, who to call, how long a handoff may wait unclaimed. */
export interface HandoffSettings {
  ticketPrefix: string;
  expertContacts: ExpertContacts | null;
  /** Minutes a handoff may wait unclaimed, per priority, before it is marked overdue and re-announced. */
  overdueMinutes: Record<Priority, number>;
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('ticketPrefix' | 'expertContacts' | `overdueMinutes.${Priority}`)[];
}

const webhookUrl = z
  .string()
  .trim()
  .refine((value) => urlOrNull(value) !== null, 'Paste the whole webhook URL, starting with https://')
  .refine(ifUrl(httpsOrLoopback), 'Webhook URLs must use https://');
export const WebhookSettingsInput = z.object({
  /** A new URL to store; null removes the stored one; omitted keeps it. */
  teams: webhookUrl.nullable().optional(),
  slack: webhookUrl.nullable().optional(),
});

export const WebhookTestInput = z.object({ channel: z.enum(['teams', 'slack']) });

export const EmailRecipientsInput = z
  .object({
    everyone: z.boolean(),
    userIds: z.array(z.uuid()).max(500),
    extraAddresses: z
      .array(z.string().trim().pipe(z.email('Enter email addresses like helpdesk@example.com')))
      .max(20, 'At most 20 extra addresses'),
  })
  .refine((v) => v.everyone || v.userIds.length > 0 || v.extraAddresses.length > 0, {
    message: 'Choose at least one person or address, or send to everyone',
    path: ['userIds'],
  });

export const TeamSettingsInput = z.object({
  pollSeconds: z
    .number({ error: 'Enter the poll interval in seconds' })
    .int('Whole seconds only')
    .min(5, 'At least every 5 seconds')
    .max(3_600, 'At most every hour (3,600 seconds)'),
  boardIds: z.array(z.number().int().positive()).max(50),
});

const contactLine = (label: string, max: number) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`);
const overdueMinutes = (label: string) =>
  z
    .number({ error: `${label}: enter a number of minutes` })
    .int(`${label}: whole minutes only`)
    .min(1, `${label}: at least 1 minute`)
    .max(43_200, `${label}: at most 30 days (43,200 minutes)`);

export const HandoffSettingsInput = z.object({
  ticketPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9]{1,7}$/, 'Use 2–8 letters or digits, starting with a letter (for example BTN)'),
  /** null clears them; the confirmation then says none are set. */
  expertContacts: z
    .object({
      name: contactLine('Name', TEXT_LIMITS.contactName),
      email: z
        .string()
        .trim()
        .max(TEXT_LIMITS.contactEmail)
        .refine(
          (v) => v === '' || z.email().safeParse(v).success,
          'Enter an email address like name@example.com',
        ),
      phone: contactLine('Phone', TEXT_LIMITS.contactPhone),
      hours: contactLine('Hours', TEXT_LIMITS.contactHours),
      emergencyLine: contactLine('Emergency line', TEXT_LIMITS.contactPhone),
    })
    .nullable(),
  overdueMinutes: z.object({
    urgent: overdueMinutes('Urgent'),
    high: overdueMinutes('High'),
    medium: overdueMinutes('Medium'),
    low: overdueMinutes('Low'),
  }),
});
