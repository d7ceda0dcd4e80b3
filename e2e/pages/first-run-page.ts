import type { Page } from '@playwright/test';

export class FirstRunPage {
  constructor(private readonly page: Page) {}

  heading = () => this.page.getByRole('heading', { name: 'Welcome to Baton' });

  /** The first profile on a computer is its owner: there is no role to choose. */
  async fill(profile: { name: string; email: string }) {
    await this.page.getByLabel('Your name').fill(profile.name);
    await this.page.getByLabel('Work email').fill(profile.email);
  }

  submit = () => this.page.getByRole('button', { name: 'Continue' }).click();

  fieldError = (text: string | RegExp) => this.page.getByRole('alert').filter({ hasText: text });

  async createProfile(profile: { name: string; email: string }) {
    await this.fill(profile);
    await this.submit();
  }
}
