import type { AnthropicFake } from './fakes/ai/anthropic-fake';
import { DEFAULT_ANTHROPIC_KEY, startAnthropicFake } from './fakes/ai/anthropic-fake';
import type { BatonApp, LaunchOptions } from './fixtures/test';
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { QueuePage } from './pages/queue-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { SettingsPage } from './pages/settings-page';

let ai: AnthropicFake;
test.beforeEach(async () => {
  ai = await startAnthropicFake();
});
test.afterEach(async () => {
  await ai.close();
});

/** An admin sets up the assistant through Settings, then starts a session. */
async function adminWithAssistant(launchBaton: (o?: LaunchOptions) => Promise<BatonApp>, shoot?: string) {
  const app = await launchBaton();
  await new FirstRunPage(app.page).createProfile({
    name: 'Avery Admin',
    email: 'avery@example.com',
  });
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.fillAi({
    provider: 'Anthropic',
    baseUrl: ai.url,
    model: 'claude-sonnet-4-6',
    apiKey: DEFAULT_ANTHROPIC_KEY,
  });
  await settings.testConnection();
  await expect(settings.testResult()).toContainText('Connected to Anthropic');
  await settings.save();
  await expect(settings.storedKeyNote()).toBeVisible();
  if (shoot) await app.page.screenshot({ path: shoot });
  await new SessionsPage(app.page).newSession();
  return { app, session: new SessionPage(app.page) };
}

test('the reply streams in, its findings land in the panel, and the escalate call to action appears', async ({
  launchBaton,
}, testInfo) => {
  const project = testInfo.project.name;
  const { app, session } = await adminWithAssistant(launchBaton, screenshotPath(project, 'settings-ai'));
  ai.replyWith(
    [
      'That pattern usually means Outlook is not using **modern authentication**.',
      '',
      '1. Open `regedit`',
      '2. Check `HKCU\\Software\\Microsoft\\Office\\16.0\\Common\\Identity\\EnableADAL`',
      '[FACT] Prompts started after the M365 migration',
      '[STEP] Check EnableADAL | Value is 0 | Value is 1 | Missing',
      '[HYPOTHESIS] Modern authentication disabled',
      'If the key is missing we will need tenant admin rights.',
      '[ESCALATION_REQUESTED] Needs a tenant admin to review Conditional Access',
    ].join('\n'),
    { chunkSize: 6, chunkDelayMs: 25 },
  );

  // Nothing to say yet: no notices region in the way of Tab; it comes with the first notice.
  const notices = app.page.getByRole('region', { name: 'Notices' });
  await expect(session.composer()).toBeFocused();
  await expect(notices).toHaveCount(0);
  await session.send('Outlook keeps asking three users for their password since the M365 migration');
  await expect(session.streamingReplies()).toHaveCount(1);
  const reply = session.assistantMessage('modern authentication');
  await expect(reply).toContainText('we will need tenant admin rights');
  await expect(session.streamingReplies()).toHaveCount(0);
  await expect(reply).not.toContainText('[FACT]');
  await expect(reply).not.toContainText('ESCALATION_REQUESTED');
  await expect(reply.locator('code').first()).toHaveText('regedit');

  await expect(session.fact('Prompts started after the M365 migration')).toBeVisible();
  await expect(session.step('Check EnableADAL')).toBeVisible();
  await expect(session.branch('Modern authentication disabled')).toBeVisible();
  await expect(session.escalationBanner()).toContainText('Needs a tenant admin to review Conditional Access');
  await expect(notices).toContainText('Needs a tenant admin to review Conditional Access');
  await app.page.screenshot({ path: screenshotPath(project, 'chat-escalation-suggested') });

  await session.chooseOption('Check EnableADAL', 'Value is 0');
  await session.ruleOut('Modern authentication disabled', 'EnableADAL is 1 on the other laptops too');
  await expect(session.branchStatus('Modern authentication disabled')).toHaveText('Ruled out');
  await session.escalate();
  const handoff = new HandoffPage(app.page);
  await expect(handoff.reason()).toHaveValue('Needs a tenant admin to review Conditional Access');
  await handoff.submit().click();
  await expect(handoff.confirmationTitle()).toContainText('Escalated');
  await handoff.closeConfirmation().click();
  await expect(session.statusBadge()).toHaveText('Escalated');
  await app.page.screenshot({ path: screenshotPath(project, 'chat-panel') });
});

