import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

test('a technician escalates; seniors see the card live, two claim at once: one reads the briefing, the other is told who won', async ({
  launchBaton,
}, testInfo) => {
  const project = testInfo.project.name;
  const app = await launchBaton();
  const page = app.page;
  const handoff = new HandoffPage(page);
  const session = new SessionPage(page);

  // Ada set this computer up (its owner) and added Sam and Terry (adding a profile switches to it).
  await new FirstRunPage(page).createProfile({ name: 'Ada Admin', email: 'ada@example.com' });
  await handoff.addProfile({ name: 'Sam Senior', email: 'sam@example.com', role: 'Engineer' });
  await handoff.addProfile({ name: 'Terry Tech', email: 'terry@example.com', role: 'Technician' });
  await expect(handoff.profileButton()).toHaveAccessibleName(/^Profile: Terry Tech,/);

  // A second workstation on the same store, where Ada has the queue open before anything happens.
  const second = await launchBaton({ dataDir: app.dataDir });
  const ada = new HandoffPage(second.page);
  await ada.switchProfile('Ada Admin');
  await ada.navItem().click();
  await expect(ada.emptyState()).toBeVisible();

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

  // Ada's queue shows the card without a reload (the other process wrote it to the shared store).
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

  // Sam and Ada (on the other workstation) claim at the same moment: exactly one wins, the other is told who.
  await expect(ada.card(title)).toBeVisible();
  await Promise.all([handoff.claimButton(title).click(), ada.claimButton(title).click()]);
  // Each page ends on the pick-up screen or on the toast: wait for both to settle, then see who won.
  const settled = async (h: HandoffPage) =>
    expect(h.pickupHeading().or(h.toast(/^Already claimed by /))).toBeVisible();
  await Promise.all([settled(handoff), settled(ada)]);
  const samWon = await handoff.pickupHeading().isVisible();
  const [winner, loser, winnerName] = samWon ? [handoff, ada, 'Sam Senior'] : [ada, handoff, 'Ada Admin'];
  const [winnerPage, loserPage] = samWon ? [page, second.page] : [second.page, page];
  await expect(loser.toast(new RegExp(`^Already claimed by ${winnerName} (just now|.* ago)$`))).toBeVisible();
  await expect(loser.card(title)).toHaveCount(0);
  await loserPage.screenshot({ path: screenshotPath(project, 'handoff-already-claimed') });

  // The winner's session opens on the handoff: who, why, priority, the package and the assessment.
  await expect(winner.pickupHeading()).toContainText(title);
  await expect(winner.briefingSection('Snapshot')).toBeVisible();
  await expect(winner.briefingSection('Engineer notes')).toContainText('Finance closes the month today');
  await expect(winner.briefingSection('AI assessment')).toContainText('Shared mailbox shows in OWA');
  await winnerPage.screenshot({ path: screenshotPath(project, 'handoff-briefing'), fullPage: true });

  // The conversation follows under the briefing, in the same session.
  const winnerSession = new SessionPage(winnerPage);
  await expect(winnerSession.statusBadge()).toHaveText('Active');
  await expect(winnerSession.messages().first()).toContainText('Shared mailbox not appearing');
  await winner.hideBriefing().click();
  await expect(winner.pickupHeading()).toHaveCount(0);
});
