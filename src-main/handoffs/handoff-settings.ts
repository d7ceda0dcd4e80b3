// The escalation settings an admin keeps (DESIGN §3): the support ticket prefix, the expert contact
// details shown on every escalation confirmation, and how long each priority may wait unclaimed.
// Plain settings rows (nothing here is secret); every change is audited.
import type { z } from 'zod';
import type {
  ExpertContacts,
  HandoffSettings,
  HandoffSettingsInput,
  Priority,
  User,
} from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import type { SettingChange } from '../store/repos/settings';
import { getSetting, putChangedSettings } from '../store/repos/settings';
import { DEFAULT_OVERDUE_MINUTES } from './tray-menu';
import { assertMayCall, mayCall } from '../ipc/authorization';
import type { ManagedSettings } from '../managed/managed-settings';
import { noManagedSettings } from '../managed/managed-settings';

export const TICKET_PREFIX_KEY = 'tickets.prefix';
export const EXPERT_CONTACTS_KEY = 'contacts.expert';
export const OVERDUE_MINUTES_KEY = 'handoffs.overdueMinutes';
export const DEFAULT_TICKET_PREFIX = 'BTN';

export const ticketPrefix = (db: Db) => getSetting<string>(db, TICKET_PREFIX_KEY) ?? DEFAULT_TICKET_PREFIX;
export const expertContacts = (db: Db) => getSetting<ExpertContacts>(db, EXPERT_CONTACTS_KEY) ?? null;
export const overdueMinutes = (db: Db): Record<Priority, number> => ({
  ...DEFAULT_OVERDUE_MINUTES,
  ...getSetting<Partial<Record<Priority, number>>>(db, OVERDUE_MINUTES_KEY),
});

const PRIORITY_ORDER: readonly Priority[] = ['urgent', 'high', 'medium', 'low'];
const NO_CONTACTS: ExpertContacts = { name: '', email: '', phone: '', hours: '', emergencyLine: '' };

export function createHandoffSettings(deps: { db: Db; clock: Clock; managed?: ManagedSettings }) {
  const { db, clock } = deps;
  const managed = deps.managed ?? noManagedSettings();

  function view(actor: User): HandoffSettings {
    return {
      ticketPrefix: ticketPrefix(db),
      expertContacts: expertContacts(db),
      overdueMinutes: overdueMinutes(db),
      canEdit: mayCall(actor, 'settings:handoffs-save'),
      managed: [
        ...managed.fields('escalations', ['ticketPrefix', 'expertContacts'] as const),
        ...managed
          .fields('escalations.overdueMinutes', PRIORITY_ORDER)
          .map((p) => `overdueMinutes.${p}` as const),
      ],
    };
  }

  function save(actor: User, input: z.output<typeof HandoffSettingsInput>): HandoffSettings {
    assertMayCall(actor, 'settings:handoffs-save');
    managed.assertUnchanged({
      'escalations.ticketPrefix': input.ticketPrefix,
      'escalations.expertContacts': input.expertContacts ?? NO_CONTACTS,
      ...Object.fromEntries(
        PRIORITY_ORDER.map((p) => [`escalations.overdueMinutes.${p}`, input.overdueMinutes[p]]),
      ),
    });
    // All-blank contacts mean "none": the confirmation then says so instead of showing empty lines.
    const contacts =
      input.expertContacts && Object.values(input.expertContacts).some((v) => v !== '')
        ? input.expertContacts
        : null;
    const before = view(actor);
    const changes: SettingChange[] = [
      [TICKET_PREFIX_KEY, 'ticket-prefix', input.ticketPrefix, before.ticketPrefix !== input.ticketPrefix],
      [
        EXPERT_CONTACTS_KEY,
        'expert-contacts',
        contacts,
        JSON.stringify(before.expertContacts) !== JSON.stringify(contacts),
      ],
      [
        OVERDUE_MINUTES_KEY,
        'overdue-minutes',
        input.overdueMinutes,
        JSON.stringify(before.overdueMinutes) !== JSON.stringify(input.overdueMinutes),
      ],
    ];
    const now = clock.now();
    inTransaction(db, () => putChangedSettings(db, { actorId: actor.id, area: 'handoffs', now }, changes));
    return view(actor);
  }

  return { view, save };
}

export type HandoffSettingsService = ReturnType<typeof createHandoffSettings>;
