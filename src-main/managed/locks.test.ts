// Managed values are locked in every settings service (issue 17): each view names its managed fields, a
// save that changes one is FORBIDDEN naming it and the file, a save that keeps them and changes the rest
// goes through; the values are what the rest of Baton reads; a changed file applies at the next start and
// is audited; a bad file is reported and the valid part still applies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AiSettings,
  ConnectWiseSettingsView,
  DesktopSettings,
  EmailRecipientSettings,
  HandoffSettings,
  ManagedSettingsView,
  MicrosoftSettings,
  TeamSettings,
  User,
  WebhookSettings,
} from '../../src-preload/contract';
import type { Core } from '../core';
import { overdueMinutes, ticketPrefix } from '../handoffs/handoff-settings';
import { emailRecipients } from '../microsoft/email-notification';
import { listAudit } from '../store/repos/audit-log';
import { callers } from '../test-support/callers';
import { managedComputer } from '../test-support/managed';
import { seedProfile, seedUser } from '../test-support/profiles';

const CW_CLIENT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const MS_CLIENT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const FILE = {
  connectwise: {
    site: 'cw.contoso.com',
    companyId: 'contoso',
    clientId: CW_CLIENT,
    boardId: 12,
    statuses: { resolved: 30, escalated: { id: 31, name: 'Escalated' } },
    notifyContact: false,
  },
  team: { pollSeconds: 45, boardIds: [12, 14] },
  ai: { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3' },
  microsoft: { clientId: MS_CLIENT, graphBaseUrl: 'https://graph.microsoft.com' },
  webhooks: { teams: true, slack: false },
  emailRecipients: { everyone: false, people: ['sam@contoso.com'], extraAddresses: ['Helpdesk@contoso.com'] },
  escalations: {
    ticketPrefix: 'con',
    expertContacts: { name: 'Dana Expert' },
    overdueMinutes: { urgent: 10 },
  },
  desktop: { updateFeedUrl: 'https://updates.contoso.com/baton/', startAtLogin: true },
};

let computer: ReturnType<typeof managedComputer>;
let core: Core;
let admin: User;
let api: ReturnType<typeof callers>;
const forbidden = (message: string | RegExp) => ({
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: typeof message === 'string' ? message : (expect.stringMatching(message) as string),
  },
});
const lockedMessage = (what: string) =>
  `${what} is managed by your organization (${computer.file}) and cannot be changed here`;

beforeEach(() => {
  computer = managedComputer({ startWorker: false });
  core = computer.start(FILE);
  admin = seedProfile(core, { name: 'Ada Admin', email: 'ada@contoso.com', role: 'admin' });
  api = callers(core);
});
afterEach(async () => computer.dispose());

describe('managed values are what Baton uses', () => {
  it('the settings the rest of Baton reads are the file’s', () => {
    const { connectwise } = core.services;
    expect(connectwise.statusMapping()).toEqual({
      boardId: 12,
      resolved: { id: 30, name: 'Status 30' },
      escalated: { id: 31, name: 'Escalated' },
      claimed: null,
    });
    expect(connectwise.notifyContact()).toBe(false);
    expect(ticketPrefix(core.db)).toBe('CON');
    expect(overdueMinutes(core.db)).toMatchObject({ urgent: 10, high: 60 });
    expect(core.services.desktop.current(admin)).toEqual({
      startAtLogin: true,
      updateFeedUrl: 'https://updates.contoso.com/baton/',
    });
    // The people the file names by email get escalation email once they have a profile here.
    const sam = seedUser(core, { name: 'Sam', email: 'sam@contoso.com', role: 'engineer' });
    seedUser(core, { name: 'Eli', email: 'eli@contoso.com', role: 'engineer' });
    expect(emailRecipients(core.db, admin.id)).toEqual([
      { address: sam.email, name: 'Sam' },
      { address: 'helpdesk@contoso.com' },
    ]);
  });
});

