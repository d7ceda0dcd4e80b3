// The managed settings file's parser (issue 17): every kind of bad file is reported in plain words (which
// key, what is wrong) and the rest of the file still applies; secrets are refused naming the key.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-core';
import type { ManagedProblem } from './managed-file';
import { loadManagedSettings, managedSettingsLocation, parseManagedSettings } from './managed-file';
import { flatten } from './managed-settings';
import { SCHEMA_FILE, schemaText } from '../../scripts/write-managed-schema';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'managed-settings.example.json');

const parse = (value: unknown) => parseManagedSettings(JSON.stringify(value));
const problemAt = (problems: ManagedProblem[], key: string) => problems.find((p) => p.key === key)?.message;

describe('the managed settings file', () => {
  it('the committed JSON Schema is the one generated from the zod schema', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await schemaText());
  });

  it('the committed example is valid: every value used, no problem', () => {
    const { settings, problems } = parseManagedSettings(readFileSync(EXAMPLE, 'utf8'));
    expect(problems).toEqual([]);
    const values = flatten(settings!);
    expect(values.get('connectwise.site')).toBe('https://api-na.myconnectwise.net');
    expect(values.get('connectwise.statuses.claimed')).toEqual({ id: 32, name: null });
    expect(values.get('escalations.ticketPrefix')).toBe('CON');
    expect(settings!.roster!.map((p) => p.role)).toEqual(['admin', 'engineer', 'technician']);
  });

  it('the example in the README is valid too', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Deploying to a team'));
    const example = /```json\n([\s\S]+?)\n```/.exec(section)![1]!;
    const { settings, problems } = parseManagedSettings(example);
    expect(problems).toEqual([]);
    expect(settings!.roster).toHaveLength(3);
  });

  it('a file that is not JSON is reported and nothing in it is used', () => {
    const { settings, problems } = parseManagedSettings('{ "connectwise": { "site": "x", } ');
    expect(settings).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^The file is not valid JSON \(.+\); nothing in it was used$/);
  });

  it('JSON that is not one object is refused as a whole', () => {
    for (const text of ['[]', '42', '"text"', 'null']) {
      const { settings, problems } = parseManagedSettings(text);
      expect(settings).toBeNull();
      expect(problems[0]!.message).toContain('must hold one JSON object');
    }
  });

  it('a byte-order mark (Notepad, PowerShell) is not a problem', () => {
    const { problems, settings } = parseManagedSettings('\uFEFF{ "team": { "pollSeconds": 30 } }');
    expect(problems).toEqual([]);
    expect(flatten(settings!).get('team.pollSeconds')).toBe(30);
  });

  it('a value of the wrong type is left out, naming the key and what it should be; the rest applies', () => {
    const { settings, problems } = parse({
      connectwise: { companyId: 'contoso', boardId: 'twelve', notifyContact: 'yes' },
      team: { pollSeconds: 30, boardIds: 12 },
      ai: { provider: 'chatgpt' },
    });
    expect(problemAt(problems, 'connectwise.boardId')).toBe(
      'should be a number, not "twelve"; it was ignored',
    );
    expect(problemAt(problems, 'connectwise.notifyContact')).toBe(
      'should be a boolean, not "yes"; it was ignored',
    );
    expect(problemAt(problems, 'team.boardIds')).toBe('should be a list, not number; it was ignored');
    expect(problemAt(problems, 'ai.provider')).toBe(
      'should be one of none, anthropic, openai-compatible; it was ignored',
    );
    const values = flatten(settings!);
    expect([...values.keys()]).toEqual(['connectwise.companyId', 'team.pollSeconds']);
  });

  it('a value Settings would refuse is refused with the same words', () => {
    const { problems } = parse({
      team: { pollSeconds: 1 },
      escalations: { ticketPrefix: 'a-very-long-prefix', overdueMinutes: { urgent: 0 } },
      connectwise: { clientId: 'not-a-guid' },
    });
    expect(problemAt(problems, 'team.pollSeconds')).toContain('At least every 5 seconds');
    expect(problemAt(problems, 'escalations.ticketPrefix')).toContain('Use 2–8 letters or digits');
    expect(problemAt(problems, 'escalations.overdueMinutes.urgent')).toContain('Urgent: at least 1 minute');
    expect(problemAt(problems, 'connectwise.clientId')).toContain('The clientId is the GUID');
  });

  it('unknown keys are named and ignored, at any depth', () => {
    const { settings, problems } = parse({
      conectwise: { site: 'api-na.myconnectwise.net' },
      team: { pollSeconds: 30, pollMinutes: 1 },
      roster: [{ name: 'Ada', email: 'ada@contoso.com', role: 'admin', phone: '555' }],
    });
    for (const key of ['conectwise', 'team.pollMinutes', 'roster[0].phone'])
      expect(problemAt(problems, key)).toMatch(/^is not a setting Baton knows/);
    expect(flatten(settings!).get('team.pollSeconds')).toBe(30);
    expect(settings!.roster).toHaveLength(1);
  });

  it('secrets are refused by their name, naming the key, and never kept', () => {
    const { settings, problems } = parse({
      connectwise: { site: 'api-na.myconnectwise.net', publicKey: 'abc', privateKey: 'def' },
      ai: { provider: 'anthropic', apiKey: 'whatever' },
      microsoft: { clientSecret: 'x' },
      password: 'hunter2',
    });
    for (const key of [
      'connectwise.publicKey',
      'connectwise.privateKey',
      'ai.apiKey',
      'microsoft.clientSecret',
      'password',
    ]) {
      expect(problemAt(problems, key)).toMatch(
        /^refused: ".+" is a secret\. Secrets are never read from this file/,
      );
    }
    expect(JSON.stringify(settings)).not.toMatch(/abc|def|whatever|hunter2/);
    expect(flatten(settings!).get('connectwise.site')).toBe('https://api-na.myconnectwise.net');
  });

  it('a webhook URL is refused as a secret; presence is a true/false', () => {
    const { settings, problems } = parse({
      webhooks: {
        teams: 'https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456',
        slack: true,
      },
    });
    expect(problemAt(problems, 'webhooks.teams')).toMatch(/^refused: a webhook URL is a secret/);
    expect(JSON.stringify(settings)).not.toContain('webhook.office.com');
    expect(flatten(settings!).get('webhooks.slack')).toBe(true);
  });

  it('a value that looks like a credential is refused wherever it is, naming the key', () => {
    const { settings, problems } = parse({
      ai: { provider: 'anthropic', model: 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789abcdefghij' },
      escalations: {
        expertContacts: {
          name: 'Dana',
          hours: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX',
        },
      },
    });
    expect(problemAt(problems, 'ai.model')).toMatch(/^refused: it looks like an? .*key/i);
    expect(problemAt(problems, 'escalations.expertContacts.hours')).toMatch(/^refused: it looks like/);
    expect(JSON.stringify(settings)).not.toMatch(/sk-ant|hooks\.slack/);
    expect(flatten(settings!).get('ai.provider')).toBe('anthropic');
  });

  it('addresses must be https (plain http only for this computer)', () => {
    const { settings, problems } = parse({
      ai: { baseUrl: 'http://ai.contoso.com/v1' },
      microsoft: {
        graphBaseUrl: 'ftp://graph.microsoft.com',
        authority: 'http://login.microsoftonline.com/x',
      },
      desktop: { updateFeedUrl: 'updates.contoso.com' },
      connectwise: { site: 'http://cw.contoso.com' },
    });
    expect(problemAt(problems, 'ai.baseUrl')).toContain('Use https://');
    expect(problemAt(problems, 'microsoft.graphBaseUrl')).toContain('must start with https://');
    expect(problemAt(problems, 'microsoft.authority')).toContain('must start with https://');
    expect(problemAt(problems, 'desktop.updateFeedUrl')).toContain('should be a full https:// address');
    expect(problemAt(problems, 'connectwise.site')).toContain('https');
    expect(flatten(settings!).size).toBe(0);
    // Loopback is fine (a local model server, tests' fakes).
    expect(parse({ ai: { baseUrl: 'http://127.0.0.1:11434/v1' } }).problems).toEqual([]);
  });

  it('a roster entry missing what it needs is left out; the other entries stay', () => {
    const { settings, problems } = parse({
      roster: [
        { name: 'Ada', email: 'ada@contoso.com', role: 'admin' },
        { name: 'No Email', role: 'engineer' },
        { name: 'Bad Role', email: 'bad@contoso.com', role: 'boss' },
        { name: 'Tom', email: 'TOM@Contoso.com', role: 'technician' },
      ],
    });
    expect(problemAt(problems, 'roster[1]')).toBe('is incomplete (email is missing); it was ignored');
    expect(problemAt(problems, 'roster[2].role')).toContain(
      'should be one of owner, admin, engineer, technician',
    );
    expect(settings!.roster!.map((p) => p.email)).toEqual(['ada@contoso.com', 'tom@contoso.com']);
  });

  it('a roster with the same email twice uses neither entry, and says so', () => {
    const { settings, problems } = parse({
      roster: [
        { name: 'Ada', email: 'ada@contoso.com', role: 'admin' },
        { name: 'Tom', email: 'tom@contoso.com', role: 'technician' },
        { name: 'Ada Again', email: 'ADA@contoso.com', role: 'technician' },
      ],
    });
    expect(problemAt(problems, 'roster[0].email')).toBe(
      'ada@contoso.com is listed more than once (roster[0], roster[2]); none of those entries is used',
    );
    expect(problemAt(problems, 'roster[2].email')).toBeDefined();
    expect(settings!.roster!.map((p) => p.name)).toEqual(['Tom']);
  });

  it('a ConnectWise member given to two people is dropped from both; they stay on the roster', () => {
    const { settings, problems } = parse({
      roster: [
        { name: 'Ada', email: 'ada@contoso.com', role: 'admin', connectwiseMember: 'shared' },
        { name: 'Sam', email: 'sam@contoso.com', role: 'engineer', connectwiseMember: 'SHARED' },
      ],
    });
    expect(problemAt(problems, 'roster[0].connectwiseMember')).toContain('given to more than one person');
    expect(settings!.roster!.map((p) => p.connectwiseMember)).toEqual([undefined, undefined]);
  });

  it('a roster left with nobody is no roster (the team is not locked out)', () => {
    const { settings, problems } = parse({
      roster: [
        { name: 'Ada', email: 'ada@contoso.com', role: 'admin' },
        { name: 'Ada', email: 'ada@contoso.com', role: 'admin' },
      ],
    });
    expect(settings!.roster).toBeUndefined();
    expect(problemAt(problems, 'roster')).toContain('has nobody Baton can use');
  });
});

