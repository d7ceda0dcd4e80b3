import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { NotePage } from './pages/note-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

// Issue 14: a pasted secret is stored and shown as a placeholder, its author can show it again, and the
// note preview is exactly what will be posted, with the "N secrets withheld" review beside it.
test('a pasted secret becomes a placeholder; its author can show it; the note posts exactly what it shows', async ({
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
  await session.send('Kiosk will not sign in; the local admin password is Lap$Admin-4471 on PC-0412');

  const pasted = 'Kiosk will not sign in';
  await expect(session.message(pasted)).toContainText(
    'the local admin password is [REDACTED:password] on PC-0412',
  );
  await expect(session.message(pasted)).not.toContainText('Lap$Admin-4471');
  await expect(session.withheldBadge(pasted)).toHaveText(/1 secret withheld/);
  await session.withheldBadge(pasted).click();
  await expect(session.withheldItems(pasted)).toHaveText(['Password (in a sentence) · Lap… (14 chars)']);
  await expect(session.withheldExplanation(pasted)).toBeVisible();
  await page.screenshot({ path: screenshotPath(project, 'withheld-badge') });

  await session.showWithheld(pasted).click();
  await expect(session.message(pasted)).toContainText('Lap$Admin-4471');
  await expect(session.showWithheld(pasted)).toHaveText('Hide withheld');
  await page.screenshot({ path: screenshotPath(project, 'withheld-shown') });
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: screenshotPath(project, 'withheld-shown-900') });
  if (wide) await page.setViewportSize(wide);
  await session.showWithheld(pasted).click();
  await expect(session.message(pasted)).not.toContainText('Lap$Admin-4471');

  await note.resolveButton().click();
  await expect(note.title()).toHaveText('Resolution note');
  // Only the problem is known: the technician adds the cause and the fix before anything can go out.
  await expect(note.needsWords()).toBeVisible();
  await note.fillGaps('Reset the local admin password through LAPS; the kiosk signs in.');
  await note.previewTab().click();
  await expect(note.rendered()).toContainText('[REDACTED:password]');
  // The draft quotes the message where it needs it: one placeholder per quote, each listed.
  const quoted = (await note.rendered().innerText()).match(/\[REDACTED:password\]/g)?.length ?? 0;
  expect(quoted).toBeGreaterThan(0);
  await expect(note.withheldBadge()).toHaveText(`${quoted} ${quoted === 1 ? 'secret' : 'secrets'} withheld`);
  await page.screenshot({ path: screenshotPath(project, 'note-withheld-review') });

  // A secret typed into the edit is replaced before anything is posted, and shown first.
  await note.editTab().click();
  const drafted = await note.editor().inputValue();
  await note.editor().fill(`${drafted}\nReset it; temp password Winter2026!x for now.`);
  await note.confirmButton().click();
  await expect(note.dialog().getByRole('alert')).toContainText(
    'A secret in your edit was replaced by a placeholder',
  );
  await expect(note.editor()).toHaveValue(/temp password \[REDACTED:password\] for now\./);
  await expect(note.withheldBadge()).toHaveText(`${quoted + 1} secrets withheld`);
  await page.screenshot({ path: screenshotPath(project, 'note-edit-withheld') });
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: screenshotPath(project, 'note-edit-withheld-900') });
  await note.confirmButton().click();
  await expect(session.toast('Session resolved')).toBeVisible();
});
