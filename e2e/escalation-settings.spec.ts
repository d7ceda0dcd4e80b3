import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { SettingsPage } from './pages/settings-page';

test('an admin sets the ticket prefix and expert contact; a technician parks, resumes, then escalates and sees them', async ({
  baton,
}, testInfo) => {
  const project = testInfo.project.name;
  const page = baton.page;
  const settings = new SettingsPage(page);
  const handoff = new HandoffPage(page);
  const session = new SessionPage(page);

  await new FirstRunPage(page).createProfile({
    name: 'Avery Admin',
    email: 'avery@example.com',
  });
  await settings.open();
  await expect(settings.ticketPrefix()).toHaveValue('BTN');
  await settings.ticketPrefix().fill('acme');
  await settings.expertField('Name').fill('Dana Expert');
  await settings.expertField('Email').fill('dana-at-msp');
  await settings.expertField('Phone').fill('+1 555 0100');
  await settings.expertField('Hours').fill('Mon–Fri 08:00–18:00');
  await settings.expertField('Emergency line').fill('+1 555 0199');
  await settings.overdueMinutes('Urgent').fill('0');
  await settings.escalationsSaveButton().click();
  // Refused field by field; nothing typed is lost.
  await expect(settings.escalationsFieldError('Enter an email address like name@example.com')).toBeVisible();
  await expect(settings.escalationsFieldError('Urgent: at least 1 minute')).toBeVisible();
  await expect(settings.expertField('Name')).toHaveValue('Dana Expert');
  await settings
    .escalationsSection()
    .screenshot({ path: screenshotPath(project, 'settings-escalations-errors') });
  await settings.expertField('Email').fill('dana@msp.example');
  await settings.overdueMinutes('Urgent').fill('10');
  await settings.escalationsSaveButton().click();
  await expect(settings.escalationsSaveButton()).toBeDisabled();
  await expect(settings.ticketPrefix()).toHaveValue('ACME');
  await settings.escalationsSection().screenshot({ path: screenshotPath(project, 'settings-escalations') });

  // Who gets the escalation email: chosen people must not be no one; an outside mailbox is fine.
  await settings.recipientsChosen().check();
  await settings.recipientsSaveButton().click();
  await expect(
    settings.recipientsError('Choose at least one person or address, or send to everyone'),
  ).toBeVisible();
  await settings.recipientPerson(/^Avery Admin/).check();
  await settings.recipientsExtra().fill('helpdesk@example.com\nnot-an-address');
  await settings.recipientsSaveButton().click();
  await expect(settings.recipientsError('Enter email addresses like helpdesk@example.com')).toBeVisible();
  await settings.recipientsExtra().fill('helpdesk@example.com');
  await settings.recipientsSaveButton().click();
  await expect(settings.recipientsSaveButton()).toBeDisabled();
  await settings
    .recipientsSection()
    .screenshot({ path: screenshotPath(project, 'settings-email-recipients') });

  await handoff.addProfile({ name: 'Terry Tech', email: 'terry@example.com', role: 'Technician' });
  await expect(handoff.profileButton()).toHaveAccessibleName(/^Profile: Terry Tech,/);
  await new SessionsPage(page).newSession();
  await session.send('Label printer drops jobs after the driver update');

  // Park, then pick it up again from the session itself.
  await handoff.handOffButton().click();
  await handoff.fill({ intent: 'Park for later' });
  await handoff.submit().click();
  await expect(handoff.confirmationTitle()).toContainText(/Parked — ticket ACME-\d{8}-0001/);
  await handoff.closeConfirmation().click();
  await expect(session.statusBadge()).toHaveText('Parked');
  await expect(session.parkedBanner()).toContainText('Parked by you');
  await page.screenshot({ path: screenshotPath(project, 'session-parked') });
  await session.resumeButton().click();
  await expect(session.statusBadge()).toHaveText('Active');
  await expect(session.parkedBanner()).toHaveCount(0);

  await handoff.handOffButton().click();
  await handoff.fill({
    intent: 'Escalate to a senior',
    reason: 'Needs the print server',
    priority: 'Urgent',
  });
  await handoff.submit().click();
  await expect(handoff.confirmationTitle()).toContainText(/Escalated — ticket ACME-\d{8}-0002/);
  await expect(handoff.expertContact('Name')).toHaveText('Dana Expert');
  await expect(handoff.expertContact('Email')).toHaveText('dana@msp.example');
  await expect(handoff.expertContact('Emergency line')).toHaveText('+1 555 0199');
  // Who to call comes first, above what was sent where.
  const contacts = await handoff.expertContacts().boundingBox();
  const notices = await handoff.notifications().boundingBox();
  expect(contacts!.y).toBeLessThan(notices!.y);
  await page.screenshot({ path: screenshotPath(project, 'handoff-confirmation-contacts') });
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: screenshotPath(project, 'handoff-confirmation-contacts-900') });
});
