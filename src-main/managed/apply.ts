// At start, the managed values are written into the settings table (so everything that reads a setting
// reads the organization's value without knowing about the file), the roster is applied to the profiles,
// and what changed since the previous start is audited. A value the file stops managing keeps its last
// value and becomes editable again.
import type { ConnectWiseStatusRef, ExpertContacts, Priority } from '../../src-preload/contract';
import { AI_SETTINGS_KEY, NONE } from '../ai/ai-settings';
import type { StoredAiSettings } from '../ai/ai-settings';
import { START_AT_LOGIN_KEY, UPDATE_FEED_URL_KEY } from '../desktop/desktop-settings';
import { EXPERT_CONTACTS_KEY, OVERDUE_MINUTES_KEY, TICKET_PREFIX_KEY } from '../handoffs/handoff-settings';
import type { EmailRecipientChoice } from '../microsoft/email-notification';
import { EMAIL_RECIPIENTS_KEY } from '../microsoft/email-notification';
import {
  MICROSOFT_SETTING_KEYS,
  readStoredAccount,
  writeStoredAccount,
} from '../microsoft/microsoft-settings';
import { configuredKey } from '../notify/webhooks';
import { CW_KEYS } from '../psa/connectwise/connectwise-settings';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import { TEAM_BOARDS_KEY, TEAM_POLL_SECONDS_KEY } from '../team/team-poller';
import type { ManagedProblem } from './managed-file';
import type { ManagedKey, RosterEntry } from './managed-schema';
import type { ManagedSettings } from './managed-settings';
import { syncRoster } from './roster';

/** What the previous start applied, to tell what changed since. */
export const MANAGED_SNAPSHOT_KEY = 'managed.lastApplied';

export interface ManagedChange {
  /** The path in the file ("ai.model"), or "roster.{email}". */
  key: string;
  /** undefined: not managed (not on the roster) before / now. */
  from?: unknown;
  to?: unknown;
}

export interface ManagedSnapshot {
  file: string | null;
  values: Record<string, unknown>;
  roster: RosterEntry[] | null;
  problems: ManagedProblem[];
  /** The last start at which something changed, and what. */
  changedAt: number | null;
  changes: ManagedChange[];
}

export function readManagedSnapshot(db: Db): ManagedSnapshot | null {
  return getSetting<ManagedSnapshot>(db, MANAGED_SNAPSHOT_KEY) ?? null;
}

/** Applies the file's values and roster; one audit entry says what changed since the previous start. */
export function applyManagedSettings(
  db: Db,
  managed: ManagedSettings,
  now: number,
  log: (message: string) => void,
): ManagedChange[] {
  for (const problem of managed.problems)
    log(`Managed settings ${managed.file}: ${problem.key ? `${problem.key} ` : ''}${problem.message}`);
  return inTransaction(db, () => {
    const previous = readManagedSnapshot(db);
    writeManagedValues(db, managed, now);
    const profiles = syncRoster(db, managed, now);
    const values = Object.fromEntries(managed.values);
    const roster = managed.roster ? [...managed.roster] : null;
    const changes = [
      ...diffValues(previous?.values ?? {}, values),
      ...diffRoster(previous?.roster ?? null, roster),
    ];
    const problemsChanged = JSON.stringify(previous?.problems ?? []) !== JSON.stringify(managed.problems);
    const fileChanged =
      (previous?.file ?? null) !== managed.file && (previous !== null || managed.values.size > 0);
    if (changes.length > 0 || problemsChanged || fileChanged || profiles.length > 0)
      appendAudit(
        db,
        {
          actorId: null,
          action: 'settings.managed.apply',
          entityType: 'settings',
          entityId: 'managed',
          details: { file: managed.file, changes, problems: managed.problems, profiles },
        },
        now,
      );
    const snapshot: ManagedSnapshot = {
      file: managed.file,
      values,
      roster,
      problems: [...managed.problems],
      changedAt: changes.length > 0 ? now : (previous?.changedAt ?? null),
      changes: changes.length > 0 ? changes : (previous?.changes ?? []),
    };
    putSetting(db, MANAGED_SNAPSHOT_KEY, snapshot, now, null);
    return changes;
  });
}

