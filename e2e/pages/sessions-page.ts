import type { Page } from '@playwright/test';

export class SessionsPage {
  constructor(private readonly page: Page) {}

  sidebar = () => this.page.getByRole('complementary', { name: 'Sessions' });
  emptyState = () => this.page.getByRole('heading', { name: 'No troubleshooting sessions yet' });
  sessionItems = () => this.page.getByRole('navigation', { name: 'Your sessions' }).getByRole('button');
  profileChip = () => this.page.getByRole('region', { name: 'Signed-in profile' });

  newSession = () => this.sidebar().getByRole('button', { name: 'New session' }).click();
  openSession = (title: string) => this.sessionItems().filter({ hasText: title }).first().click();
}
