// Teams and Slack notifications of a handoff: the webhook URLs are secrets (they let anyone post),
// so they live in the keychain; Settings keeps only whether each is configured. Each post is its
// own outbox job, enqueued with the handoff; an unconfigured channel is skipped with a reason.
import { z } from 'zod';
import type {
  AiTestResult,
  User,
  WebhookPolicy,
  WebhookSettings,
  WebhookSettingsInput,
} from '../../src-preload/contract';
import type { Clock } from '../clock';
import { defineJobKind, PermanentJobError } from '../jobs/job-kinds';
import type { HttpClient } from '../net/http';
import { HttpStatusError, NetworkError } from '../net/http';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getHandoff, getHandoffRow } from '../store/repos/handoffs';
import { getSetting, putSetting } from '../store/repos/settings';
import type { SecretVault } from '../vault/secret-vault';
import { slackMessage, teamsMessage } from './webhook-messages';
import { assertMayCall, mayCall } from '../ipc/authorization';
import { AppError } from '../errors';
import type { ManagedSettings } from '../managed/managed-settings';
import { noManagedSettings } from '../managed/managed-settings';

export type WebhookChannel = 'teams' | 'slack';
const VAULT_SERVICE = 'webhooks';
export const configuredKey = (channel: WebhookChannel) => `notifications.${channel}.configured`;
export const notifyKind = (channel: WebhookChannel) => `notify.${channel}`;

const LABEL: Record<WebhookChannel, string> = { teams: 'Teams', slack: 'Slack' };

export function createWebhooks(deps: {
  db: Db;
  clock: Clock;
  vault: SecretVault;
  http: HttpClient;
  /** Which webhooks the organization requires or switched off (issue 17). */
  managed?: ManagedSettings;
}) {
  const { db, clock, vault } = deps;
  const managed = deps.managed ?? noManagedSettings();
  const policy = (channel: WebhookChannel): WebhookPolicy => {
    const value = managed.value<boolean>(`webhooks.${channel}`);
    return value === undefined ? null : value ? 'required' : 'off';
  };
  const where = () => (managed.file ? ` (${managed.file})` : '');
  const isConfigured = (channel: WebhookChannel) =>
    policy(channel) !== 'off' && (getSetting<boolean>(db, configuredKey(channel)) ?? false);

  function view(actor: User): WebhookSettings {
    return {
      teams: { configured: isConfigured('teams'), policy: policy('teams') },
      slack: { configured: isConfigured('slack'), policy: policy('slack') },
      canEdit: mayCall(actor, 'settings:webhooks-save'),
    };
  }

  /** A managed webhook: a required one is never removed here, a switched-off one never set. */
  function assertAllowed(channel: WebhookChannel, value: string | null): void {
    const rule = policy(channel);
    if (rule === 'off' && value !== null)
      throw new AppError(
        'FORBIDDEN',
        `${LABEL[channel]} notifications are switched off by your organization${where()}: no webhook can be saved here`,
        { managed: [`webhooks.${channel}`], file: managed.file },
      );
    if (rule === 'required' && value === null)
      throw new AppError(
        'FORBIDDEN',
        `Your organization requires the ${LABEL[channel]} webhook${where()}: replace its URL instead of removing it`,
        { managed: [`webhooks.${channel}`], file: managed.file },
      );
  }

  async function save(actor: User, input: z.output<typeof WebhookSettingsInput>): Promise<WebhookSettings> {
    assertMayCall(actor, 'settings:webhooks-save');
    for (const channel of ['teams', 'slack'] as const) {
      const value = input[channel];
      if (value !== undefined) assertAllowed(channel, value);
    }
    for (const channel of ['teams', 'slack'] as const) {
      const value = input[channel];
      if (value === undefined) continue;
      if (value === null) await vault.delete(VAULT_SERVICE, channel);
      else await vault.set(VAULT_SERVICE, channel, value);
      inTransaction(db, () => {
        putSetting(db, configuredKey(channel), value !== null, clock.now(), actor.id);
        appendAudit(
          db,
          {
            actorId: actor.id,
            action: `settings.webhook.${value === null ? 'remove' : 'replace'}`,
            entityType: 'settings',
            entityId: channel,
          },
          clock.now(),
        );
      });
    }
    return view(actor);
  }

  async function post(channel: WebhookChannel, body: unknown, signal?: AbortSignal): Promise<void> {
    if (policy(channel) === 'off')
      throw new PermanentJobError(`${LABEL[channel]} notifications are switched off by your organization`);
    const url = await vault.get(VAULT_SERVICE, channel);
    if (!url)
      throw new PermanentJobError(`No ${channel === 'teams' ? 'Teams' : 'Slack'} webhook is configured`);
    try {
      const res = await deps.http.request({
        url,
        method: 'POST',
        carries: { content: 'webhook' },
        json: body,
        signal,
      });
      // Slack answers "ok"; anything else in a 200 is its way of saying no.
      if (channel === 'slack' && res.text.trim() !== 'ok')
        throw new PermanentJobError(`Slack refused the message: ${res.text.slice(0, 200)}`);
    } catch (err) {
      // Slack's plain-text refusals (invalid_payload, channel_not_found…) will not change on a retry.
      if (err instanceof HttpStatusError && channel === 'slack' && err.status === 400) {
        throw new PermanentJobError(`Slack refused the message: ${err.body.slice(0, 200)}`);
      }
      throw err;
    }
  }

  async function test(channel: WebhookChannel): Promise<AiTestResult> {
    const started = performance.now();
    const sample =
      channel === 'teams' ? teamsTestMessage() : { text: 'Baton test message: notifications are working.' };
    try {
      await post(channel, sample, AbortSignal.timeout(15_000));
      const latencyMs = Math.round(performance.now() - started);
      return { ok: true, message: `Test message delivered in ${latencyMs} ms`, latencyMs };
    } catch (err) {
      const message =
        err instanceof NetworkError
          ? `Cannot reach the webhook: ${err.message}`
          : err instanceof Error
            ? err.message
            : String(err);
      return { ok: false, message, latencyMs: Math.round(performance.now() - started) };
    }
  }

  const kinds = (['teams', 'slack'] as const).map((channel) =>
    defineJobKind({
      kind: notifyKind(channel),
      service: channel,
      payload: z.object({ handoffId: z.uuid(), reminder: z.boolean().optional() }),
      describe: ({ reminder }) =>
        `${channel === 'teams' ? 'Teams' : 'Slack'} ${reminder ? 'reminder of an unclaimed' : 'notification of a'} handoff`,
      async run({ handoffId, reminder }, ctx) {
        const row = getHandoffRow(db, handoffId);
        const handoff = row && getHandoff(db, handoffId, row.handedOffById);
        if (!handoff) return;
        // A reminder for a handoff claimed since is no longer news.
        if (reminder && handoff.claimedById) return;
        const at = reminder ? clock.now() : undefined;
        const message = channel === 'teams' ? teamsMessage(handoff, at) : slackMessage(handoff, at);
        await post(channel, message, ctx.signal);
      },
    }),
  );

  return { view, save, test, isConfigured, kinds };
}

function teamsTestMessage() {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.2',
          body: [{ type: 'TextBlock', text: 'Baton test message: notifications are working.', wrap: true }],
        },
      },
    ],
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
