// The look of the whole workspace (issue 15): every main screen at 900×600 and 1280×820, in the light
// and the dark theme, screenshotted under e2e/screenshots/ and scanned by axe with no serious or
// critical finding.
import type { AnthropicFake } from './fakes/ai/anthropic-fake';
import { DEFAULT_ANTHROPIC_KEY, startAnthropicFake } from './fakes/ai/anthropic-fake';
import type { EchoFake } from './fakes/echo-fake';
import { startEchoFake } from './fakes/echo-fake';
import { expect, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { LookPage } from './pages/look-page';
import { NotePage } from './pages/note-page';
import { QueuePage } from './pages/queue-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { SettingsPage } from './pages/settings-page';
import { WorkspacePage } from './pages/workspace-page';

// Four screenshots and four scans per screen: minutes on a busy machine.
test.describe.configure({ timeout: 240_000 });

let ai: AnthropicFake;
test.beforeEach(async () => {
  ai = await startAnthropicFake();
});
test.afterEach(async () => {
  await ai.close();
});

const REPLY = [
  'Prompts after a tenant move usually mean Outlook still holds a token for the **old tenant**.',
  '',
  '1. Open Credential Manager and look for `MicrosoftOffice16_Data:ADAL` entries',
  '2. Check the identity key:',
  '',
  '```',
  'reg query HKCU\\Software\\Microsoft\\Office\\16.0\\Common\\Identity',
  '```',
  '[FACT] Prompts started after the M365 migration',
  '[STEP] Check the Identity key | EnableADAL is 0 | EnableADAL is 1 | Missing',
  '[HYPOTHESIS] Stale token for the old tenant',
  '[HYPOTHESIS] Conditional Access blocks legacy auth',
  '[ESCALATION_REQUESTED] Needs a tenant admin to review Conditional Access',
].join('\n');

test('first run, no sessions yet, and the sessions list searched', async ({ baton }, testInfo) => {
  const page = baton.page;
  const look = new LookPage(page, testInfo);
  const firstRun = new FirstRunPage(page);
  const sessions = new SessionsPage(page);
  const session = new SessionPage(page);

  await expect(firstRun.heading()).toBeVisible();
  await look.look('first-run');

  await firstRun.createProfile({ name: 'Terry Tech', email: 'terry@example.com' });
  await expect(sessions.emptyState()).toBeVisible();
  await look.look('sessions-empty');

  for (const note of [
    'Printer on floor 3 shows offline for everyone',
    'VPN drops every 20 minutes on the sales laptops',
    'New starter cannot open the shared finance folder over VPN',
  ]) {
    await sessions.newSession();
    await session.addNote(note);
    await expect(session.title()).toHaveText(note);
  }
  await sessions.search('VPN');
  await expect(sessions.results()).toHaveCount(2);
  await look.look('sessions-search');
  expect(look.report()).toBe('');
});

test('a session with its conversation and panel, then the handoff and note dialogs over it', async ({
  baton,
}, testInfo) => {
  const page = baton.page;
  const look = new LookPage(page, testInfo);
  const sessions = new SessionsPage(page);
  const session = new SessionPage(page);
  const settings = new SettingsPage(page);

  await new FirstRunPage(page).createProfile({ name: 'Avery Admin', email: 'avery@example.com' });
  await settings.open();
  await settings.fillAi({
    provider: 'Anthropic',
    baseUrl: ai.url,
    model: 'claude-sonnet-4-6',
    apiKey: DEFAULT_ANTHROPIC_KEY,
  });
  await settings.save();
  await expect(settings.storedKeyNote()).toBeVisible();

  ai.replyWith(REPLY);
  await sessions.newSession();
  await session.send('Outlook keeps asking three users for their password since the M365 migration');
  await expect(session.escalationBanner()).toBeVisible();
  await expect(session.branch('Stale token for the old tenant')).toBeVisible();
  await session.chooseOption('Check the Identity key', 'EnableADAL is 1');
  await session.addFact('Only users with a migrated mailbox are affected');
  await session.ruleOut('Conditional Access blocks legacy auth', 'Sign-in logs show modern auth succeeding');
  if ((await session.panelToggle().getAttribute('aria-expanded')) !== 'true')
    await session.panelToggle().click();
  await look.look('session');

  const handoff = new HandoffPage(page);
  await session.escalate();
  await expect(handoff.formTitle()).toBeVisible();
  await look.look('handoff-dialog');
  await handoff.cancel().click();

  const note = new NotePage(page);
  await note.resolveButton().click();
  // Nothing in the session says what fixed it: the editor opens on that section.
  await expect(note.needsWords()).toBeVisible();
  await look.look('note-dialog');
  await note.dialog().getByRole('button', { name: 'Cancel' }).click();
  expect(look.report()).toBe('');
});

test('the Handoffs queue and a claimed handoff’s briefing', async ({ baton }, testInfo) => {
  const page = baton.page;
  const look = new LookPage(page, testInfo);
  const handoff = new HandoffPage(page);
  const session = new SessionPage(page);

  // Ada set this computer up (its owner) and added Sam and Terry (adding a profile switches to it).
  await new FirstRunPage(page).createProfile({ name: 'Ada Admin', email: 'ada@example.com' });
  await handoff.addProfile({ name: 'Sam Senior', email: 'sam@example.com', role: 'Engineer' });
  await handoff.addProfile({ name: 'Terry Tech', email: 'terry@example.com', role: 'Technician' });
  const titles = [
    'Shared mailbox not appearing in Outlook for the finance team',
    'Scanner to email fails after the SMTP relay change',
  ];
  for (const [i, title] of titles.entries()) {
    await new SessionsPage(page).newSession();
    await session.send(title);
    await session.addFact(i === 0 ? 'Shared mailbox shows in OWA' : 'Relay answers 530 to the scanner');
    await handoff.handOffButton().click();
    await handoff.fill({
      intent: i === 0 ? 'Escalate to a senior' : 'Park for later',
      reason: i === 0 ? 'Needs Exchange admin rights' : 'Waiting for the client to send the relay login',
      priority: i === 0 ? 'High' : 'Low',
      notes: 'Finance closes the month today',
    });
    await handoff.submit().click();
    await expect(handoff.confirmationTitle()).toBeVisible();
    if (i === 0) await look.look('handoff-confirmation');
    await handoff.closeConfirmation().click();
  }

  await handoff.switchProfile('Sam Senior');
  await handoff.navItem().click();
  await expect(handoff.card(titles[0]!)).toBeVisible();
  await look.look('handoffs');

  await handoff.claimButton(titles[0]!).click();
  await expect(handoff.pickupHeading()).toBeVisible();
  await expect(handoff.briefingSection('Snapshot')).toBeVisible();
  await look.look('briefing');
  expect(look.report()).toBe('');
});

test('Settings and the Queue', async ({ launchBaton }, testInfo) => {
  const echo: EchoFake = await startEchoFake();
  try {
    const app = await launchBaton({ env: { BATON_DIAGNOSTIC_ECHO_URL: echo.server.url } });
    const page = app.page;
    const look = new LookPage(page, testInfo);
    const queue = new QueuePage(page);
    await new FirstRunPage(page).createProfile({ name: 'Avery Admin', email: 'avery@example.com' });
    const settings = new SettingsPage(page);
    await settings.open();
    await expect(settings.aiSection()).toBeVisible();
    await look.look('settings');
    // Further down: the examples computed from the settings (who an escalation email goes to, the
    // next ticket number, when a handoff is overdue).
    await settings.sectionLink('Escalations').click();
    await expect(settings.sectionLink('Escalations')).toHaveAttribute('aria-current', 'location');
    await expect(settings.escalationsSection()).toContainText(
      /The next ticket today would be BTN-\d{8}-0001/,
    );
    await settings.ticketPrefix().fill('acme');
    await expect(settings.escalationsSection()).toContainText(
      /The next ticket today would be ACME-\d{8}-0001/,
    );
    await expect(settings.recipientsExample()).toHaveText('If you escalated now, nobody would be emailed.');
    await settings.recipientsExtra().fill('helpdesk@example.com');
    await expect(settings.recipientsExample()).toHaveText(
      'If you escalated now, the email would go to helpdesk@example.com.',
    );
    await look.look('settings-escalations');
    await settings.sectionLink('Team escalations').click();
    await expect(settings.teamPollSeconds()).toHaveAccessibleDescription(
      'A senior hears of an escalation from another machine within 20 seconds; with nothing new that is 180 small requests an hour.',
    );
    await settings.teamPollSeconds().fill('60');
    await expect(settings.teamPollSeconds()).toHaveAccessibleDescription(
      /within 1 minute; .* 60 small requests an hour\.$/,
    );

    echo.server.inject({
      status: 400,
      body: { message: 'Echo endpoint rejected the note' },
      match: { method: 'POST' },
    });
    await new SessionsPage(page).newSession();
    // The examples were only tried out, never saved: leaving asks first.
    await expect(settings.leaveQuestion()).toContainText('not saved');
    await settings.leaveQuestion().getByRole('button', { name: 'Discard changes' }).click();
    await new SessionPage(page).addNote('Server room switch is beeping');
    await expect(queue.failedWarning()).toContainText('1 failed');
    await queue.failedWarning().click();
    await expect(queue.rows()).toHaveCount(1);
    await look.look('queue');
    expect(look.report()).toBe('');
  } finally {
    await echo.close();
  }
});

const LIGHT_BG = 'rgb(246, 247, 249)';
const DARK_BG = 'rgb(11, 18, 32)';

test('a technician reads Settings with one read-only notice, jumps to Appearance and picks Dark over a light OS: kept across a restart and dark from the first frame; System follows the OS live', async ({
  baton,
}, testInfo) => {
  const page = baton.page;
  const look = new LookPage(page, testInfo);
  const workspace = new WorkspacePage(page);
  const settings = new SettingsPage(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await workspace.recordFirstFrame();
  await new FirstRunPage(page).createProfile({ name: 'Olive Owner', email: 'olive@example.com' });
  await new HandoffPage(page).addProfile({
    name: 'Terry Tech',
    email: 'terry@example.com',
    role: 'Technician',
  });
  expect(await workspace.themeAttribute()).toBe('system');
  expect(await workspace.background()).toBe(LIGHT_BG);

  await settings.open();
  await expect(settings.readOnlyNote()).toHaveCount(1);
  await expect(settings.aiSection().getByRole('radio', { name: /^Anthropic/ })).toBeDisabled();
  await expect(settings.sectionLink('AI assistant')).toHaveAttribute('aria-current', 'location');
  await look.look('settings-read-only');

  await settings.sectionLink('Appearance').click();
  await expect(settings.appearanceSection().getByRole('heading', { name: 'Appearance' })).toBeFocused();
  await expect(settings.sectionLink('Appearance')).toHaveAttribute('aria-current', 'location');
  await expect(settings.theme('System')).toBeChecked();
  await expect(settings.theme('System')).toHaveAccessibleDescription(/\(light now\)/);

  await settings.theme('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await workspace.background()).toBe(DARK_BG);

  await baton.restart();
  // The OS is still light; the first frame is already dark (no light flash before the app loads).
  expect(await workspace.firstFrame()).toEqual({ theme: 'dark', background: DARK_BG });
  await settings.open();
  await settings.sectionLink('Appearance').click();
  await expect(settings.theme('Dark')).toBeChecked();

  await settings.theme('System').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await workspace.background()).toBe(LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => workspace.background()).toBe(DARK_BG);
  await expect(settings.theme('System')).toHaveAccessibleDescription(/\(dark now\)/);

  // Light over a dark OS.
  await settings.theme('Light').check();
  await expect.poll(() => workspace.background()).toBe(LIGHT_BG);
  expect(look.report()).toBe('');
});

test('at 900×600: the conversation keeps half the window, the panel closes from its own bar and never covers the header or a dialog, the sidebar collapses to a rail (button or Ctrl+B) and stays collapsed after a restart', async ({
  baton,
}, testInfo) => {
  const page = baton.page;
  await page.setViewportSize({ width: 900, height: 600 });
  const look = new LookPage(page, testInfo);
  const workspace = new WorkspacePage(page);
  const session = new SessionPage(page);
  const handoff = new HandoffPage(page);
  await new FirstRunPage(page).createProfile({ name: 'Terry Tech', email: 'terry@example.com' });
  await new SessionsPage(page).newSession();
  await session.addNote('Label printer in the warehouse prints blank pages since the driver update');
  await session.addNote('Tried a new ribbon and a test page from the printer itself: blank too');
  await session.addNote('I need a senior to look at the print server');
  // Two notices between the conversation and the composer: no assistant, and the escalation suggestion.
  await expect(session.escalationBanner()).toBeVisible();
  await expect(session.assistantUnavailable()).toBeVisible();
  const conversation = await session.conversation().boundingBox();
  expect(conversation!.height).toBeGreaterThanOrEqual(300);
  await expect(session.composer()).toBeInViewport();

  if ((await workspace.panelToggle().getAttribute('aria-expanded')) !== 'true')
    await workspace.panelToggle().click();
  await expect(workspace.panel()).toBeVisible();
  // The panel is over the chat here, under the header: its toggle stays in view and clickable.
  expect(await workspace.isOnTop(workspace.panelToggle())).toBe(true);
  expect(await workspace.isOnTop(session.title())).toBe(true);

  // A dialog opened with the panel showing sits above it.
  await handoff.handOffButton().click();
  await expect(handoff.formTitle()).toBeVisible();
  expect(await workspace.isOnTop(handoff.submit())).toBe(true);
  expect(await workspace.isOnTop(handoff.cancel())).toBe(true);
  await handoff.cancel().click();

  await workspace.panelClose().click();
  await expect(workspace.panel()).toBeHidden();
  await expect(workspace.panelToggle()).toBeFocused();
  await expect(workspace.panelToggle()).toHaveAttribute('aria-expanded', 'false');

  // The sidebar: collapse from its button, expand with the keyboard.
  const fullWidth = await workspace.sidebarWidth();
  await workspace.sidebarToggle().click();
  await expect(workspace.sidebarToggle()).toHaveAccessibleName('Expand sidebar');
  await expect(workspace.searchBox()).toHaveCount(0);
  expect(await workspace.sidebarWidth()).toBeLessThanOrEqual(64);
  await expect(workspace.viewButton(/^Handoffs\b/)).toBeVisible();
  await look.look('sidebar-collapsed');
  await page.setViewportSize({ width: 900, height: 600 });
  await page.keyboard.press('ControlOrMeta+b');
  await expect(workspace.sidebarToggle()).toHaveAccessibleName('Collapse sidebar');
  expect(await workspace.sidebarWidth()).toBe(fullWidth);
  await page.keyboard.press('ControlOrMeta+b');
  await expect(workspace.sidebarToggle()).toHaveAccessibleName('Expand sidebar');

  await baton.restart();
  await page.setViewportSize({ width: 900, height: 600 });
  await expect(workspace.sidebarToggle()).toHaveAccessibleName('Expand sidebar');
  expect(await workspace.sidebarWidth()).toBeLessThanOrEqual(64);
  // Ctrl/Cmd+K from the rail opens the sidebar on its search box.
  await page.keyboard.press('ControlOrMeta+k');
  await expect(workspace.searchBox()).toBeFocused();
  await expect(workspace.sidebarToggle()).toHaveAccessibleName('Collapse sidebar');
  expect(look.report()).toBe('');
});
