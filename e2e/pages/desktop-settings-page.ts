import type { Page } from '@playwright/test';

/** Settings → This computer: start at login and the update feed. */
export class DesktopSettingsPage {
  constructor(private readonly page: Page) {}

  section = () => this.page.getByRole('region', { name: 'This computer' });
  startAtLogin = () => this.section().getByRole('checkbox', { name: /Start Baton in the tray/ });
  feed = () => this.section().getByRole('textbox', { name: 'Update feed' });
  saveButton = () => this.section().getByRole('button', { name: 'Save' });
  /** Shown in the browser host, which keeps these but has no login item or updater. */
  browserNote = () => this.section().getByText('These apply in the Baton desktop app');
  fieldError = (text: string | RegExp) => this.section().getByRole('alert').filter({ hasText: text });
  /** The status bar's button once an update is downloaded. */
  restartToUpdate = () => this.page.getByRole('button', { name: /Restart to update|Restarting when done/ });
}