function writeManagedValues(db: Db, managed: ManagedSettings, now: number): void {
  const has = (key: ManagedKey) => managed.has(key);
  const value = <T>(key: ManagedKey) => managed.value<T>(key)!;
  const put = (settingKey: string, next: unknown) => {
    if (JSON.stringify(getSetting<unknown>(db, settingKey) ?? null) !== JSON.stringify(next))
      putSetting(db, settingKey, next, now, null);
  };

  const direct: [ManagedKey, string][] = [
    ['connectwise.site', CW_KEYS.site],
    ['connectwise.companyId', CW_KEYS.companyId],
    ['connectwise.codebase', CW_KEYS.codebase],
    ['connectwise.clientId', CW_KEYS.clientId],
    ['connectwise.boardId', CW_KEYS.boardId],
    ['connectwise.notifyContact', CW_KEYS.notifyContact],
    ['team.pollSeconds', TEAM_POLL_SECONDS_KEY],
    ['team.boardIds', TEAM_BOARDS_KEY],
    ['microsoft.graphBaseUrl', MICROSOFT_SETTING_KEYS.graphBaseUrl],
    ['escalations.ticketPrefix', TICKET_PREFIX_KEY],
    ['desktop.updateFeedUrl', UPDATE_FEED_URL_KEY],
    ['desktop.startAtLogin', START_AT_LOGIN_KEY],
  ];
  for (const [key, settingKey] of direct) if (has(key)) put(settingKey, value(key));

  // A status by id keeps the name Settings saved for it (or the file's), else a placeholder name until an
  // admin opens the mapping (loaded live from ConnectWise).
  for (const status of ['resolved', 'escalated', 'claimed'] as const) {
    const key = `connectwise.statuses.${status}` as const;
    if (!has(key)) continue;
    const ref = value<{ id: number; name: string | null }>(key);
    const stored = getSetting<ConnectWiseStatusRef | null>(db, CW_KEYS[status]) ?? null;
    const name = ref.name ?? (stored?.id === ref.id ? stored.name : `Status ${ref.id}`);
    put(CW_KEYS[status], { id: ref.id, name });
  }

  if (has('ai.provider') || has('ai.baseUrl') || has('ai.model')) {
    const stored = getSetting<StoredAiSettings>(db, AI_SETTINGS_KEY) ?? NONE;
    const provider = has('ai.provider')
      ? value<StoredAiSettings['provider']>('ai.provider')
      : stored.provider;
    put(
      AI_SETTINGS_KEY,
      provider === 'none'
        ? NONE
        : {
            provider,
            baseUrl: has('ai.baseUrl') ? value<string>('ai.baseUrl') : stored.baseUrl,
            model: has('ai.model') ? value<string>('ai.model') : stored.model,
          },
    );
  }

  // Tokens belong to one app registration and authority: a managed change of either signs Microsoft out.
  const clientChanged =
    has('microsoft.clientId') &&
    (getSetting<string | null>(db, MICROSOFT_SETTING_KEYS.clientId) ?? null) !== value('microsoft.clientId');
  const authorityChanged =
    has('microsoft.authority') &&
    getSetting<string>(db, MICROSOFT_SETTING_KEYS.authority) !== value('microsoft.authority');
  if (has('microsoft.clientId')) put(MICROSOFT_SETTING_KEYS.clientId, value('microsoft.clientId'));
  if (has('microsoft.authority')) put(MICROSOFT_SETTING_KEYS.authority, value('microsoft.authority'));
  const account = readStoredAccount(db);
  if ((clientChanged || authorityChanged) && account) {
    writeStoredAccount(db, null, now, null);
    appendAudit(
      db,
      {
        actorId: null,
        action: 'settings.microsoft.sign_out',
        entityType: 'settings',
        entityId: 'microsoft.account',
        details: { username: account.username, reason: 'The managed app registration or authority changed' },
      },
      now,
    );
  }

  // A webhook the organization switched off is not used; one it requires is entered on each computer.
  for (const channel of ['teams', 'slack'] as const)
    if (has(`webhooks.${channel}`) && value<boolean>(`webhooks.${channel}`) === false)
      put(configuredKey(channel), false);

  if (
    has('emailRecipients.everyone') ||
    has('emailRecipients.people') ||
    has('emailRecipients.extraAddresses')
  ) {
    const stored = getSetting<EmailRecipientChoice>(db, EMAIL_RECIPIENTS_KEY) ?? {
      everyone: true,
      userIds: [],
      extraAddresses: [],
    };
    const people = has('emailRecipients.people') ? value<string[]>('emailRecipients.people') : null;
    put(EMAIL_RECIPIENTS_KEY, {
      everyone: has('emailRecipients.everyone')
        ? value<boolean>('emailRecipients.everyone')
        : stored.everyone,
      userIds: people ? [] : stored.userIds,
      ...(people ? { userEmails: people } : stored.userEmails ? { userEmails: stored.userEmails } : {}),
      extraAddresses: has('emailRecipients.extraAddresses')
        ? [...new Set(value<string[]>('emailRecipients.extraAddresses').map((a) => a.toLowerCase()))]
        : stored.extraAddresses,
    } satisfies EmailRecipientChoice);
  }

  if (has('escalations.expertContacts')) {
    const contacts = value<ExpertContacts>('escalations.expertContacts');
    put(EXPERT_CONTACTS_KEY, Object.values(contacts).some((v) => v !== '') ? contacts : null);
  }
  const priorities: Priority[] = ['urgent', 'high', 'medium', 'low'];
  if (priorities.some((p) => has(`escalations.overdueMinutes.${p}`))) {
    const stored = getSetting<Partial<Record<Priority, number>>>(db, OVERDUE_MINUTES_KEY) ?? {};
    const next = { ...stored };
    for (const p of priorities)
      if (has(`escalations.overdueMinutes.${p}`)) next[p] = value<number>(`escalations.overdueMinutes.${p}`);
    put(OVERDUE_MINUTES_KEY, next);
  }
}

function diffValues(before: Record<string, unknown>, after: Record<string, unknown>): ManagedChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      key,
      ...(key in before && { from: before[key] }),
      ...(key in after && { to: after[key] }),
    }));
}

function diffRoster(before: RosterEntry[] | null, after: RosterEntry[] | null): ManagedChange[] {
  if (before === null && after === null) return [];
  const describe = (p: RosterEntry) => ({ name: p.name, role: p.role, member: p.connectwiseMember ?? null });
  const index = (list: RosterEntry[] | null) => new Map((list ?? []).map((p) => [p.email, describe(p)]));
  const changes = diffValues(Object.fromEntries(index(before)), Object.fromEntries(index(after))).map(
    (c) => ({
      ...c,
      key: `roster.${c.key}`,
    }),
  );
  if ((before === null) !== (after === null))
    changes.unshift({ key: 'roster', ...(before && { from: 'a roster' }), ...(after && { to: 'a roster' }) });
  return changes;
}
