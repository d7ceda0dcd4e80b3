import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

test('first run asks for a profile, then a note in a new session survives a restart', async ({
  baton,
}, testInfo) => {
  const project = testInfo.project.name;
  const firstRun = new FirstRunPage(baton.page);
  const sessions = new SessionsPage(baton.page);
  const session = new SessionPage(baton.page);

  await expect(firstRun.heading()).toBeVisible();
  await baton.page.screenshot({ path: screenshotPath(project, 'first-run') });

  await firstRun.createProfile({ name: 'Jane Doe', email: 'jane@example.com' });
  await expect(sessions.emptyState()).toBeVisible();
  await expect(sessions.profileChip()).toContainText('Jane Doe');
  await baton.page.screenshot({ path: screenshotPath(project, 'empty-list') });

  await sessions.newSession();
  await expect(session.title()).toHaveText('New session');
  await expect(sessions.sessionItems()).toHaveCount(1);
  await session.addNote(
    'Outlook keeps asking for the password on the front-desk PC.\nStarted after the M365 migration.',
  );
  await expect(session.messages()).toHaveCount(1);
  await expect(session.composer()).toHaveValue('');
  const title = 'Outlook keeps asking for the password on the front-desk PC.';
  await expect(session.title()).toHaveText(title);
  await expect(sessions.sessionItems().first()).toContainText(title);
  await session.addNote('Credential Manager has two entries for the old tenant.');
  await expect(session.messages()).toHaveCount(2);
  await baton.page.screenshot({ path: screenshotPath(project, 'session') });

  await baton.restart();

  await expect(firstRun.heading()).toBeHidden();
  await expect(sessions.sessionItems()).toHaveCount(1);
  await sessions.openSession(title);
  await expect(session.messages()).toHaveCount(2);
  await expect(session.messages().first()).toContainText('Outlook keeps asking for the password');
  await expect(session.messages().first()).toContainText('Started after the M365 migration.');
  await expect(session.messages().nth(1)).toContainText('Credential Manager has two entries');
});

test('first run explains what is wrong with the profile and keeps what was typed', async ({ baton }) => {
  const firstRun = new FirstRunPage(baton.page);
  await firstRun.createProfile({ name: '   ', email: 'not-an-email' });
  await expect(firstRun.fieldError('Name is required')).toBeVisible();
  await expect(firstRun.fieldError('Enter a valid email address')).toBeVisible();
  await expect(baton.page.getByLabel('Work email')).toHaveValue('not-an-email');

  await firstRun.createProfile({ name: 'Sam Senior', email: 'sam@example.com' });
  // The first profile on a computer is its owner.
  await expect(new SessionsPage(baton.page).profileChip()).toContainText(/owner/i);
});

test('Ctrl+N starts a session and Shift+Enter breaks the line instead of saving', async ({ baton }) => {
  await new FirstRunPage(baton.page).createProfile({ name: 'Jane Doe', email: 'jane@example.com' });
  const session = new SessionPage(baton.page);
  await expect(new SessionsPage(baton.page).emptyState()).toBeVisible();
  await baton.page.keyboard.press('Control+n');
  await expect(session.title()).toHaveText('New session');
  await session.composer().fill('line one');
  await session.composer().press('Shift+Enter');
  await session.composer().pressSequentially('line two');
  await expect(session.messages()).toHaveCount(0);
  await expect(session.composer()).toHaveValue('line one\nline two');
  await session.composer().press('Enter');
  await expect(session.messages()).toHaveCount(1);
});