describe('every settings service shows its managed fields and refuses to change them', () => {
  it('AI assistant', async () => {
    const view = await api.ok<AiSettings>('settings:ai-get');
    expect(view).toMatchObject({
      provider: 'openai-compatible',
      model: 'llama3',
      managed: ['provider', 'baseUrl', 'model'],
    });
    const same = { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3' };
    expect(await api.call('settings:ai-save', { ...same, model: 'mistral' })).toMatchObject(
      forbidden(lockedMessage('AI model')),
    );
    expect(await api.call('settings:ai-save', { provider: 'none' })).toMatchObject(
      forbidden(lockedMessage('AI provider')),
    );
    // The key is per computer: saving it with the managed values goes through.
    expect(await api.ok<AiSettings>('settings:ai-save', { ...same, apiKey: 'local-key-123' })).toMatchObject({
      hasApiKey: true,
    });
  });

  it('ConnectWise connection and status mapping', async () => {
    const view = await api.ok<ConnectWiseSettingsView>('settings:connectwise-get');
    expect(view).toMatchObject({ site: 'https://cw.contoso.com', companyId: 'contoso', codebase: '' });
    expect(view.managed.sort()).toEqual(
      ['site', 'companyId', 'clientId', 'boardId', 'notifyContact', 'resolved', 'escalated'].sort(),
    );
    const same = { site: 'https://cw.contoso.com', companyId: 'contoso', clientId: CW_CLIENT };
    expect(await api.call('settings:connectwise-save', { ...same, site: 'cw.other.com' })).toMatchObject(
      forbidden(lockedMessage('ConnectWise site')),
    );
    expect(
      await api.call('settings:connectwise-save', { ...same, companyId: 'other', clientId: MS_CLIENT }),
    ).toMatchObject(
      forbidden(lockedMessage('ConnectWise company ID and ConnectWise clientId').replace(' is ', ' are ')),
    );
    // The site written another way is the same site; the codebase is not managed; keys are per computer.
    expect(
      await api.ok<ConnectWiseSettingsView>('settings:connectwise-save', {
        ...same,
        site: 'cw.contoso.com',
        codebase: 'v2025_1',
        publicKey: 'pub',
        privateKey: 'priv',
      }),
    ).toMatchObject({ codebase: 'v2025_1', hasPublicKey: true, hasPrivateKey: true });
    // Refused before ConnectWise is asked anything.
    expect(
      await api.call('settings:connectwise-save-mapping', { boardId: 12, resolved: 30, escalated: 35 }),
    ).toMatchObject(forbidden(lockedMessage('Escalated status')));
    expect(
      await api.call('settings:connectwise-save-mapping', { boardId: 13, resolved: 30, escalated: 31 }),
    ).toMatchObject(forbidden(lockedMessage('ConnectWise service board')));
  });

  it('Team escalations', async () => {
    expect(await api.ok<TeamSettings>('settings:team-get')).toMatchObject({
      pollSeconds: 45,
      boardIds: [12, 14],
      managed: ['pollSeconds', 'boardIds'],
    });
    // The same boards in another order are the same choice.
    expect(await api.ok('settings:team-save', { pollSeconds: 45, boardIds: [14, 12] })).toBeTruthy();
    expect(await api.call('settings:team-save', { pollSeconds: 60, boardIds: [12, 14] })).toMatchObject(
      forbidden(lockedMessage('Team poll interval')),
    );
  });

  it('Microsoft 365', async () => {
    const view = await api.ok<MicrosoftSettings>('settings:microsoft-get');
    expect(view).toMatchObject({ clientId: MS_CLIENT, managed: ['clientId', 'graphBaseUrl'] });
    expect(
      await api.call('settings:microsoft-save', { graphBaseUrl: 'https://graph.contoso.com' }),
    ).toMatchObject(forbidden(lockedMessage('Microsoft Graph address')));
    expect(await api.call('settings:microsoft-save', { clientId: null })).toMatchObject(
      forbidden(lockedMessage('Microsoft 365 app registration')),
    );
    // The authority is not managed here.
    expect(
      await api.ok<MicrosoftSettings>('settings:microsoft-save', {
        authority: 'https://login.microsoftonline.com/contoso.com',
      }),
    ).toMatchObject({ authority: 'https://login.microsoftonline.com/contoso.com' });
  });

  it('Notifications: a required webhook cannot be removed, a switched-off one cannot be set', async () => {
    expect(await api.ok<WebhookSettings>('settings:webhooks-get')).toMatchObject({
      teams: { configured: false, policy: 'required' },
      slack: { configured: false, policy: 'off' },
    });
    expect(
      await api.call('settings:webhooks-save', { slack: 'https://hooks.slack.com/services/T0/B0/abc' }),
    ).toMatchObject(
      forbidden(
        `Slack notifications are switched off by your organization (${computer.file}): no webhook can be saved here`,
      ),
    );
    expect(await api.call('settings:webhooks-save', { teams: null })).toMatchObject(
      forbidden(
        `Your organization requires the Teams webhook (${computer.file}): replace its URL instead of removing it`,
      ),
    );
    expect(await api.ok<AiTestResultLike>('settings:webhooks-test', { channel: 'slack' })).toMatchObject({
      ok: false,
      message: 'Slack notifications are switched off by your organization',
    });
    expect(
      await api.ok<WebhookSettings>('settings:webhooks-save', {
        teams: 'https://contoso.webhook.office.com/x',
      }),
    ).toMatchObject({ teams: { configured: true, policy: 'required' } });
  });

  it('Escalations', async () => {
    const view = await api.ok<HandoffSettings>('settings:handoffs-get');
    expect(view).toMatchObject({
      ticketPrefix: 'CON',
      expertContacts: { name: 'Dana Expert', email: '' },
      managed: ['ticketPrefix', 'expertContacts', 'overdueMinutes.urgent'],
    });
    const same = {
      ticketPrefix: 'CON',
      expertContacts: view.expertContacts,
      overdueMinutes: view.overdueMinutes,
    };
    expect(await api.call('settings:handoffs-save', { ...same, ticketPrefix: 'XYZ' })).toMatchObject(
      forbidden(lockedMessage('Support ticket prefix')),
    );
    expect(
      await api.call('settings:handoffs-save', {
        ...same,
        overdueMinutes: { ...same.overdueMinutes, urgent: 5 },
      }),
    ).toMatchObject(forbidden(lockedMessage('Urgent overdue minutes')));
    expect(
      await api.ok<HandoffSettings>('settings:handoffs-save', {
        ...same,
        overdueMinutes: { ...same.overdueMinutes, high: 30 },
      }),
    ).toMatchObject({ overdueMinutes: { urgent: 10, high: 30 } });
  });

  it('Email recipients', async () => {
    const sam = seedUser(core, { name: 'Sam', email: 'sam@contoso.com', role: 'engineer' });
    const view = await api.ok<EmailRecipientSettings>('settings:email-recipients-get');
    expect(view).toMatchObject({
      everyone: false,
      userIds: [sam.id],
      extraAddresses: ['helpdesk@contoso.com'],
      managed: ['everyone', 'userIds', 'extraAddresses'],
    });
    const same = { everyone: false, userIds: [sam.id], extraAddresses: ['helpdesk@contoso.com'] };
    expect(await api.ok('settings:email-recipients-save', same)).toBeTruthy();
    expect(await api.call('settings:email-recipients-save', { ...same, extraAddresses: [] })).toMatchObject(
      forbidden(lockedMessage('Extra email addresses')),
    );
    expect(await api.call('settings:email-recipients-save', { ...same, userIds: [admin.id] })).toMatchObject(
      forbidden(lockedMessage('Escalation email recipients')),
    );
  });

  it('This computer: start at login is locked for everyone, the feed for admins too', async () => {
    expect(await api.ok<DesktopSettings>('settings:desktop-get')).toMatchObject({
      startAtLogin: true,
      updateFeedUrl: 'https://updates.contoso.com/baton/',
      managed: ['updateFeedUrl', 'startAtLogin'],
    });
    expect(
      await api.call('settings:desktop-save', {
        startAtLogin: true,
        updateFeedUrl: 'https://other.example.com/',
      }),
    ).toMatchObject(forbidden(lockedMessage('Update feed')));
    seedProfile(core, { name: 'Tom Tech', email: 'tom@contoso.com', role: 'technician' });
    expect(
      await api.call('settings:desktop-save', {
        startAtLogin: false,
        updateFeedUrl: 'https://updates.contoso.com/baton/',
      }),
    ).toMatchObject(forbidden(lockedMessage('Start at login')));
  });
});

type AiTestResultLike = { ok: boolean; message: string };

describe('changes and problems', () => {
  it('a changed file applies at the next start and is audited; a dropped value becomes editable', async () => {
    core = await computer.restart({
      ...FILE,
      ai: undefined,
      escalations: { ...FILE.escalations, ticketPrefix: 'NEW' },
    });
    api = callers(core);
    expect(ticketPrefix(core.db)).toBe('NEW');
    const ai = await api.ok<AiSettings>('settings:ai-get');
    // The last managed value stays, now editable.
    expect(ai).toMatchObject({ provider: 'openai-compatible', model: 'llama3', managed: [] });
    expect(
      await api.ok<AiSettings>('settings:ai-save', {
        provider: 'openai-compatible',
        baseUrl: 'http://127.0.0.1:11434/v1',
        model: 'mistral',
      }),
    ).toMatchObject({ model: 'mistral' });
    const view = await api.ok<ManagedSettingsView>('settings:managed-get');
    expect(view.lastChange?.changes).toEqual([
      { key: 'ai.baseUrl', from: 'http://127.0.0.1:11434/v1', to: 'not managed' },
      { key: 'ai.model', from: 'llama3', to: 'not managed' },
      { key: 'ai.provider', from: 'openai-compatible', to: 'not managed' },
      { key: 'escalations.ticketPrefix', from: 'CON', to: 'NEW' },
    ]);
    const applied = listAudit(core.db, 'settings', 'managed').map(
      (a) => JSON.parse(a.details!) as { changes: unknown[] },
    );
    expect(applied).toHaveLength(2);
    expect(applied[1]!.changes).toHaveLength(4);
    // The same file again changes nothing and adds no audit entry.
    core = await computer.restart({
      ...FILE,
      ai: undefined,
      escalations: { ...FILE.escalations, ticketPrefix: 'NEW' },
    });
    expect(listAudit(core.db, 'settings', 'managed')).toHaveLength(2);
  });

  it('a bad file is reported in Settings and the log; Baton starts with what is valid', async () => {
    const logged: string[] = [];
    await computer.dispose();
    computer = managedComputer({ startWorker: false, log: (line) => logged.push(line) });
    core = computer.start({
      team: { pollSeconds: 'often', boardIds: [3] },
      ai: { provider: 'anthropic', apiKey: 'sk-123' },
      connectwise: { site: 'cw.contoso.com', sight: 'typo' },
    });
    seedProfile(core, { name: 'Ada Admin', email: 'ada@contoso.com', role: 'admin' });
    const view = await callers(core).ok<ManagedSettingsView>('settings:managed-get');
    expect(view).toMatchObject({ file: computer.file, source: 'env', state: 'read' });
    expect(view.problems.map((p) => p.key).sort()).toEqual([
      'ai.apiKey',
      'connectwise.sight',
      'team.pollSeconds',
    ]);
    expect(view.values.map((v) => v.key).sort()).toEqual([
      'ai.provider',
      'connectwise.site',
      'team.boardIds',
    ]);
    expect(logged).toContain(
      `Managed settings ${computer.file}: team.pollSeconds should be a number, not "often"; it was ignored`,
    );
    expect(logged.join('\n')).not.toContain('sk-123');
  });

  it('a file that is not JSON changes nothing and says so', async () => {
    core = await computer.restart('{ not json');
    const view = await callers(core).ok<ManagedSettingsView>('settings:managed-get');
    expect(view.state).toBe('unreadable');
    expect(view.problems[0]!.message).toMatch(/^The file is not valid JSON/);
    expect(view.values).toEqual([]);
    // The values the previous start applied stay (now editable).
    expect(ticketPrefix(core.db)).toBe('CON');
    expect((await callers(core).ok<TeamSettings>('settings:team-get')).managed).toEqual([]);
  });
});
