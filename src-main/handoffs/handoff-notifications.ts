// Every channel that announces a handoff is its own outbox job, written in the handoff's transaction
// (DESIGN §3): a rolled-back handoff announces nothing, and a failing channel fails only its job.
// The same fan-out re-announces a handoff left unclaimed past its threshold (a reminder).
import type { HandoffConfirmation } from '../../src-preload/contract';
import type { EnqueueRequest } from '../jobs/enqueue';

export type AnnounceChannel = 'teams' | 'slack' | 'email';

export interface AnnounceChannels {
  /** Whether Teams / Slack webhooks are stored. */
  webhookConfigured: (channel: 'teams' | 'slack') => boolean;
  /** Whether someone on this machine has signed in to Microsoft 365 (email goes out as them). */
  emailConnected: () => boolean;
  /** Why email is skipped (e.g. the sign-in needs renewing); a generic reason when absent. */
  emailSkippedReason?: () => string | null;
}

const SKIPPED: Record<AnnounceChannel, string> = {
  teams: 'no Microsoft Teams webhook is configured in Settings',
  slack: 'no Slack webhook is configured in Settings',
  email: 'Microsoft 365 is not connected in Settings',
};

/** Enqueue inside the caller's transaction; returns one line per external channel for the confirmation. */
export function enqueueHandoffAnnouncements(
  enqueue: (request: EnqueueRequest) => unknown,
  channels: AnnounceChannels,
  target: { handoffId: string; sessionId: string; reminder?: boolean },
): HandoffConfirmation['notifications'] {
  const { handoffId, sessionId, reminder = false } = target;
  const job = (channel: string) =>
    enqueue({
      kind: `notify.${channel}`,
      payload: reminder ? { handoffId, reminder } : { handoffId },
      idempotencyKey: `notify:${channel}:${reminder ? 'overdue:' : ''}${handoffId}`,
      sessionId,
    });
  job('in_app');
  const configured: Record<AnnounceChannel, boolean> = {
    teams: channels.webhookConfigured('teams'),
    slack: channels.webhookConfigured('slack'),
    email: channels.emailConnected(),
  };
  return (['teams', 'slack', 'email'] as const).map((channel) => {
    if (!configured[channel])
      return {
        channel,
        state: 'skipped',
        reason: (channel === 'email' ? channels.emailSkippedReason?.() : null) ?? SKIPPED[channel],
      };
    job(channel);
    return { channel, state: 'queued', reason: null };
  });
}
