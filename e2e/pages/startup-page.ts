import type { Page } from '@playwright/test';

/** The start-up screen: Baton's data file needs a decision before the app opens. */
export class StartupPage {
  constructor(private readonly page: Page) {}

  screen = () => this.page.getByTestId('startup-screen');
  heading = () => this.screen().getByRole('heading', { level: 1 });
  explanation = () => this.screen().locator('p').first();
  backupChoice = () => this.page.getByLabel('Backup to restore');
  restore = () => this.page.getByRole('button', { name: 'Restore this backup' });
  startFresh = () => this.page.getByRole('button', { name: 'Start fresh…' });
  confirmStartFresh = () => this.page.getByRole('button', { name: 'Yes, start fresh' });
  checkAgain = () => this.page.getByRole('button', { name: 'Check again' });
}
