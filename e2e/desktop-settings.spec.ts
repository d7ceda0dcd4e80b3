import { expect, screenshotPath, test } from './fixtures/test';
import { DesktopSettingsPage } from './pages/desktop-settings-page';
import { FirstRunPage } from './pages/first-run-page';
import { SettingsPage } from './pages/settings-page';

test('This computer: start at login is on for a senior; an admin sets an https update feed, which is kept', async ({
  baton,
}, testInfo) => {
  const project = testInfo.project.name;
  const page = baton.page;
  const settings = new SettingsPage(page);
  const desktop = new DesktopSettingsPage(page);

  await new FirstRunPage(page).createProfile({
    name: 'Avery Admin',
    email: 'avery@example.com',
  });
  await settings.open();
  await expect(desktop.startAtLogin()).toBeChecked();
  if (project === 'chromium') await expect(desktop.browserNote()).toBeVisible();
  await expect(desktop.saveButton()).toBeDisabled();

  await desktop.feed().fill('http://updates.example.com/baton');
  await desktop.saveButton().click();
  await expect(desktop.fieldError(/Only https/)).toBeVisible();
  await expect(desktop.feed()).toHaveValue('http://updates.example.com/baton');

  await desktop.feed().fill('https://updates.example.com/baton');
  await desktop.startAtLogin().uncheck();
  await desktop.saveButton().click();
  await expect(desktop.saveButton()).toBeDisabled();
  await desktop.section().scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.screenshot({ path: screenshotPath(project, 'settings-this-computer-1280') });
  await page.setViewportSize({ width: 900, height: 600 });
  await desktop.section().scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(project, 'settings-this-computer-900') });

  // Kept across a reload; no update is waiting, so the status bar offers no restart.
  await page.reload();
  await settings.open();
  await expect(desktop.feed()).toHaveValue('https://updates.example.com/baton');
  await expect(desktop.startAtLogin()).not.toBeChecked();
  await expect(desktop.restartToUpdate()).toHaveCount(0);
});
