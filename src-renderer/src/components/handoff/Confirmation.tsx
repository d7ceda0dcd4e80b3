import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useEffect, useRef } from 'react';
import type { HandoffConfirmation, NotificationChannel } from '../../../../src-preload/contract';

const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  connectwise: 'ConnectWise ticket',
  teams: 'Microsoft Teams',
  slack: 'Slack',
  email: 'Email',
};

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
      {notifications.length > 0 && (
        <ul className="handoff-notifications" aria-label="Notifications">
          {notifications.map(({ channel, state, reason }) => (
            <li key={channel} className={`notification-${state}`}>
              {CHANNEL_LABELS[channel]} —{' '}
              {state === 'queued' ? 'sent in the background' : `skipped: ${reason ?? 'not configured'}`}
            </li>
          ))}
        </ul>
      )}
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
      <div className="dialog-actions">
        <button type="button" className="primary" ref={done} onClick={onClose}>
          Back to the session
        </button>
      </div>
    </div>
  );
}
