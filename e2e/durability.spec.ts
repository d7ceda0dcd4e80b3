// Nothing a person types is lost (issue 13): notes typed at full speed, saves that are slow or fail,
// pastes past a field's limit, edits thrown away by Escape or by leaving Settings.
import type { Page } from '@playwright/test';
import { BridgeFaults } from './fixtures/bridge-faults';
import type { BatonApp, LaunchOptions } from './fixtures/test';
import { expect, screenshotPath, test } from './fixtures/test';
import { FirstRunPage } from './pages/first-run-page';
import { HandoffPage } from './pages/handoff-page';
import { NotePage } from './pages/note-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { SettingsPage } from './pages/settings-page';

// Each test types a lot, key by key, and several restart the app: room for a machine under load.
test.describe.configure({ timeout: 90_000 });

/** Screenshots at the window's default size and at its minimum, where the side panel (which then
 * covers the chat) is hidden unless a dialog is open. */
async function shoot(page: Page, project: string, name: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.screenshot({ path: screenshotPath(project, `${name}-1280x820`) });
  await page.setViewportSize({ width: 900, height: 600 });
  const hide = page.getByRole('button', { name: 'Hide panel' });
  const dialogOpen = (await page.getByRole('alertdialog').count()) > 0;
  const hidePanel = !dialogOpen && (await hide.isVisible());
  // By keyboard: at this width the panel covers its own toggle in the session header.
  if (hidePanel) await hide.press('Enter');
  await page.screenshot({ path: screenshotPath(project, `${name}-900x600`) });
  if (hidePanel) await page.getByRole('button', { name: 'Show panel' }).press('Enter');
  if (size) await page.setViewportSize(size);
}

/** Terry on his own laptop (the first profile on a computer is its owner). */
async function technician(launchBaton: (o?: LaunchOptions) => Promise<BatonApp>) {
  const app = await launchBaton();
  await new FirstRunPage(app.page).createProfile({ name: 'Terry Tech', email: 'terry@example.com' });
  return app;
}

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

test('a hundred notes typed at full speed are all stored, in order, once each — also after a restart', async ({
  launchBaton,
}) => {
  test.setTimeout(240_000);
  const app = await technician(launchBaton);
  const session = new SessionPage(app.page);
  await new SessionsPage(app.page).newSession();
  const notes = Array.from({ length: 100 }, (_, i) => `Note ${i + 1}: job ${i * 7}`);

  await session.composer().click();
  for (const note of notes) await session.typeAndEnter(note);

  await expect(session.unsavedNotes()).toHaveCount(0, { timeout: 30_000 });
  await expect(session.savedNoteBodies()).toHaveText(notes);
  await expect(session.composer()).toHaveValue('');

  await app.restart();
  await new SessionsPage(app.page).openSession(notes[0]!);
  await expect(session.savedNoteBodies()).toHaveText(notes, { timeout: 15_000 });
});

test('while saves are slow the box clears at once, typing goes on, and a view switch loses nothing', async ({
  launchBaton,
}, testInfo) => {
  const app = await technician(launchBaton);
  const page = app.page;
  const faults = new BridgeFaults(page, 'messages:add');
  await faults.install();
  const session = new SessionPage(page);
  await new SessionsPage(page).newSession();

  faults.hold();
  await session.composer().click();
  await session.typeAndEnter('VPN drops every 10 minutes');
  await expect(session.composer()).toHaveValue('');
  await session.typeAndEnter('Only on Wi-Fi, not on the dock');
  await session.typeAndEnter('Event log shows IKE timeout');
  await expect(session.composer()).toHaveValue('');
  await expect(session.unsavedNotes()).toHaveCount(3);
  await expect(session.unsavedNoteStatus('VPN drops every 10 minutes')).toHaveText('Saving…');
  await page.keyboard.type('half a thought about the MTU');

  // An accidental switch to another view while the first save is still on its way.
  await views(page).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await views(page).getByRole('button', { name: 'Sessions' }).click();
  await expect(session.unsavedNotes()).toHaveText([
    /VPN drops every 10 minutes/,
    /Only on Wi-Fi, not on the dock/,
    /Event log shows IKE timeout/,
  ]);
  await expect(session.composer()).toHaveValue('half a thought about the MTU');
  await shoot(page, testInfo.project.name, 'durability-saving');

  // Closing the window now would lose the notes on their way: the browser asks first ("Stay").
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  faults.release();
  await expect(session.unsavedNotes()).toHaveCount(0);
  await expect(session.savedNoteBodies()).toHaveText([
    'VPN drops every 10 minutes',
    'Only on Wi-Fi, not on the dock',
    'Event log shows IKE timeout',
  ]);
  await expect(session.composer()).toHaveValue('half a thought about the MTU');
  expect(faults.seen).toBe(3);
});