test('AI down: the message is kept, the reply waits for the AI (Baton stays online) and arrives when it answers', async ({
  launchBaton,
}, testInfo) => {
  const { app, session } = await adminWithAssistant(launchBaton);
  const statusBar = new QueuePage(app.page);
  ai.replyWith('Check the printer queue on the print server first.');
  await ai.server.goDown();
  await session.send('Nothing prints on floor 3');
  await expect(session.waitingForAi('Nothing prints on floor 3')).toBeVisible({ timeout: 10_000 });
  // A dead AI endpoint is the AI's own state, not "Offline".
  await expect(statusBar.aiState()).toContainText('AI unreachable');
  await expect(statusBar.connection()).toHaveText('Online');
  await app.page.screenshot({ path: screenshotPath(testInfo.project.name, 'chat-ai-unreachable') });
  await ai.server.comeBack();
  await expect(session.assistantMessage('Check the printer queue')).toBeVisible({ timeout: 40_000 });
  await expect(session.waitingForAi('Nothing prints on floor 3')).toHaveCount(0);
  await expect(statusBar.aiState()).toHaveCount(0);
});

test('secrets are withheld from the assistant, and the technician can see what was withheld', async ({
  launchBaton,
}) => {
  const { session } = await adminWithAssistant(launchBaton);
  await session.send(
    'SQL login fails for the app.\nServer=db01;Database=erp;User Id=erp_app;Password=Winter2026!Sales;',
  );
  await expect(session.withheldBadge('SQL login fails')).toContainText('1 secret withheld');
  await session.withheldBadge('SQL login fails').click();
  await expect(session.withheldItems('SQL login fails')).toHaveCount(1);
  await expect(session.withheldItems('SQL login fails')).not.toContainText('Winter2026!Sales');
  await expect(session.assistantMessage('Hello from the fake model')).toBeVisible();
  expect(ai.calls[0]!.promptText).not.toContain('Winter2026!Sales');
});

test('Ctrl+K searches sessions by what was said in them', async ({ launchBaton }, testInfo) => {
  const { app, session } = await adminWithAssistant(launchBaton);
  const sessions = new SessionsPage(app.page);
  await session.send('Scanner to email fails with SMTP auth error');
  await expect(session.assistantMessages()).toHaveCount(1);
  await sessions.newSession();
  await session.send('Teams camera not detected on the Surface');
  await expect(session.assistantMessages()).toHaveCount(1);

  await sessions.focusSearchWithShortcut();
  await sessions.search('smtp');
  await expect(sessions.results()).toHaveCount(1);
  await expect(sessions.snippetMarks('Scanner to email fails with SMTP auth error').first()).toHaveText(
    /smtp/i,
  );
  await app.page.screenshot({ path: screenshotPath(testInfo.project.name, 'search') });
  await sessions.openByKeyboard();
  await expect(session.title()).toHaveText('Scanner to email fails with SMTP auth error');
});

test('the assistant suggests a fix; the technician applies it and records the outcome', async ({
  launchBaton,
}, testInfo) => {
  const project = testInfo.project.name;
  const { app, session } = await adminWithAssistant(launchBaton);
  ai.replyWith(
    'A stuck spooler job is the usual cause.\n[FIX 85] Stop the spooler, clear C:\\Windows\\System32\\spool\\PRINTERS and start it again',
  );
  await session.send('Nothing prints from the accounting PCs since this morning');
  await expect(session.fixCard()).toContainText('85% confidence');
  await expect(session.fixCard()).toContainText('Stop the spooler');
  await expect(session.assistantMessage('stuck spooler')).not.toContainText('[FIX');
  await app.page.screenshot({ path: screenshotPath(project, 'fix-suggested') });

  await session.fixButton('Apply once').click();
  await expect(session.fixCard()).toContainText('Applied. Did it work?');
  await session.fixButton('Still pending…').click();
  await session.fixReason().fill('Waiting for accounting to try a print run');
  await session.fixButton('Save').click();
  await expect(session.fixOutcome()).toHaveText(/^Still pending: Waiting for accounting to try a print run/);
  await app.page.screenshot({ path: screenshotPath(project, 'fix-pending') });
  await session.fixButton('It worked now').click();
  await expect(session.fixOutcome()).toHaveText(/^It worked/);
});
