// The escalation email (DESIGN §3, Notifications): one outbox job per handoff, sent through Graph from
// the signed-in Microsoft 365 mailbox to every active owner/admin/engineer with an email address
// except whoever handed the session off. Everything in it passes the redaction gate on its way out
// (net/outbound-gate.ts).
import { z } from 'zod';
import { isSenior } from '../../src-preload/contract';
import type { Handoff } from '../../src-preload/contract';
import { AppError } from '../errors';
import { defineJobKind, PermanentJobError } from '../jobs/job-kinds';
import { handoffHeadline } from '../notify/webhook-messages';
import type { Db } from '../store/database';
import { getHandoff, getHandoffRow } from '../store/repos/handoffs';
import { getSetting } from '../store/repos/settings';
import { listUsers } from '../store/repos/users';
import type { GraphMail, MailMessage } from './graph-mail';

export const NOTIFY_EMAIL = 'notify.email';

export const EMAIL_RECIPIENTS_KEY = 'notifications.email.recipients';

/** Settings → Notifications: who gets escalation email (null / absent: every active senior). */
export interface EmailRecipientChoice {
  everyone: boolean;
  userIds: string[];
  /** Chosen by email in the managed settings file (matched to profiles when the email is sent). */
  userEmails?: string[];
  extraAddresses: string[];
}

/** Whether `user` is one of the people the choice names (by profile, or by email from the managed file). */
export function isChosenRecipient(
  choice: EmailRecipientChoice,
  user: { id: string; email: string },
): boolean {
  return (
    choice.userIds.includes(user.id) || (choice.userEmails ?? []).includes(user.email.trim().toLowerCase())
  );
}

/**
 * The recipients chosen in Settings (every active senior with an address unless an admin picked
 * people), plus any extra addresses such as a shared helpdesk mailbox; never the escalator; one
 * entry per address.
 */
export function emailRecipients(db: Db, escalatorId: string): MailMessage['to'] {
  const choice = getSetting<EmailRecipientChoice>(db, EMAIL_RECIPIENTS_KEY);
  const chosen = choice && !choice.everyone ? choice : null;
  const seen = new Set<string>();
  const to: MailMessage['to'] = [];
  const add = (address: string, name?: string) => {
    if (!address || seen.has(address.toLowerCase())) return;
    seen.add(address.toLowerCase());
    to.push(name ? { address, name } : { address });
  };
  const escalator = listUsers(db).find((u) => u.id === escalatorId);
  if (escalator) seen.add(escalator.email.trim().toLowerCase());
  for (const user of listUsers(db)) {
    if (!user.active || !isSenior(user.role) || user.id === escalatorId) continue;
    if (chosen && !isChosenRecipient(chosen, user)) continue;
    add(user.email.trim(), user.name);
  }
  for (const address of choice?.extraAddresses ?? []) add(address.trim());
  return to;
}

/** Subject `New escalation: {problem}`; a Text body with reason, priority, ticket, notes and who escalated. */
export function handoffEmail(handoff: Handoff, to: MailMessage['to'], reminderAt?: number): MailMessage {
  const problem = oneLine(handoff.snapshot.summary || handoff.sessionTitle) || 'Untitled session';
  const escalate = handoff.intent === 'escalate';
  const subject = handoffHeadline({ ...handoff, sessionTitle: problem }, reminderAt);
  const lines = [
    ...(reminderAt === undefined
      ? []
      : [
          'Nobody has claimed this handoff yet, and it is now past the time Settings allow for its priority.',
          '',
        ]),
    escalate
      ? `${handoff.handedOffByName} escalated a session. It is waiting in the Baton queue for someone to claim it.`
      : `${handoff.handedOffByName} parked a session. It is waiting in the Baton queue.`,
    '',
    `Problem: ${problem}`,
    `Reason: ${handoff.reason.trim() || '—'}`,
    `Priority: ${handoff.priority}`,
    `Ticket: ${handoff.ticketNumber}`,
    `${escalate ? 'Escalated' : 'Parked'} by: ${handoff.handedOffByName}`,
    ...(handoff.targetUserName ? [`Assigned to: ${handoff.targetUserName}`] : []),
    ...(handoff.engineerNotes?.trim() ? ['', 'Engineer notes:', handoff.engineerNotes.trim()] : []),
    '',
    'Open Baton to claim it.',
  ];
  return {
    subject: truncate(subject, 255),
    text: lines.join('\n'),
    to,
  };
}

export function emailNotificationKind(deps: {
  db: Db;
  mail: Pick<GraphMail, 'send'>;
  /** Why email cannot be sent right now (null when Microsoft 365 is connected). */
  notConnectedReason: () => string | null;
  now: () => number;
}) {
  return defineJobKind({
    kind: NOTIFY_EMAIL,
    service: 'graph',
    // draftId: the Graph draft an earlier try created (checkpointed), so a retry never sends twice.
    payload: z.object({
      handoffId: z.uuid(),
      reminder: z.boolean().optional(),
      draftId: z.string().min(1).optional(),
    }),
    describe: ({ reminder }) =>
      reminder ? 'Email reminder of an unclaimed handoff' : 'Email to the senior team about a handoff',
    async run({ handoffId, reminder, draftId }, ctx) {
      const row = getHandoffRow(deps.db, handoffId);
      const handoff = row && getHandoff(deps.db, handoffId, row.handedOffById);
      // A reminder claimed meanwhile is not sent; one already on its way (a draft exists) is finished.
      if (!handoff || (reminder && handoff.claimedById && !draftId)) return;
      const to = emailRecipients(deps.db, handoff.handedOffById);
      if (to.length === 0) return; // nobody to tell is not a failure
      const reason = deps.notConnectedReason();
      if (reason) throw new PermanentJobError(`Email not sent: ${reason}`);
      try {
        await deps.mail.send(
          handoffEmail(handoff, to, reminder ? deps.now() : undefined),
          { draftId: draftId ?? null, draftCreated: (id) => ctx.checkpoint({ draftId: id }) },
          ctx.signal,
        );
      } catch (err) {
        // No usable sign-in will not fix itself on a retry.
        if (err instanceof AppError)
          throw new PermanentJobError(`Email not sent: ${err.message}`, { cause: err });
        throw err;
      }
    },
  });
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
