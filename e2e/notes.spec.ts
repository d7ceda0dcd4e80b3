import { startConnectWiseFake } from './fakes/connectwise-fake';
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { NotePage } from './pages/note-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { SettingsPage } from './pages/settings-page';

test('resolve: the drafted note is previewed, edited inline, rendered sanitized and posted', async ({
  baton,
}, testInfo) => {
  const project = testInfo.project.name;
  const page = baton.page;
  const session = new SessionPage(page);
  const note = new NotePage(page);

  await new FirstRunPage(page).createProfile({
    name: 'Terry Tech',
    email: 'terry@example.com',
  });
  await new SessionsPage(page).newSession();
  await session.send('Scan to email fails with a 535 error on the copier');
  await session.addFact('SMTP AUTH is disabled for the tenant');

  await note.resolveButton().click();
  await expect(note.title()).toHaveText('Resolution note');
  await expect(note.meta()).toContainText('Offline draft');
  // The session names no cause and no fix: the editor opens on them, and nothing goes out with a gap.
  await expect(note.needsWords()).toContainText('Add the root cause and the resolution in your own words');
  await expect(note.editor()).toBeVisible();
  await expect(note.confirmButton()).toBeDisabled();
  const gaps = await note.editor().inputValue();
  expect(gaps).not.toMatch(/No confirmed fix|drafted offline|TODO|\[.*?\]/i);
  await page.screenshot({ path: screenshotPath(project, 'note-needs-words') });
  await note.fillGaps('The copier signs in with SMTP AUTH, which the tenant had turned off.');
  await expect(note.needsWords()).toBeHidden();
  await expect(note.confirmButton()).toBeEnabled();
  await note.previewTab().click();
  for (const heading of ['Problem', 'What we confirmed', 'Root cause', 'Resolution'])
    await expect(note.renderedHeading(heading)).toBeVisible();
  await expect(note.rendered()).toContainText('SMTP AUTH is disabled for the tenant');
  await page.screenshot({ path: screenshotPath(project, 'note-preview') });

  await note.editTab().click();
  const drafted = await note.editor().inputValue();
  await note
    .editor()
    .fill(
      drafted.replace(
        '## Resolution',
        '## Resolution\n\nEnabled SMTP AUTH for the copier mailbox only. <b>raw html</b> [docs](javascript:alert(1))',
      ),
    );
  await note.previewTab().click();
  await expect(note.meta()).toContainText('Edited');
  await expect(note.rendered()).toContainText('Enabled SMTP AUTH for the copier mailbox only.');
  // Sanitized: raw HTML is dropped, a javascript: link is inert text.
  await expect(note.rendered().locator('b')).toHaveCount(0);
  await expect(note.rendered().locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(note.rendered()).toContainText('docs');
  await page.screenshot({ path: screenshotPath(project, 'note-edited') });

  await note.confirmButton().click();
  await expect(session.toast('Session resolved')).toBeVisible();
  await expect(session.toast(/no ConnectWise ticket is linked/)).toBeVisible();
  await expect(session.statusBadge()).toHaveText('Resolved');
  await expect(note.reopenAndEscalateButton()).toBeVisible();

  // Nothing changed since: the escalation package for the reopened session is drafted fresh.
  await note.reopenAndEscalateButton().click();
  await expect(note.title()).toHaveText('Escalation package');
  for (const heading of [
    'Problem',
    "What we've confirmed",
    "What we've tried",
    'Current hypothesis',
    'Suggested next steps',
  ])
    await expect(note.renderedHeading(heading)).toBeVisible();
});

test('a session linked to a ConnectWise ticket: the note is posted and the status change verified', async ({
  baton,
}, testInfo) => {
  const project = testInfo.project.name;
  const cw = await startConnectWiseFake();
  try {
    cw.addTicket({
      id: 4711,
      summary: 'Copier cannot scan to email',
      status: { id: 5, name: 'In Progress' },
    });
    const page = baton.page;
    const session = new SessionPage(page);
    const note = new NotePage(page);
    await new FirstRunPage(page).createProfile({
      name: 'Avery Admin',
      email: 'avery@example.com',
    });
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.fillConnectWise({
      site: cw.siteUrl,
      companyId: cw.credentials.companyId,
      clientId: cw.credentials.clientId,
      publicKey: cw.credentials.publicKey,
      privateKey: cw.credentials.privateKey,
    });
    await settings.cwSaveButton().click();
    await expect(settings.cwSaveButton()).toBeDisabled();
    await settings.mapStatuses('Service Board', { Resolved: 'Resolved (closed)', Escalated: 'Escalated' });
    await settings.cwSaveStatusesButton().click();
    await expect(settings.cwSaveStatusesButton()).toBeDisabled();
    await new SessionsPage(page).newSession();
    await session.send('Copier cannot scan to email since the password change');
    await session.addFact('Scans fail with 535 authentication rejected');
    await session.send('Turned out the copier still used the old mailbox password.');
    await session.send('Updated the password on the copier; scans arrive again.');

    await session.linkTicket(9999);
    await expect(session.ticketError()).toContainText('ConnectWise');
    await session.ticketNumber().fill('4711');
    await session.linkButton().click();
    await expect(session.ticketLine()).toContainText('CW #4711');
    await expect(session.ticketLine()).toContainText('Copier cannot scan to email');
    await expect(session.ticketLine()).toContainText('Service Board · In Progress');

    await note.resolveButton().click();
    await note.editTab().click();
    await note
      .editor()
      .fill(
        (await note.editor().inputValue()).replace(
          '## Resolution',
          '## Resolution\n\nUpdated the SMTP password on the copier.',
        ),
      );
    await page.screenshot({ path: screenshotPath(project, 'note-psa-edit') });
    await note.confirmButton().click();
    await expect(session.toast(/Note \d+ posted; ConnectWise shows “Resolved”/)).toBeVisible();
    await expect(session.statusBadge()).toHaveText('Resolved');
    await expect(session.ticketLine()).toContainText('Resolved');
    await page.screenshot({ path: screenshotPath(project, 'note-psa-posted') });

    const [posted] = cw.notes(4711);
    expect(posted).toMatchObject({ resolutionFlag: true, internalAnalysisFlag: false });
    expect(posted!.text).toContain('Updated the SMTP password on the copier.');
    expect(cw.ticket(4711)!.status.name).toBe('Resolved');
  } finally {
    await cw.close();
  }
});

test('the status does not stick: the note is on the ticket, the session says so and retries only the status', async ({
  baton,
}, testInfo) => {
  const project = testInfo.project.name;
  const cw = await startConnectWiseFake();
  try {
    cw.addTicket({
      id: 1006,
      summary: 'Outlook prompts for a password',
      status: { id: 1, name: 'New' },
      owner: { id: 150, identifier: 'BatonAPI', name: 'Baton API' },
    });
    cw.statusWillNotStick(1006, 2);
    const page = baton.page;
    const session = new SessionPage(page);
    const note = new NotePage(page);
    await new FirstRunPage(page).createProfile({
      name: 'Avery Admin',
      email: 'avery@example.com',
    });
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.fillConnectWise({
      site: cw.siteUrl,
      companyId: cw.credentials.companyId,
      clientId: cw.credentials.clientId,
      publicKey: cw.credentials.publicKey,
      privateKey: cw.credentials.privateKey,
    });
    await settings.cwSaveButton().click();
    await expect(settings.cwSaveButton()).toBeDisabled();
    await settings.mapStatuses('Service Board', { Resolved: 'Resolved (closed)' });
    await settings.cwSaveStatusesButton().click();
    await expect(settings.cwSaveStatusesButton()).toBeDisabled();
    await new SessionsPage(page).newSession();
    await session.send('Outlook keeps prompting for a password after the tenant migration');
    await session.addFact('Only this laptop prompts');
    await session.send('The cause was a cached credential for the old tenant.');
    await session.send('Cleared Credential Manager and signed in again; no more prompts.');
    await session.linkTicket(1006);
    await expect(session.ticketLine()).toContainText('CW #1006');

    await note.resolveButton().click();
    await expect(note.confirmButton()).toBeEnabled();
    await note.confirmButton().click();
    await expect(note.error()).toHaveText('The note is on ticket #1006; ConnectWise kept the status New.');
    // Clicking again continues the same post: still one note on the ticket.
    await note.confirmButton().click();
    await expect(note.error()).toHaveText('The note is on ticket #1006; ConnectWise kept the status New.');
    await page.keyboard.press('Escape');
    await expect(session.failedPost()).toContainText(
      'The note is on ticket #1006; ConnectWise kept the status New.',
    );
    await expect(session.failedPostRetry()).toHaveText('Retry the status change');
    await page.screenshot({ path: screenshotPath(project, 'note-psa-status-not-verified') });
    expect(cw.notes(1006)).toHaveLength(1);

    await session.failedPostRetry().click();
    await expect(session.statusBadge()).toHaveText('Resolved');
    await expect(session.failedPost()).toHaveCount(0);
    expect(cw.notes(1006)).toHaveLength(1);
    expect(cw.ticket(1006)!.status.name).toBe('Resolved');
  } finally {
    await cw.close();
  }
});
