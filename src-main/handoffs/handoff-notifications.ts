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

/** The job that announces (or re-announces) a handoff on one channel ('in_app' for the bell). */
export function announcementJob(
  channel: 'in_app' | AnnounceChannel,
  target: { handoffId: string; sessionId: string; reminder?: boolean },
): EnqueueRequest {
  const { handoffId, sessionId, reminder = false } = target;
  return {
    kind: `notify.${channel}`,
    payload: reminder ? { handoffId, reminder } : { handoffId },
    idempotencyKey: `notify:${channel}:${reminder ? 'overdue:' : ''}${handoffId}`,
    sessionId,
  };
}

export const HANDOFF_ENRICH = 'handoff.enrich';

/** The handoff's AI assessment (enrich-job.ts), one per handoff. */
export const enrichmentJob = (target: { handoffId: string; sessionId: string }): EnqueueRequest => ({
  kind: HANDOFF_ENRICH,
  payload: { handoffId: target.handoffId },
  idempotencyKey: `enrich:${target.handoffId}`,
  sessionId: target.sessionId,
});

/** Enqueue inside the caller's transaction; returns one line per external channel for the confirmation. */
export function enqueueHandoffAnnouncements(
  enqueue: (request: EnqueueRequest) => { id: number },
  channels: AnnounceChannels,
  target: { handoffId: string; sessionId: string; reminder?: boolean },
): HandoffConfirmation['notifications'] {
  const job = (channel: 'in_app' | AnnounceChannel) => enqueue(announcementJob(channel, target));
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
        jobId: null,
      };
    return { channel, state: 'queued', reason: null, jobId: job(channel).id };
  });
}
