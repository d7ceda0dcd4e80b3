import type { Page } from '@playwright/test';

type Text = string | RegExp;

/**
 * The Handoffs screen's tabs and "My handoffs" (issue 15): what the current profile escalated or
 * parked, where each stands and who picked it up. By role and accessible name.
 */
export class MyHandoffsPage {
  constructor(private readonly page: Page) {}

  tabs = () => this.page.getByRole('tablist', { name: 'Handoffs' });
  /** aria-selected marks the one shown. */
  queueTab = () => this.tabs().getByRole('tab', { name: 'Waiting for a senior' });
  mineTab = () => this.tabs().getByRole('tab', { name: 'My handoffs' });
  panel = () => this.page.getByRole('tabpanel', { name: 'My handoffs' });
  list = () => this.panel().getByRole('list', { name: 'My handoffs' });
  /** The rows in order (newest first). */
  items = () => this.list().getByRole('listitem');
  item = (title: Text) => this.list().getByRole('listitem', { name: title });
  /** The title button: opens the session. */
  openButton = (title: Text) => this.item(title).getByRole('button', { name: title });
  /** "Escalated" or "Parked". */
  intent = (title: Text) => this.item(title).locator('.intent-badge');
  /** "Waiting for a senior since 10:42 AM", "Picked up by Sam Senior just now", "You resumed it", "Resolved". */
  state = (title: Text) => this.item(title).locator('.my-handoff-state');
  reason = (title: Text) => this.item(title).locator('.my-handoff-reason');
  ticketNumber = (title: Text) => this.item(title).locator('.ticket-number');
  emptyState = () =>
    this.panel().getByText(
      'Nothing handed off yet. When you escalate or park a session it shows here with who picked it up.',
    );

  /** How many pixels a row's content sticks out sideways (0 when everything wraps inside it). */
  horizontalOverflow = (title: Text) =>
    // Typed by hand: the e2e build has no DOM types.
    this.item(title).evaluate((element) => {
      const box = element as unknown as { scrollWidth: number; clientWidth: number };
      return box.scrollWidth - box.clientWidth;
    });
}