test('a note that fails to save stays with its error and Retry; the ones after it wait, nothing is lost', async ({
  launchBaton,
}, testInfo) => {
  const app = await technician(launchBaton);
  const page = app.page;
  const faults = new BridgeFaults(page, 'messages:add');
  await faults.install();
  const session = new SessionPage(page);
  await new SessionsPage(page).newSession();

  faults.failNext(1, 'The store could not be written: disk full');
  await session.composer().click();
  await session.typeAndEnter('Teams crashes when sharing the screen');
  await session.typeAndEnter('Started after the GPU driver update');
  await session.typeAndEnter('Rolling back the driver fixes it');

  await expect(session.unsavedNoteFailure('Teams crashes')).toContainText(
    'Not saved: The store could not be written: disk full',
  );
  await expect(session.unsavedNoteStatus('Started after the GPU driver update')).toHaveText(
    'Waiting: the note above is not saved yet',
  );
  await expect(session.unsavedNoteStatus('Rolling back the driver fixes it')).toHaveText(
    'Waiting: the note above is not saved yet',
  );
  await expect(session.savedNotes()).toHaveCount(0);
  await expect(session.composer()).toHaveValue('');
  await shoot(page, testInfo.project.name, 'durability-failed');

  await session.retryUnsavedNote('Teams crashes');
  await expect(session.unsavedNotes()).toHaveCount(0);
  const expected = [
    'Teams crashes when sharing the screen',
    'Started after the GPU driver update',
    'Rolling back the driver fixes it',
  ];
  await expect(session.savedNoteBodies()).toHaveText(expected);
  await app.restart();
  await new SessionsPage(app.page).openSession(expected[0]!);
  await expect(session.savedNoteBodies()).toHaveText(expected);
});

