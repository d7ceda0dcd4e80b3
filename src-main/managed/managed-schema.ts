// The managed settings file (issue 17): what an MSP pushes to every laptop with its RMM. One JSON object,
// every part optional; only non-secret settings (secrets are typed on each computer and kept in the
// keychain). The fields reuse the contract's own input schemas, so a value the file may set is exactly a
// value Settings would accept. resources/managed-settings.schema.json is generated from this schema
// (managedSettingsJsonSchema) and a test fails when the two differ.
import { z } from 'zod';
import {
  AI_PROVIDERS,
  AiSettingsInput,
  ConnectWiseConnectionInput,
  EmailRecipientsInput,
  HandoffSettingsInput,
  MicrosoftSettingsInput,
  TeamSettingsInput,
  USER_ROLES,
} from '../../src-preload/contract';
import { assertAllowedUrl } from '../net/http';
import { normalizeCodebase, normalizeSite } from '../psa/connectwise/config';

const cw = ConnectWiseConnectionInput.shape;
const aiModel = AiSettingsInput.options[1].shape;
const ms = MicrosoftSettingsInput.shape;
const handoffs = HandoffSettingsInput.shape;
const contact = handoffs.expertContacts.unwrap().shape;
const overdue = handoffs.overdueMinutes.shape;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('should be an email address, like jane@example.com'));

/** A status as its id (what Settings shows by name once ConnectWise is reachable), or with its name. */
const statusRef = z
  .union([
    z.number().int().positive(),
    z.strictObject({ id: z.number().int().positive(), name: z.string().trim().min(1).max(100).optional() }),
  ])
  .transform((v) => (typeof v === 'number' ? { id: v, name: null } : { id: v.id, name: v.name ?? null }))
  .describe('A ConnectWise status id on the board, or { "id": 31, "name": "Escalated" }');

/** A normalizer that throws becomes a validation issue (zod runs a transform only on valid input, but
 * a normalizer's own checks may be stricter). */
function safely(normalize: (value: string) => string) {
  return (value: string, ctx: z.core.$RefinementCtx<string>): string => {
    try {
      return normalize(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      return z.NEVER;
    }
  };
}

const https = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `should be the ${what} address`)
    .refine((value) => {
      try {
        assertAllowedUrl(value);
        return true;
      } catch {
        return false;
      }
    }, 'should be a full https:// address (plain http only for this computer)');

export const RosterEntry = z
  .strictObject({
    name: z.string().trim().min(1, 'should be the person’s name').max(100),
    email: email.describe('The work email the person types in Baton: their role is looked up by it'),
    role: z.enum(USER_ROLES, { error: `should be one of ${USER_ROLES.join(', ')}` }),
    connectwiseMember: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('The ConnectWise member identifier this person claims as (overrides matching by email)'),
  })
  .describe('One person on the team');
export type RosterEntry = z.output<typeof RosterEntry>;

