// The technician's "My handoffs" (issue 15): what I escalated or parked and who picked it up, told
// live and by the bell; looked at in both window sizes and themes with an axe scan.
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { LookPage } from './pages/look-page';
import { MyHandoffsPage } from './pages/my-handoffs-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

const ESCALATED = 'Shared mailbox not appearing in Outlook for the finance team';
const PARKED = 'Scanner to email fails after the SMTP relay change';
// Long enough to wrap at 900×600, with an unbroken path that must not push the card sideways.
const LONG_REASON =
  'Needs Exchange admin rights to re-grant FullAccess; the automapping flag lives under ' +
  '\\\\fileserver01\\it-share\\exchange\\mailbox-permissions\\finance-shared-mailbox-automapping-export.csv';

test('a technician follows what they handed off: both wait, a senior picks one up, My handoffs and the bell say who', async ({
  launchBaton,
}, testInfo) => {
  const app = await launchBaton();
  const page = app.page;
  const handoff = new HandoffPage(page);
  const mine = new MyHandoffsPage(page);
  const session = new SessionPage(page);
  const sessions = new SessionsPage(page);

  // Ada set this computer up (its owner) and added Sam and Terry (adding a profile switches to it).
  await new FirstRunPage(page).createProfile({ name: 'Ada Admin', email: 'ada@example.com' });
  await handoff.addProfile({ name: 'Sam Senior', email: 'sam@example.com', role: 'Engineer' });
  await handoff.addProfile({ name: 'Terry Tech', email: 'terry@example.com', role: 'Technician' });
  await expect(handoff.profileButton()).toHaveAccessibleName(/^Profile: Terry Tech,/);

  // A technician's Handoffs screen opens on their own handoffs; nothing yet.
  await handoff.navItem().click();
  await expect(mine.mineTab()).toHaveAttribute('aria-selected', 'true');
  await expect(mine.emptyState()).toBeVisible();
  const look = new LookPage(page, testInfo);
  await look.dismissToasts();
  await page.screenshot({ path: screenshotPath(testInfo.project.name, 'my-handoffs-empty') });

  for (const [title, intent] of [
    [ESCALATED, 'escalate'],
    [PARKED, 'park'],
  ] as const) {
    await sessions.newSession();
    await session.send(title);
    await handoff.handOffButton().click();
    await handoff.fill(
      intent === 'escalate'
        ? {
            intent: 'Escalate to a senior',
            reason: LONG_REASON,
            priority: 'High',
            target: 'Sam Senior (engineer)',
          }
        : {
            intent: 'Park for later',
            reason: 'Waiting for the client to send the relay login',
            priority: 'Low',
          },
    );
    await handoff.submit().click();
    await expect(handoff.confirmationTitle()).toBeVisible();
    await handoff.closeConfirmation().click();
  }

  await handoff.navItem().click();
  await expect(mine.items()).toHaveCount(2);
  // Newest first; both wait, with their ticket numbers and who the escalation was aimed at.
  await expect(mine.items().locator('.handoff-card-title')).toHaveText([PARKED, ESCALATED]);
  await expect(mine.intent(ESCALATED)).toHaveText('Escalated');
  await expect(mine.intent(PARKED)).toHaveText('Parked');
  await expect(mine.state(ESCALATED)).toHaveText(/^Waiting for a senior since \d{1,2}:\d{2}/);
  await expect(mine.state(PARKED)).toHaveText(/^Waiting for a senior since \d{1,2}:\d{2}/);
  await expect(mine.item(ESCALATED)).toContainText('for Sam Senior');
  await expect(mine.ticketNumber(ESCALATED)).toHaveText(/^BTN-\d{8}-0001$/);
  await expect(mine.ticketNumber(PARKED)).toHaveText(/^BTN-\d{8}-0002$/);
  await look.dismissToasts();
  await page.screenshot({ path: screenshotPath(testInfo.project.name, 'my-handoffs-waiting') });

  // The tabs answer the keyboard (arrows move and show); a technician's queue says who it is for.
  await mine.mineTab().focus();
  await page.keyboard.press('ArrowLeft');
  await expect(mine.queueTab()).toBeFocused();
  await expect(mine.queueTab()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/^Only seniors pick up handoffs from this queue\./)).toBeVisible();
  await expect(handoff.checkConnectWiseButton()).toHaveCount(0);
  await page.screenshot({ path: screenshotPath(testInfo.project.name, 'my-handoffs-technician-queue') });
  await page.keyboard.press('End');
  await expect(mine.mineTab()).toHaveAttribute('aria-selected', 'true');
  await expect(mine.items()).toHaveCount(2);

  // Sam, a senior on this same computer, starts on the queue and picks up the escalation.
  await handoff.switchProfile('Sam Senior');
  await handoff.navItem().click();
  await expect(mine.queueTab()).toHaveAttribute('aria-selected', 'true');
  await handoff.claimButton(ESCALATED).click();
  await expect(handoff.pickupHeading()).toContainText(ESCALATED);

  // Back as Terry: the bell has the notice, My handoffs says who has it.
  await handoff.switchProfile('Terry Tech');
  await expect(sessions.bellButton()).toHaveAccessibleName('Notifications, 1 unread');
  await sessions.bellButton().click();
  await expect(sessions.bellItem('Sam Senior picked up your escalation')).toBeVisible();
  await sessions.bellButton().click();
  await handoff.navItem().click();
  await expect(mine.state(ESCALATED)).toHaveText('Picked up by Sam Senior just now');
  await expect(mine.state(PARKED)).toHaveText(/^Waiting for a senior since /);

  // Sam, now on another workstation on the same store, takes the parked one over while Terry
  // watches: the row changes without a reload.
  const second = await launchBaton({ dataDir: app.dataDir });
  const sam = new HandoffPage(second.page);
  await sam.switchProfile('Sam Senior');
  await sam.navItem().click();
  await sam.claimButton(PARKED).click();
  await expect(sam.pickupHeading()).toContainText(PARKED);
  await expect(mine.state(PARKED)).toHaveText('Picked up by Sam Senior just now');
  await second.stop();

  // A long reason wraps inside its card at the smallest window; then the look in both sizes and themes.
  await look.emulate({ width: 900, height: 600 }, 'light');
  expect(await mine.horizontalOverflow(ESCALATED)).toBe(0);
  await expect(mine.reason(ESCALATED)).toContainText('finance-shared-mailbox-automapping-export.csv');
  await look.look('my-handoffs');
  expect(look.report()).toBe('');

  // The title opens the session.
  await mine.openButton(ESCALATED).click();
  await expect(session.title()).toHaveText(ESCALATED);
});