test('a new session takes keys at once: what is typed while it starts is saved in order, and a start that fails keeps it with Try again', async ({
  launchBaton,
}, testInfo) => {
  const app = await technician(launchBaton);
  const page = app.page;
  const faults = new BridgeFaults(page, 'sessions:create');
  await faults.install();
  const session = new SessionPage(page);
  const sessions = new SessionsPage(page);

  // Main is slow to answer: the composer is there first, and a second click starts no second session.
  faults.hold();
  await sessions.sidebar().getByRole('button', { name: 'New session' }).dblclick();
  await expect(session.composer()).toBeFocused();
  await session.typeAndEnter('Scanner on floor 2 jams');
  await session.typeAndEnter('Only with duplex on');
  await page.keyboard.type('half a thought');
  await expect(session.unsavedNotes()).toHaveCount(2);
  await expect(session.title()).toHaveText('New session');
  expect(faults.seen).toBe(1);
  faults.release();
  await expect(session.savedNoteBodies()).toHaveText(['Scanner on floor 2 jams', 'Only with duplex on']);
  await expect(session.title()).toHaveText('Scanner on floor 2 jams');
  await expect(session.composer()).toHaveValue('half a thought');
  await expect(session.composer()).toBeFocused();
  await expect(sessions.sessionItems()).toHaveCount(1);
  // The notices say only what holds now (no assistant is set up on this laptop), reachable by keyboard.
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toHaveText(/^No AI assistant is set up\./);
  await expect(notices).toHaveAttribute('tabindex', '0');

  // The start fails, and fails again when a note is sent: what was typed stays, Try again starts the
  // session and saves it.
  faults.failNext(2, 'The store could not be written: disk full');
  await page.keyboard.press('ControlOrMeta+n');
  await expect(session.composer()).toBeFocused();
  const failed = page.getByRole('alert').filter({ hasText: 'Could not start the session' });
  await expect(failed).toContainText(
    'The store could not be written: disk full. What you type here is kept.',
  );
  await session.typeAndEnter('Label printer offline');
  await expect(session.unsavedNoteFailure('Label printer offline')).toContainText('disk full');
  await expect(notices).toContainText('Could not start the session');
  expect(faults.seen).toBe(3);
  await page.keyboard.type('and the spooler');
  await shoot(page, testInfo.project.name, 'durability-start-failed');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(session.savedNoteBodies()).toHaveText(['Label printer offline']);
  await expect(session.unsavedNotes()).toHaveCount(0);
  await expect(session.composer()).toHaveValue('and the spooler');
  await expect(sessions.sessionItems()).toHaveCount(2);

  await app.restart();
  await sessions.openSession('Scanner on floor 2 jams');
  await expect(session.savedNoteBodies()).toHaveText(['Scanner on floor 2 jams', 'Only with duplex on']);
});

test('a 9 MB paste is refused with what to do, what was typed stays, and Baton carries on', async ({
  launchBaton,
}, testInfo) => {
  const app = await technician(launchBaton);
  const page = app.page;
  const session = new SessionPage(page);
  await new SessionsPage(page).newSession();

  await session.composer().click();
  await page.keyboard.type('Outlook crashes at start, log below: ');
  await session.pasteIntoFocused('0123456789'.repeat(910_000));
  await expect(session.composerAlert()).toHaveText(
    'This paste is 9.1 MB; a message holds up to 100,000 characters. Paste the part around the error.',
  );
  await expect(session.composer()).toHaveValue('Outlook crashes at start, log below: ');
  await shoot(page, testInfo.project.name, 'durability-paste-refused');

  // The part around the error fits, and the note is stored whole.
  const excerpt = 'Faulting module: mso20win32client.dll, exception 0xc0000005';
  await session.composer().press('ControlOrMeta+End');
  await session.pasteIntoFocused(excerpt);
  await expect(session.composerAlert()).toHaveCount(0);
  await expect(session.composer()).toHaveValue(`Outlook crashes at start, log below: ${excerpt}`);
  await page.keyboard.press('Enter');
  await expect(session.savedNoteBodies()).toHaveText([`Outlook crashes at start, log below: ${excerpt}`]);

  // Near the limit a counter shows; past it the note is refused whole (never cut) until shortened.
  await session.composer().fill('x'.repeat(95_000));
  await expect(session.composerCount()).toHaveText('95,000 / 100,000');
  await session.composer().fill('x'.repeat(100_001));
  await expect(session.composerCount()).toHaveText('100,001 / 100,000 — 1 over the limit');
  await session.composer().press('Enter');
  await expect(session.composerAlert()).toHaveText('That message is too long (100,000 characters at most)');
  await expect(session.composer()).toHaveValue('x'.repeat(100_001));
  await shoot(page, testInfo.project.name, 'durability-over-limit');
  await session.composer().press('Backspace');
  await session.composer().press('Enter');
  await expect(session.savedNotes()).toHaveCount(2);
  await expect(session.savedNoteBodies().last()).toHaveText('x'.repeat(100_000));
});

