// Settings → Email recipients: every active senior by default, or the people an admin picked, plus
// addresses outside Baton. Read by the notify.email job (email-notification.ts); changes are audited.
import type { z } from 'zod';
import type { EmailRecipientSettings, EmailRecipientsInput, User } from '../../src-preload/contract';
import { isSenior } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import { listUsers } from '../store/repos/users';
import type { EmailRecipientChoice } from './email-notification';
import { EMAIL_RECIPIENTS_KEY, isChosenRecipient } from './email-notification';
import { assertMayCall, mayCall } from '../ipc/authorization';
import type { ManagedSettings } from '../managed/managed-settings';
import { noManagedSettings } from '../managed/managed-settings';

const sortedLower = (list: readonly string[]) => [...new Set(list.map((a) => a.trim().toLowerCase()))].sort();

export function createEmailRecipients(deps: { db: Db; clock: Clock; managed?: ManagedSettings }) {
  const { db, clock } = deps;
  const managed = deps.managed ?? noManagedSettings();
  const managedPeople = () => managed.value<string[]>('emailRecipients.people');
  const candidates = () =>
    listUsers(db)
      .filter((u) => u.active && isSenior(u.role) && u.email.trim())
      .map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }));

  function view(actor: User): EmailRecipientSettings {
    const choice = getSetting<EmailRecipientChoice>(db, EMAIL_RECIPIENTS_KEY);
    const people = candidates();
    return {
      everyone: choice?.everyone ?? true,
      // People the managed file names by email show as chosen once they have a profile here.
      userIds: choice ? people.filter((p) => isChosenRecipient(choice, p)).map((p) => p.id) : [],
      extraAddresses: choice?.extraAddresses ?? [],
      candidates: people,
      canEdit: mayCall(actor, 'settings:email-recipients-save'),
      managed: managed
        .fields('emailRecipients', ['everyone', 'people', 'extraAddresses'] as const)
        .map((field) => (field === 'people' ? 'userIds' : field)),
    };
  }

  function save(actor: User, input: z.output<typeof EmailRecipientsInput>): EmailRecipientSettings {
    assertMayCall(actor, 'settings:email-recipients-save');
    const known = new Set(candidates().map((c) => c.id));
    const unknown = input.userIds.filter((id) => !known.has(id));
    if (unknown.length)
      throw new AppError('VALIDATION', 'Someone chosen is no longer an active owner, admin or engineer', {
        fields: [
          { path: 'userIds', message: 'Someone chosen is no longer an active owner, admin or engineer' },
        ],
      });
    // The managed people are compared as this computer can show them: those with a profile here.
    const fromFile = managedPeople();
    const chosenEmails = sortedLower(
      candidates()
        .filter((c) => input.userIds.includes(c.id))
        .map((c) => c.email),
    );
    const fileHere =
      fromFile &&
      sortedLower(
        candidates()
          .map((c) => c.email)
          .filter((e) => fromFile.includes(e.toLowerCase())),
      );
    managed.assertUnchanged({
      'emailRecipients.everyone': input.everyone,
      ...(!input.everyone && {
        'emailRecipients.people':
          fileHere && JSON.stringify(fileHere) === JSON.stringify(chosenEmails) ? fromFile : chosenEmails,
      }),
      'emailRecipients.extraAddresses': sortedLower(input.extraAddresses),
    });
    const choice: EmailRecipientChoice = {
      everyone: input.everyone,
      userIds: input.everyone || fromFile ? [] : [...new Set(input.userIds)],
      ...(fromFile && { userEmails: fromFile }),
      extraAddresses: [...new Set(input.extraAddresses.map((a) => a.toLowerCase()))],
    };
    const now = clock.now();
    inTransaction(db, () => {
      putSetting(db, EMAIL_RECIPIENTS_KEY, choice, now, actor.id);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'settings.email-recipients.update',
          entityType: 'settings',
          entityId: EMAIL_RECIPIENTS_KEY,
          details: { ...choice },
        },
        now,
      );
    });
    return view(actor);
  }

  return { view, save };
}
