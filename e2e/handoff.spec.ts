import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

test('a technician escalates; a senior sees the card, claims it and reads the briefing; a second senior is told who won', async ({
  launchBaton,
}, testInfo) => {
  const project = testInfo.project.name;
  const app = await launchBaton();
  const page = app.page;
  const handoff = new HandoffPage(page);
  const session = new SessionPage(page);

  await new FirstRunPage(page).createProfile({
    name: 'Terry Tech',
    email: 'terry@example.com',
    role: 'technician',
  });
  await handoff.addProfile({ name: 'Sam Senior', email: 'sam@example.com', role: 'Engineer' });
  await handoff.addProfile({ name: 'Ada Admin', email: 'ada@example.com', role: 'Admin' });
  await handoff.switchProfile('Terry Tech');

  await new SessionsPage(page).newSession();
  await session.send('Shared mailbox not appearing in Outlook for the finance team');
  await session.addFact('Shared mailbox shows in OWA');

  await handoff.handOffButton().click();
  await handoff.fill({
    intent: 'Escalate to a senior',
    reason: 'Needs Exchange admin rights',
    priority: 'High',
    notes: 'Finance closes the month today',
  });
  await handoff.submit().click();
  await expect(handoff.confirmationTitle()).toContainText(/Escalated — ticket BTN-\d{8}-0001/);
  // Nothing is set up on this machine: every channel says why it was skipped.
  await expect(handoff.notificationLines()).toHaveText([
    /^Microsoft Teams — skipped: no Microsoft Teams webhook is configured/,
    /^Slack — skipped: no Slack webhook is configured/,
    /^Email — skipped: Microsoft 365 is not set up in Settings/,
  ]);
  await page.screenshot({ path: screenshotPath(project, 'handoff-confirmation') });
  await handoff.closeConfirmation().click();
  await expect(session.statusBadge()).toHaveText('Escalated');

  // A second workstation on the same store, where Ada is signed in.
  const second = await launchBaton({ dataDir: app.dataDir });
  const ada = new HandoffPage(second.page);
  await ada.switchProfile('Ada Admin');
  await ada.navItem().click();
  await expect(ada.card('Shared mailbox not appearing in Outlook for the finance team')).toBeVisible();

  // Sam, on the first workstation, is told by the bell, sees the card in his queue and claims it first.
  await handoff.switchProfile('Sam Senior');
  const sessions = new SessionsPage(page);
  await expect(sessions.bellButton()).toHaveAccessibleName('Notifications, 1 unread');
  await sessions.bellButton().click();
  await expect(sessions.bellItem(/^New escalation: Shared mailbox/)).toBeVisible();
  await page.screenshot({ path: screenshotPath(project, 'bell') });
  await sessions.bellButton().click();
  await handoff.navItem().click();
  const title = 'Shared mailbox not appearing in Outlook for the finance team';
  await expect(handoff.card(title)).toBeVisible();
  await expect(handoff.unreadDot(title)).toBeVisible();
  await page.screenshot({ path: screenshotPath(project, 'handoff-queue') });
  await handoff.claimButton(title).click();
  await expect(handoff.pickupHeading()).toContainText(title);
  await handoff.analysisChoice().click();
  await expect(handoff.briefingSection('Snapshot')).toBeVisible();
  await expect(handoff.briefingSection('Engineer notes')).toContainText('Finance closes the month today');
  await expect(handoff.briefingSection('AI assessment')).toContainText('Shared mailbox shows in OWA');
  await page.screenshot({ path: screenshotPath(project, 'handoff-briefing'), fullPage: true });

  // Ada was a moment too late.
  await ada.claimButton(title).click();
  await expect(ada.toast(/^Already claimed by Sam Senior .* ago$/)).toBeVisible();
  await expect(ada.card(title)).toHaveCount(0);
  await second.page.screenshot({ path: screenshotPath(project, 'handoff-already-claimed') });

  await handoff.continueChoice().click();
  await expect(session.statusBadge()).toHaveText('Active');
});