test('facts typed one after another without waiting are all kept in order, and a step note survives a view switch', async ({
  launchBaton,
}) => {
  const app = await technician(launchBaton);
  const session = new SessionPage(app.page);
  await new SessionsPage(app.page).newSession();
  // As a person does: into the composer once it is there (keys typed before it opens go nowhere).
  await session.composer().click();
  await session.typeAndEnter('Printers on floor 3 offline');
  const facts = Array.from({ length: 15 }, (_, i) => `Fact ${i + 1}: printer P${i} answers ping`);

  await session.newFactField().click();
  for (const fact of facts) await session.typeAndEnter(fact);
  await expect(session.factTexts()).toHaveText(facts);
  await expect(session.newFactField()).toHaveValue('');

  // A step's note typed and left by switching views is saved, as leaving the field saves it.
  await session.addStep('Power-cycle the print server');
  await session.stepNote('Power-cycle the print server').fill('Came back, P3 still offline');
  await views(app.page).getByRole('button', { name: 'Queue' }).click();
  await views(app.page).getByRole('button', { name: 'Sessions' }).click();
  await expect(session.stepNote('Power-cycle the print server')).toHaveValue('Came back, P3 still offline');

  await app.restart();
  await new SessionsPage(app.page).openSession('Printers on floor 3 offline');
  await expect(session.factTexts()).toHaveText(facts);
  await expect(session.stepNote('Power-cycle the print server')).toHaveValue('Came back, P3 still offline');
});

test('Escape in the note editor with edits asks first; Keep editing keeps them', async ({
  launchBaton,
}, testInfo) => {
  const app = await technician(launchBaton);
  const page = app.page;
  const session = new SessionPage(page);
  const note = new NotePage(page);
  await new SessionsPage(page).newSession();
  // As a person does: into the composer once it is there (keys typed before it opens go nowhere).
  await session.composer().click();
  await session.typeAndEnter('Mapped drive disconnects after sleep');
  await expect(session.savedNotes()).toHaveCount(1);

  await note.resolveButton().click();
  await expect(note.meta()).toContainText('Offline draft');
  // Nothing edited: Escape closes at once.
  await page.keyboard.press('Escape');
  await expect(note.dialog()).toBeHidden();

  await note.resolveButton().click();
  await expect(note.meta()).toContainText('Offline draft');
  await note.editTab().click();
  await note.editor().press('ControlOrMeta+End');
  await page.keyboard.type('\n\nRoot cause: the NIC power saving setting.');
  await page.keyboard.press('Escape');
  await expect(note.discardQuestion()).toBeVisible();
  await shoot(page, testInfo.project.name, 'durability-note-discard');
  await note.keepEditing();
  await expect(note.discardQuestion()).toBeHidden();
  await expect(note.editor()).toHaveValue(/Root cause: the NIC power saving setting\.$/);

  // Cancel asks too; Discard edits closes it and the next draft is the drafter's again.
  await note.cancelButton().click();
  await note.discardEdits();
  await expect(note.dialog()).toBeHidden();
  await note.resolveButton().click();
  await note.editTab().click();
  await expect(note.editor()).not.toHaveValue(/NIC power saving/);
});

