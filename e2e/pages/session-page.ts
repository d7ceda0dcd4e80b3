import type { Page } from '@playwright/test';

export class SessionPage {
  constructor(private readonly page: Page) {}

  title = () => this.page.locator('#session-title');
  composer = () => this.page.getByLabel('Note');
  conversation = () => this.page.getByRole('list', { name: 'Conversation' });
  messages = () => this.conversation().locator('.message');

  async addNote(text: string) {
    await this.composer().fill(text);
    await this.composer().press('Enter');
  }
}
