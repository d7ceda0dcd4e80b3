import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useEffect, useRef, useState } from 'react';
import type {
  ConnectionState,
  HandoffConfirmation,
  JobView,
  NotificationChannel,
} from '../../../../src-preload/contract';
import { baton, unwrap } from '../../api/client';
import { useQueueStore } from '../../stores/queue-store';

const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  connectwise: 'ConnectWise ticket',
  teams: 'Microsoft Teams',
  slack: 'Slack',
  email: 'Email',
};

type Notice = HandoffConfirmation['notifications'][number];

/** Follows the outbox jobs behind the notifications, so each line says what really happened. */
function useJobs(ids: number[]): Record<number, JobView> {
  const [jobs, setJobs] = useState<Record<number, JobView>>({});
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    const wanted = new Set(key.split(',').map(Number));
    // The newer of two views of one job wins (an event can beat the list).
    const keep = (job: JobView) =>
      setJobs((current) =>
        (current[job.id]?.updatedAt ?? -1) > job.updatedAt ? current : { ...current, [job.id]: job },
      );
    const off = baton().on('job_updated', (job) => wanted.has(job.id) && keep(job));
    unwrap(baton().queue.list({ filter: 'all', limit: 500 }))
      .then((list) => list.filter((job) => wanted.has(job.id)).forEach(keep))
      .catch(() => undefined);
    return off;
  }, [key]);
  return jobs;
}

/** One line per channel: sent, sending, waiting for a connection, failed, or skipped — as it is now. */
export function noticeText(
  notice: Notice,
  job: JobView | undefined,
  connection: ConnectionState | null,
): {
  tone: 'sent' | 'pending' | 'waiting' | 'failed' | 'skipped';
  text: string;
} {
  if (notice.state === 'skipped')
    return { tone: 'skipped', text: `skipped: ${notice.reason ?? 'not configured'}` };
  if (job?.state === 'done')
    return { tone: 'sent', text: notice.channel === 'connectwise' ? 'posted to the ticket' : 'sent' };
  if (job?.state === 'dead')
    return {
      tone: 'failed',
      text: `failed: ${job.lastError ?? 'it could not be sent'} (see the Queue to retry)`,
    };
  if (job?.state === 'running') return { tone: 'pending', text: 'sending…' };
  if (connection && (connection.workOffline || !connection.online))
    return { tone: 'waiting', text: "queued: waiting for a connection, it goes out when you're back online" };
  if (job?.lastError) return { tone: 'pending', text: `not sent yet, trying again (${job.lastError})` };
  return { tone: 'pending', text: 'queued: sending now' };
}

/** What the escalation dialog shows once the handoff is committed. */
export function Confirmation({
  confirmation,
  onClose,
}: {
  confirmation: HandoffConfirmation;
  onClose: () => void;
}) {
  const { handoff, ticketNumber, expertContacts, notifications } = confirmation;
  const escalated = handoff.intent === 'escalate';
  const jobs = useJobs(notifications.flatMap((n) => (n.jobId === null ? [] : [n.jobId])));
  const connection = useQueueStore((s) => s.status?.connection ?? null);
  const done = useRef<HTMLButtonElement>(null);
  useEffect(() => done.current?.focus(), []);

  return (
    <div className="handoff-confirmation">
      <div className="confirmation-mark" aria-hidden="true">
        ✓
      </div>
      <AlertDialog.Title className="dialog-title">
        {escalated ? 'Escalated' : 'Parked'} — ticket <span className="ticket-number">{ticketNumber}</span>
      </AlertDialog.Title>
      <AlertDialog.Description className="dialog-description">
        {escalated
          ? handoff.targetUserName
            ? `${handoff.targetUserName} and the team have been notified; you'll see who picks it up.`
            : "The team has been notified; you'll see who picks it up."
          : 'The session is parked with everything you noted. Resume it from the session whenever you are ready.'}
      </AlertDialog.Description>
      {expertContacts && (
        <section className="expert-contacts" aria-labelledby="expert-contacts-title">
          <h3 id="expert-contacts-title">Expert contacts</h3>
          <dl>
            <dt>Name</dt>
            <dd>{expertContacts.name}</dd>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${expertContacts.email}`}>{expertContacts.email}</a>
            </dd>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${expertContacts.phone}`}>{expertContacts.phone}</a>
            </dd>
            <dt>Hours</dt>
            <dd>{expertContacts.hours}</dd>
            <dt>Emergency line</dt>
            <dd>
              <a href={`tel:${expertContacts.emergencyLine}`}>{expertContacts.emergencyLine}</a>
            </dd>
          </dl>
        </section>
      )}
      {notifications.length > 0 && (
        <ul className="handoff-notifications" aria-label="Notifications">
          {notifications.map((notice) => {
            const { tone, text } = noticeText(
              notice,
              notice.jobId === null ? undefined : jobs[notice.jobId],
              connection,
            );
            return (
              <li key={notice.channel} className={`notification-${tone}`}>
                {CHANNEL_LABELS[notice.channel]} — {text}
              </li>
            );
          })}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" ref={done} onClick={onClose}>
          Back to the session
        </button>
      </div>
    </div>
  );
}
