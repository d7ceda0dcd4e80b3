import type { Page } from '@playwright/test';

export type InsightsChart =
  | 'Escalations and parks'
  | 'Time to claim'
  | 'Claim to resolution'
  | 'Who resolved'
  | 'Suggested fixes by confidence'
  | 'Was the assessment right?';

/** The Insights screen: range and filters, the headline tiles, and one card (figure) per chart. */
export class InsightsPage {
  constructor(private readonly page: Page) {}

  navItem = () =>
    this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Insights' });
  heading = () => this.page.getByRole('heading', { level: 1, name: 'Insights' });
  /** "This Baton knows …" / "Your figures: …". */
  knows = () => this.page.locator('.insights-view').getByRole('note');
  range = (label: '7 days' | '30 days' | '90 days' | 'Custom') =>
    this.page.getByRole('group', { name: 'Date range' }).getByRole('button', { name: label });
  fromDate = () => this.page.getByRole('textbox', { name: 'From', exact: true });
  toDate = () => this.page.getByRole('textbox', { name: 'To', exact: true });
  filter = (label: 'Technician' | 'Priority' | 'Problem domain' | 'Board') =>
    this.page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: label });
  tile = (label: string) =>
    this.page
      .locator('.insights-tiles > div')
      .filter({ has: this.page.locator('dt').getByText(label, { exact: true }) })
      .locator('dd.insights-tile-value');
  card = (title: InsightsChart) => this.page.getByRole('figure', { name: title });
  /** The plain-text summary the chart's SVG is labelled by. */
  summary = (title: InsightsChart) => this.card(title).locator('.insights-summary');
  /** The chart's SVG: one role=img (visx's tick labels inside it are presentational). */
  chart = (title: InsightsChart) => this.card(title).locator('svg.chart-svg[role="img"]');
  covers = (title: InsightsChart) => this.card(title).locator('figcaption');
  csvButton = (title: InsightsChart) =>
    this.card(title).getByRole('button', { name: `Download ${title} as CSV` });
  numbers = (title: InsightsChart) => this.card(title).locator('details');
  tableRows = (title: InsightsChart) => this.numbers(title).locator('tbody tr');

  /** Opens the screen and waits until its figures answer the current range and filters. */
  async open() {
    await this.navItem().click();
    await this.settled();
  }

  async settled() {
    await this.page.getByTestId('insights-state').and(this.page.locator('[data-state="ready"]')).waitFor({
      state: 'attached',
    });
  }
}