describe('where the file is', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('BATON_SETTINGS_FILE first, else each OS’s machine-wide place', () => {
    expect(managedSettingsLocation({ BATON_SETTINGS_FILE: '/tmp/x.json' }, 'linux')).toEqual({
      file: '/tmp/x.json',
      source: 'env',
    });
    expect(managedSettingsLocation({}, 'linux').file).toBe('/etc/baton/managed.json');
    expect(managedSettingsLocation({}, 'darwin').file).toBe(
      '/Library/Application Support/Baton/managed.json',
    );
    expect(managedSettingsLocation({ ProgramData: 'D:\\ProgramData' }, 'win32').file).toBe(
      'D:\\ProgramData\\Baton\\managed.json',
    );
    expect(managedSettingsLocation({}, 'win32').file).toBe('C:\\ProgramData\\Baton\\managed.json');
  });

  it('an installed app reads the machine-wide file when there is one: a user’s variable cannot replace it', () => {
    const env = { BATON_SETTINGS_FILE: '/home/tom/mine.json' };
    const there = () => true;
    const absent = () => false;
    expect(managedSettingsLocation(env, 'linux', { machineFirst: true, exists: there })).toEqual({
      file: '/etc/baton/managed.json',
      source: 'os',
    });
    expect(managedSettingsLocation(env, 'linux', { machineFirst: true, exists: absent }).file).toBe(
      '/home/tom/mine.json',
    );
    // From source (development, the e2e suite) the variable comes first.
    expect(managedSettingsLocation(env, 'linux', { exists: there }).file).toBe('/home/tom/mine.json');
  });

  it('no file at the OS place: nothing is managed, and that is no problem', () => {
    const dir = tempDir();
    dirs.push(dir);
    const loaded = loadManagedSettings({ file: join(dir.path, 'managed.json'), source: 'os' });
    expect(loaded).toMatchObject({ state: 'none', settings: null, problems: [] });
  });

  it('BATON_SETTINGS_FILE naming a missing file, or a folder, is a problem said plainly', () => {
    const dir = tempDir();
    dirs.push(dir);
    const missing = loadManagedSettings({ file: join(dir.path, 'nope.json'), source: 'env' });
    expect(missing.state).toBe('unreadable');
    expect(missing.problems[0]!.message).toContain('there is no such file');
    mkdirSync(join(dir.path, 'folder.json'));
    const folder = loadManagedSettings({ file: join(dir.path, 'folder.json'), source: 'env' });
    expect(folder.problems[0]!.message).toContain('it is a folder');
  });

  it('reads and parses the file it finds', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'managed.json');
    writeFileSync(file, JSON.stringify({ team: { pollSeconds: 45 }, ai: { apiKey: 'x' } }));
    const loaded = loadManagedSettings({ file, source: 'env' });
    expect(loaded.state).toBe('read');
    expect(flatten(loaded.settings!).get('team.pollSeconds')).toBe(45);
    expect(loaded.problems.map((p) => p.key)).toEqual(['ai.apiKey']);
  });
});
