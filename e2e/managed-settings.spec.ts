// Issue 17: a laptop provisioned from one managed settings file (BATON_SETTINGS_FILE) shows the
// organization's values locked in Settings and reports what is wrong with the file; the team roster in it
// decides a new profile's role, and a technician cannot become an admin (not by adding a profile, not by
// switching to one).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures/test';
import { DesktopSettingsPage } from './pages/desktop-settings-page';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { MANAGED_BADGE, ManagedPage } from './pages/managed-page';
import { SettingsPage } from './pages/settings-page';

const ROSTER = [
  { name: 'Ada Admin', email: 'ada@contoso.example', role: 'admin', connectwiseMember: 'aadmin' },
  { name: 'Sam Senior', email: 'sam@contoso.example', role: 'engineer', connectwiseMember: 'ssenior' },
  { name: 'Tom Tech', email: 'tom@contoso.example', role: 'technician' },
];

const MANAGED = {
  $schema: './managed-settings.schema.json',
  connectwise: {
    site: 'cw.contoso.example',
    companyId: 'contoso',
    clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    notifyContact: false,
  },
  team: { pollSeconds: 45 },
  ai: {
    provider: 'openai-compatible',
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'llama3.1',
    apiKey: 'sk-pasted',
  },
  webhooks: { teams: true, slack: false },
  escalations: { ticketPrefix: 'CON', overdueMinutes: { urgent: 10 } },
  desktop: { startAtLogin: true, updateFeedUrl: 'https://updates.contoso.example/baton/' },
  roster: ROSTER,
};

let dir: string;
let file: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baton-e2e-managed-'));
  file = join(dir, 'managed.json');
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writeManaged = (content: unknown) => writeFileSync(file, JSON.stringify(content, null, 2));

async function shoot(page: Page, project: string, name: string, scrollTo: () => Promise<void>) {
  for (const [width, height] of [
    [1280, 820],
    [900, 600],
  ] as const) {
    await page.setViewportSize({ width, height });
    await scrollTo();
    await page.screenshot({
      path: screenshotPath(project, `${name}-${width}`),
      style: '[data-sonner-toaster] { display: none !important; }',
    });
  }
}

test('a laptop started with a managed file shows the managed values locked; the rest stay editable', async ({
  launchBaton,
}, testInfo) => {
  const project = testInfo.project.name;
  writeManaged(MANAGED);
  const baton = await launchBaton({ env: { BATON_SETTINGS_FILE: file } });
  const page = baton.page;
  const settings = new SettingsPage(page);
  const managed = new ManagedPage(page);
  const desktop = new DesktopSettingsPage(page);

  // The roster decides Ada's role: admin, not the first profile's "owner".
  await expect(page.getByText("Your organization's team roster decides your role")).toBeVisible();
  await new FirstRunPage(page).createProfile({ name: 'Ada Admin', email: 'ada@contoso.example' });
  await expect(new HandoffPage(page).profileButton()).toHaveAccessibleName('Profile: Ada Admin, admin');

  await settings.open();
  // The file, and what is wrong with it in plain words (the pasted API key was refused, naming the key).
  await expect(managed.fileNote()).toContainText(`Set by your organization in ${file}`);
  await expect(managed.problem('ai.apiKey')).toContainText('refused: "apiKey" is a secret');
  await expect(managed.managedSection()).not.toContainText('sk-pasted');

  // Managed values: shown, locked, badged. Values the file leaves alone stay editable.
  await expect(settings.baseUrl()).toHaveValue('http://127.0.0.1:9/v1');
  await expect(settings.baseUrl()).toBeDisabled();
  await expect(settings.model()).toBeDisabled();
  await expect(settings.provider('OpenAI-compatible')).toBeChecked();
  await expect(settings.provider('Anthropic')).toBeDisabled();
  await expect(managed.badgesIn('AI assistant')).toHaveCount(3);
  await expect(settings.cwSite()).toHaveValue('https://cw.contoso.example');
  await expect(settings.cwSite()).toBeDisabled();
  await expect(settings.cwClientId()).toBeDisabled();
  await expect(settings.cwCodebase()).toBeEnabled();
  // Before the API keys are entered there is no live board to show: what the file set is said.
  await expect(settings.cwStatuses()).toContainText('ConnectWise does not email the contact on resolution');
  await expect(settings.teamPollSeconds()).toHaveValue('45');
  await expect(settings.teamPollSeconds()).toBeDisabled();
  await expect(settings.ticketPrefix()).toHaveValue('CON');
  await expect(settings.ticketPrefix()).toBeDisabled();
  await expect(settings.overdueMinutes('Urgent')).toBeDisabled();
  await expect(settings.overdueMinutes('High')).toBeEnabled();
  await expect(settings.expertField('Name')).toBeEnabled();
  await expect(settings.webhookChannel('Slack')).toContainText('switched off by your organization');
  await expect(settings.webhookChannel('Microsoft Teams')).toContainText(
    'Your organization requires a Microsoft Teams webhook',
  );
  await expect(desktop.startAtLogin()).toBeChecked();
  await expect(desktop.startAtLogin()).toBeDisabled();
  await expect(desktop.feed()).toBeDisabled();

  await shoot(page, project, 'settings-managed', () => managed.managedSection().scrollIntoViewIfNeeded());
  await shoot(page, project, 'settings-managed-escalations', () =>
    settings.escalationsSection().scrollIntoViewIfNeeded(),
  );
  await page.setViewportSize({ width: 1280, height: 800 });

  // What the file does not set is saved as usual.
  await settings.expertField('Name').fill('Dana Expert');
  await settings.overdueMinutes('High').fill('30');
  await settings.escalationsSaveButton().click();
  await expect(settings.escalationsSaveButton()).toBeDisabled();
  await expect(settings.ticketPrefix()).toHaveValue('CON');

  // A renderer that skipped the UI is refused by main, naming the setting and the file.
  const refused = await managed.callMain('settings:handoffs-save', {
    ticketPrefix: 'HACK',
    expertContacts: null,
    overdueMinutes: { urgent: 10, high: 30, medium: 240, low: 1440 },
  });
  expect(refused).toMatchObject({
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: `Support ticket prefix is managed by your organization (${file}) and cannot be changed here`,
    },
  });

  // Settings → People: the roster, where it comes from, who claims as which ConnectWise member.
  await expect(managed.peopleSection()).toContainText(`From your organization's team roster in ${file}`);
  await expect(managed.person('ada@contoso.example')).toContainText('Admin');
  await expect(managed.person('ada@contoso.example')).toContainText('You');
  await expect(managed.person('ada@contoso.example')).toContainText('aadmin');
  await expect(managed.person('ada@contoso.example')).toContainText('from the roster');
  await expect(managed.person('tom@contoso.example')).toContainText('No profile yet');
  await shoot(page, project, 'settings-people', () => managed.peopleSection().scrollIntoViewIfNeeded());

  // The badge is the same everywhere it appears.
  await expect(page.getByText(MANAGED_BADGE).first()).toBeVisible();
});

