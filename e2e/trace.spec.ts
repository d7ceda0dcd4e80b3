// Issue 15 item 1 and 3: the handoff lives in the session. The header chip and the timeline tell the
// technician and the senior where the handoff stands; the senior's session opens on the briefing.
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { NotePage } from './pages/note-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

const PROBLEM =
  'Payroll export to the bank portal fails with a TLS handshake error on the finance PC since this morning, only for the ACH file and never for the PDF reports, even after a restart';

test('the handoff in the session: a chip with the ticket number, the timeline on both sides, the senior opens on the briefing, the posted note read again', async ({
  baton,
}, testInfo) => {
  const project = testInfo.project.name;
  const page = baton.page;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const handoff = new HandoffPage(page);
  const session = new SessionPage(page);
  const sessions = new SessionsPage(page);
  const note = new NotePage(page);

  await new FirstRunPage(page).createProfile({ name: 'Ada Admin', email: 'ada@example.com' });
  await handoff.addProfile({ name: 'Sam Senior', email: 'sam@example.com', role: 'Engineer' });
  await handoff.addProfile({ name: 'Terry Tech', email: 'terry@example.com', role: 'Technician' });

  await sessions.newSession();
  await session.send(PROBLEM);
  // The title is cut from the first message; the whole statement stays as its tooltip.
  await expect(session.title()).toHaveAttribute('title', PROBLEM);
  await session.renameButton().click();
  await session.titleInput().fill('   ');
  await session.titleInput().press('Enter');
  await expect(session.header().getByRole('alert')).toHaveText('Give the session a title');
  await session.titleInput().fill('Payroll ACH export: TLS handshake fails');
  await session.titleInput().press('Enter');
  await expect(session.title()).toHaveText('Payroll ACH export: TLS handshake fails');
  await expect(session.title()).toHaveAttribute('title', PROBLEM);
  await expect(sessions.option('Payroll ACH export: TLS handshake fails')).toBeVisible();
  await expect(session.handoffChip()).toHaveCount(0);

  await handoff.handOffButton().click();
  await handoff.fill({
    intent: 'Escalate to a senior',
    reason: 'Needs the firewall admin',
    priority: 'High',
    notes: 'The bank rotated its certificate last night',
  });
  await handoff.submit().click();
  await expect(handoff.confirmationTitle()).toContainText(/ticket BTN-\d{8}-0001/);
  await handoff.closeConfirmation().click();

  // The technician sees where it stands, with the number to give the customer.
  await expect(session.handoffState()).toContainText(/Waiting for a senior since \d{1,2}:\d{2}.* · High/);
  await expect(session.handoffTicket()).toHaveText(/^BTN-\d{8}-0001$/);
  const ticket = (await session.handoffTicket().innerText()).trim();
  await session.copyTicketNumber().click();
  await expect(session.toast(`Copied ${ticket}`)).toBeVisible();
  expect(
    await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    ),
  ).toBe(ticket);
  await expect(session.traceEvent('Terry Tech escalated this to a senior')).toContainText(
    'Needs the firewall admin',
  );
  await expect(session.traceEvent('Terry Tech escalated this to a senior')).toContainText(ticket);
  await page.screenshot({ path: screenshotPath(project, 'trace-waiting') });
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: screenshotPath(project, 'trace-waiting-900') });
  await page.setViewportSize({ width: 1280, height: 820 });

  // Search finds the session by its support ticket number.
  await sessions.search(ticket);
  await expect(sessions.result('Payroll ACH export')).toBeVisible();
  await sessions.clearSearch();

  // Sam claims it: the session opens on the handoff, the conversation below.
  await handoff.switchProfile('Sam Senior');
  await handoff.navItem().click();
  await handoff.claimButton('Payroll ACH export: TLS handshake fails').click();
  await expect(handoff.pickupHeading()).toContainText('Payroll ACH export');
  await expect(handoff.pickupHeading()).toBeFocused();
  await expect(page.locator('.pickup-brief')).toContainText('Escalated by Terry Tech');
  await expect(page.locator('.pickup-brief')).toContainText('Needs the firewall admin');
  await expect(handoff.briefingSection('Engineer notes')).toContainText('The bank rotated its certificate');
  await expect(handoff.briefingSection('AI assessment')).toBeVisible();
  await expect(session.messages().first()).toContainText('Payroll export to the bank portal');
  await expect(session.handoffState()).toContainText('Picked up by Sam Senior');
  await page.screenshot({ path: screenshotPath(project, 'trace-senior-briefing') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: screenshotPath(project, 'trace-senior-briefing-900-dark') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 820 });
  // The briefing never scrolls sideways, whatever the window.
  const sideways = await page
    .locator('.pickup-brief')
    .evaluate(
      (el) =>
        (el as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth -
        (el as unknown as { scrollWidth: number; clientWidth: number }).clientWidth,
    );
  expect(sideways).toBeLessThanOrEqual(1);
  await handoff.hideBriefing().click();
  await expect(handoff.briefingHeading()).toHaveCount(0);
  await expect(session.traceEvent('Sam Senior picked this up')).toBeVisible();
  // A senior can read the briefing again from the timeline.
  await session.traceEvent('escalated this').getByRole('button', { name: 'Read the briefing' }).click();
  await expect(handoff.briefingHeading()).toHaveText(/^Briefing: “Payroll ACH export/);
  await handoff.hideBriefing().click();

  // Sam resolves it; the posted note can be read again from the chip.
  await session.send('The firewall inspected TLS to the bank; added an exception for the bank portal.');
  await note.resolveButton().click();
  // The offline drafter finds no root cause in what was said: the editor asks for it in Sam's words.
  await expect(note.needsWords()).toBeVisible();
  await note.fillGaps('Added a TLS inspection exception.');
  await expect(note.confirmButton()).toBeEnabled();
  await note.confirmButton().click();
  await expect(session.statusBadge()).toHaveText('Resolved');
  await expect(session.handoffState()).toContainText('Resolved');
  await expect(session.handoffState()).toContainText('kept in Baton');
  await session.viewPostedNote().click();
  await expect(session.postedNote()).toContainText('TLS');
  await page.screenshot({ path: screenshotPath(project, 'trace-posted-note') });
  await session.postedNote().getByRole('button', { name: 'Close' }).click();

  // Terry reads the whole story in the session.
  await handoff.switchProfile('Terry Tech');
  await sessions.openSession('Payroll ACH export: TLS handshake fails');
  await expect(session.handoffState()).toContainText('Resolved');
  await expect(session.traceEvents()).toHaveText([
    /Terry Tech escalated this to a senior/,
    /Sam Senior picked this up/,
    /Sam Senior resolved this · kept in Baton/,
  ]);
  await page.screenshot({ path: screenshotPath(project, 'trace-technician-timeline') });
});