test('handoff notes at the limit go whole; past it they are refused, never cut', async ({
  launchBaton,
}, testInfo) => {
  const app = await technician(launchBaton);
  const page = app.page;
  const handoff = new HandoffPage(page);
  const session = new SessionPage(page);
  await handoff.addProfile({ name: 'Sam Senior', email: 'sam@example.com', role: 'Engineer' });
  await handoff.switchProfile('Terry Tech');
  await new SessionsPage(page).newSession();
  // As a person does: into the composer once it is there (keys typed before it opens go nowhere).
  await session.composer().click();
  await session.typeAndEnter('File server share unreachable from the branch office');
  await expect(session.savedNotes()).toHaveCount(1);

  await handoff.handOffButton().click();
  await handoff.fill({ reason: 'Needs the firewall admin' });
  // A paste past the limit is refused and the notes stay as they were.
  await handoff.notes().fill('Tried from two PCs. ');
  await handoff.notes().press('End');
  await session.pasteIntoFocused('y'.repeat(5_001));
  await expect(handoff.notesPasteRefused()).toHaveText(
    'This paste is 5,001 characters; the notes field holds up to 5,000 characters. Paste the part around the error; the whole conversation already goes with the handoff.',
  );
  await expect(handoff.notes()).toHaveValue('Tried from two PCs. ');

  // Typed past it: the counter says by how much, and Escalate refuses instead of cutting.
  const atLimit = `${'Traceroute stops at 10.2.0.1. '.repeat(170).slice(0, 4_995)}Done.`;
  expect(atLimit).toHaveLength(5_000);
  await handoff.notes().fill(`${atLimit}!`);
  await expect(handoff.notesCount()).toHaveText('5,001 / 5,000 — 1 over the limit');
  await handoff.submit().click();
  await expect(handoff.notesError()).toHaveText(
    'The notes are at most 5,000 characters: shorten them before handing off',
  );
  await expect(handoff.notes()).toHaveValue(`${atLimit}!`);
  await shoot(page, testInfo.project.name, 'durability-handoff-notes');

  // Escape with all this typed asks before throwing it away.
  await page.keyboard.press('Escape');
  await expect(handoff.discardQuestion()).toBeVisible();
  await handoff.discardQuestion().getByRole('button', { name: 'Keep editing' }).click();

  await handoff.notes().press('End');
  await handoff.notes().press('Backspace');
  await expect(handoff.notesCount()).toHaveText('5,000 / 5,000');
  await handoff.submit().click();
  await expect(handoff.confirmationTitle()).toBeVisible();
  await handoff.closeConfirmation().click();

  await handoff.switchProfile('Sam Senior');
  await handoff.navItem().click();
  await handoff.openButton('File server share unreachable').click();
  await expect(handoff.briefingSection('Engineer notes').locator('.briefing-notes')).toHaveText(atLimit);
});

test('Settings: what is typed during a slow save is kept, and leaving unsaved changes asks first', async ({
  launchBaton,
}, testInfo) => {
  const app = await technician(launchBaton);
  const page = app.page;
  const faults = new BridgeFaults(page, 'settings:handoffs-save');
  await faults.install();
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.expertField('Name').fill('Dana Expert');

  await views(page).getByRole('button', { name: 'Sessions' }).click();
  await expect(settings.leaveQuestion()).toContainText('Your changes to Escalations are not saved.');
  await shoot(page, testInfo.project.name, 'durability-settings-leave');
  await settings.keepEditing();
  await expect(settings.expertField('Name')).toHaveValue('Dana Expert');

  // The phone is typed while the save of the name is on its way: its answer does not wipe it.
  faults.hold();
  await settings.escalationsSaveButton().click();
  await settings.expertField('Phone').fill('+1 555 0100');
  faults.release();
  await expect(
    page.locator('[data-sonner-toast]').filter({ hasText: 'Escalation settings saved' }),
  ).toBeVisible();
  await expect(settings.expertField('Phone')).toHaveValue('+1 555 0100');
  await expect(settings.expertField('Name')).toHaveValue('Dana Expert');
  await expect(settings.escalationsSaveButton()).toBeEnabled();

  await new SessionsPage(page).newSession();
  await expect(settings.leaveQuestion()).toContainText('Your changes to Escalations are not saved.');
  await settings.discardChanges();
  await expect(new SessionPage(page).composer()).toBeVisible();
  await settings.open();
  await expect(settings.expertField('Name')).toHaveValue('Dana Expert');
  await expect(settings.expertField('Phone')).toHaveValue('');
  await views(page).getByRole('button', { name: 'Sessions' }).click();
  await expect(settings.leaveQuestion()).toHaveCount(0);
  await expect(new SessionPage(page).composer()).toBeVisible();
});
