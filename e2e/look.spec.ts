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

// Four screenshots and four scans per screen.
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

test('first run, the sessions list, a session with its panel, the handoff and note dialogs', async ({
  baton,
}, testInfo) => {
  const page = baton.page;
  const look = new LookPage(page, testInfo);
  const firstRun = new FirstRunPage(page);
  const sessions = new SessionsPage(page);
  const session = new SessionPage(page);
  const settings = new SettingsPage(page);

  await expect(firstRun.heading()).toBeVisible();
  await look.look('first-run');

  await firstRun.createProfile({ name: 'Avery Admin', email: 'avery@example.com', role: 'admin' });
  await expect(sessions.emptyState()).toBeVisible();
  await look.look('sessions-empty');

  await settings.open();
  await settings.fillAi({
    provider: 'Anthropic',
    baseUrl: ai.url,
    model: 'claude-sonnet-4-6',
    apiKey: DEFAULT_ANTHROPIC_KEY,
  });
  await settings.save();
  await expect(settings.storedKeyNote()).toBeVisible();

  for (const note of [
    'Printer on floor 3 shows offline for everyone',
    'VPN drops every 20 minutes on the sales laptops',
  ]) {
    ai.replyWith('Noted. What changed recently on that network?');
    await sessions.newSession();
    await session.send(note);
    await expect(session.assistantMessage('What changed recently')).toBeVisible();
  }
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
  await expect(note.rendered()).toBeVisible();
  await look.look('note-dialog');
  await note.dialog().getByRole('button', { name: 'Cancel' }).click();

  await look.look('sessions-list-search', {});
  expect(look.report()).toBe('');
});

test('the Handoffs queue and a claimed handoff’s briefing', async ({ baton }, testInfo) => {
  const page = baton.page;
  const look = new LookPage(page, testInfo);
  const handoff = new HandoffPage(page);
  const session = new SessionPage(page);

  await new FirstRunPage(page).createProfile({
    name: 'Terry Tech',
    email: 'terry@example.com',
    role: 'technician',
  });
  await handoff.addProfile({ name: 'Sam Senior', email: 'sam@example.com', role: 'Engineer' });
  await handoff.switchProfile('Terry Tech');
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
  await handoff.analysisChoice().click();
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
    await new FirstRunPage(page).createProfile({
      name: 'Avery Admin',
      email: 'avery@example.com',
      role: 'admin',
    });
    const settings = new SettingsPage(page);
    await settings.open();
    await expect(settings.aiSection()).toBeVisible();
    await look.look('settings');

    echo.server.inject({
      status: 400,
      body: { message: 'Echo endpoint rejected the note' },
      match: { method: 'POST' },
    });
    await new SessionsPage(page).newSession();
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