export const ManagedSettingsFile = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'should be 1 (the only version so far)' }).optional(),
    connectwise: z
      .strictObject({
        site: cw.site.transform(safely(normalizeSite)).optional(),
        companyId: cw.companyId.optional(),
        codebase: cw.codebase
          .unwrap()
          .transform((v) => normalizeCodebase(v) ?? '')
          .optional(),
        clientId: cw.clientId.optional(),
        boardId: z.number().int().positive().optional().describe('The service board of the status mapping'),
        statuses: z
          .strictObject({
            resolved: statusRef.optional(),
            escalated: statusRef.optional(),
            claimed: statusRef.optional(),
          })
          .optional(),
        notifyContact: z
          .boolean()
          .optional()
          .describe('Let ConnectWise email the ticket contact when a resolution note is posted'),
      })
      .optional()
      .describe(
        'ConnectWise Manage: the API key pair is never here (typed in Settings, kept in the keychain)',
      ),
    team: z
      .strictObject({
        pollSeconds: TeamSettingsInput.shape.pollSeconds.optional(),
        boardIds: TeamSettingsInput.shape.boardIds.optional(),
      })
      .optional()
      .describe('Team escalations: how often to poll ConnectWise, which boards to watch'),
    ai: z
      .strictObject({
        provider: z.enum(AI_PROVIDERS, { error: `should be one of ${AI_PROVIDERS.join(', ')}` }).optional(),
        baseUrl: aiModel.baseUrl.optional(),
        model: aiModel.model.optional(),
      })
      .optional()
      .describe('The AI assistant: the API key is never here'),
    microsoft: z
      .strictObject({
        clientId: ms.clientId.describe('The app registration (public client) id'),
        authority: ms.authority,
        graphBaseUrl: ms.graphBaseUrl,
      })
      .optional()
      .describe('Microsoft 365 (escalation email through Graph)'),
    webhooks: z
      .strictObject({
        teams: z.boolean().optional(),
        slack: z.boolean().optional(),
      })
      .optional()
      .describe(
        'Which webhooks must be present (true: an admin enters its URL on each computer; false: switched off). The URLs are secrets and never here',
      ),
    emailRecipients: z
      .strictObject({
        everyone: z.boolean().optional(),
        people: z.array(email).max(500).optional().describe('Emails of the seniors who get escalation email'),
        extraAddresses: EmailRecipientsInput.shape.extraAddresses.optional(),
      })
      .optional(),
    escalations: z
      .strictObject({
        ticketPrefix: handoffs.ticketPrefix.optional(),
        expertContacts: z
          .strictObject({
            name: contact.name.default(''),
            email: contact.email.default(''),
            phone: contact.phone.default(''),
            hours: contact.hours.default(''),
            emergencyLine: contact.emergencyLine.default(''),
          })
          .optional(),
        overdueMinutes: z
          .strictObject({
            urgent: overdue.urgent.optional(),
            high: overdue.high.optional(),
            medium: overdue.medium.optional(),
            low: overdue.low.optional(),
          })
          .optional(),
      })
      .optional(),
    desktop: z
      .strictObject({
        updateFeedUrl: https('update feed').optional(),
        startAtLogin: z.boolean().optional(),
      })
      .optional(),
    roster: z
      .array(RosterEntry)
      .max(2000)
      .optional()
      .describe('The team: with a roster, each profile’s role and ConnectWise member come from it'),
  })
  .describe('Baton managed settings (non-secret values only)');
export type ManagedSettingsFile = z.output<typeof ManagedSettingsFile>;

/**
 * Every setting the file can lock, by its path in the file, with the words Settings and the messages use.
 * A path names one value: objects above it (connectwise, statuses, overdueMinutes) only group them.
 */
export const MANAGED_KEYS = {
  'connectwise.site': 'ConnectWise site',
  'connectwise.companyId': 'ConnectWise company ID',
  'connectwise.codebase': 'ConnectWise codebase',
  'connectwise.clientId': 'ConnectWise clientId',
  'connectwise.boardId': 'ConnectWise service board',
  'connectwise.statuses.resolved': 'resolved status',
  'connectwise.statuses.escalated': 'escalated status',
  'connectwise.statuses.claimed': 'claimed status',
  'connectwise.notifyContact': 'ConnectWise contact email on resolution',
  'team.pollSeconds': 'team poll interval',
  'team.boardIds': 'boards to watch',
  'ai.provider': 'AI provider',
  'ai.baseUrl': 'AI base URL',
  'ai.model': 'AI model',
  'microsoft.clientId': 'Microsoft 365 app registration',
  'microsoft.authority': 'Microsoft sign-in authority',
  'microsoft.graphBaseUrl': 'Microsoft Graph address',
  'webhooks.teams': 'Teams webhook',
  'webhooks.slack': 'Slack webhook',
  'emailRecipients.everyone': 'escalation email recipients',
  'emailRecipients.people': 'escalation email recipients',
  'emailRecipients.extraAddresses': 'extra email addresses',
  'escalations.ticketPrefix': 'support ticket prefix',
  'escalations.expertContacts': 'expert contact',
  'escalations.overdueMinutes.urgent': 'urgent overdue minutes',
  'escalations.overdueMinutes.high': 'high overdue minutes',
  'escalations.overdueMinutes.medium': 'medium overdue minutes',
  'escalations.overdueMinutes.low': 'low overdue minutes',
  'desktop.updateFeedUrl': 'update feed',
  'desktop.startAtLogin': 'start at login',
} as const;
export type ManagedKey = keyof typeof MANAGED_KEYS;
export const isManagedKey = (path: string): path is ManagedKey => Object.hasOwn(MANAGED_KEYS, path);

/** The published JSON Schema (resources/managed-settings.schema.json), generated from the zod schema. */
export function managedSettingsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ManagedSettingsFile, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    $id: 'https://baton.app/schemas/managed-settings.schema.json',
    title: 'Baton managed settings',
  };
}
