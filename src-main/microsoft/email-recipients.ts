// Settings → Email recipients: every active senior by default, or the people an admin picked, plus
// addresses outside Baton. Read by the notify.email job (email-notification.ts); changes are audited.
import type { z } from 'zod';
import type { EmailRecipientSettings, EmailRecipientsInput, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import { listUsers } from '../store/repos/users';
import type { EmailRecipientChoice } from './email-notification';
import { EMAIL_RECIPIENTS_KEY } from './email-notification';
import { assertMayCall, mayCall } from '../ipc/authorization';

const SENIOR = new Set<User['role']>(['owner', 'admin', 'engineer']);

export function createEmailRecipients(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const candidates = () =>
    listUsers(db)
      .filter((u) => u.active && SENIOR.has(u.role) && u.email.trim())
      .map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }));

  function view(actor: User): EmailRecipientSettings {
    const choice = getSetting<EmailRecipientChoice>(db, EMAIL_RECIPIENTS_KEY);
    return {
      everyone: choice?.everyone ?? true,
      userIds: choice?.userIds ?? [],
      extraAddresses: choice?.extraAddresses ?? [],
      candidates: candidates(),
      canEdit: mayCall(actor, 'settings:email-recipients-save'),
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
    const choice: EmailRecipientChoice = {
      everyone: input.everyone,
      userIds: input.everyone ? [] : [...new Set(input.userIds)],
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