test('a roster decides a new profile’s role; a technician cannot become an admin by adding or switching', async ({
  launchBaton,
}, testInfo) => {
  const project = testInfo.project.name;
  // Before the organization's roster: an empty managed file, the local rules.
  writeManaged({});
  const baton = await launchBaton({ env: { BATON_SETTINGS_FILE: file } });
  const page = baton.page;
  const profiles = new HandoffPage(page);
  const managed = new ManagedPage(page);

  await new FirstRunPage(page).createProfile({ name: 'Pat Owner', email: 'pat@contoso.example' });
  await expect(profiles.profileButton()).toHaveAccessibleName('Profile: Pat Owner, owner');
  // Pat makes Tom an admin and switches to him (allowed without a roster).
  await profiles.addProfile({ name: 'Tom Tech', email: 'tom@contoso.example', role: 'Admin' });
  await expect(profiles.profileButton()).toHaveAccessibleName('Profile: Tom Tech, admin');
  const users = await managed.callMain<{ id: string; email: string }[]>('users:list');
  const pat = users.ok ? users.value.find((u) => u.email === 'pat@contoso.example')! : null;
  expect(pat).not.toBeNull();

  // The roster arrives (an RMM push); it applies at the next start.
  writeManaged({ roster: ROSTER });
  await baton.restart();

  // The roster decides: Tom is a technician now; Pat is not on it and cannot be used here.
  await expect(profiles.profileButton()).toHaveAccessibleName('Profile: Tom Tech, technician');
  await profiles.profileButton().click();
  await expect(profiles.addProfileItem()).toBeVisible();
  await expect(profiles.switchTo('Pat Owner')).toHaveCount(0);
  await page.keyboard.press('Escape');
  expect(await managed.callMain('profile:switch', { id: pat!.id })).toMatchObject({
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: `Pat Owner (pat@contoso.example) is not on your organization's team roster (${file}), so this profile cannot be used here`,
    },
  });

  // Adding a profile: no role to pick; the roster's role must be one a technician may grant.
  await profiles.profileButton().click();
  await profiles.addProfileItem().click();
  const dialog = profiles.addProfileDialog();
  await expect(dialog.getByRole('note')).toContainText(
    "Their role comes from your organization's team roster",
  );
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Ada Admin');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('ada@contoso.example');
  await dialog.getByRole('button', { name: 'Add and switch' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The team roster makes ada@contoso.example an admin: only an owner or admin can add that profile',
  );
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.screenshot({ path: screenshotPath(project, 'add-profile-roster-refused-1280') });
  await dialog.getByRole('textbox', { name: 'Email' }).fill('mallory@contoso.example');
  await dialog.getByRole('button', { name: 'Add and switch' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    "mallory@contoso.example is not on your organization's team roster",
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Asking main directly for an admin with a technician's role changes nothing either.
  expect(
    await managed.callMain('profile:add', { name: 'Ada', email: 'ada@contoso.example', role: 'technician' }),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await expect(profiles.profileButton()).toHaveAccessibleName('Profile: Tom Tech, technician');

  // People shows Pat as set aside, Tom as a technician.
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(managed.person('pat@contoso.example')).toContainText('Not on the roster: cannot be used');
  await expect(managed.person('tom@contoso.example')).toContainText('Technician');
  await expect(settings.readOnlyNote()).toBeVisible();
});

test('the profile in use, not on the roster, opens on the first-run screen; the roster sets the new profile’s role', async ({
  launchBaton,
}) => {
  writeManaged({});
  const baton = await launchBaton({ env: { BATON_SETTINGS_FILE: file } });
  const page = baton.page;
  await new FirstRunPage(page).createProfile({ name: 'Pat Owner', email: 'pat@contoso.example' });
  writeManaged({ roster: ROSTER });
  await baton.restart();

  const firstRun = new FirstRunPage(page);
  await expect(firstRun.heading()).toBeVisible();
  await expect(page.getByRole('note')).toContainText(
    "Pat Owner's profile (pat@contoso.example) is not on your organization's team roster",
  );
  await firstRun.createProfile({ name: 'Sam', email: 'sam@contoso.example' });
  await expect(new HandoffPage(page).profileButton()).toHaveAccessibleName('Profile: Sam, engineer');
});
