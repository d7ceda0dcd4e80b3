import type { Page } from '@playwright/test';

export type QueueTab = 'Pending' | 'Failed' | 'Done' | 'All';

/** The offline outbox: the status bar along the bottom, the Queue nav item and the Queue screen. */
export class QueuePage {
  constructor(private readonly page: Page) {}

  // ---- status bar ----
  statusBar = () => this.page.getByRole('region', { name: 'Status bar' });
  /** "Online", "Offline" (the reason is in its title and in hidden text) or "Working offline". */
  connection = () => this.statusBar().getByRole('status', { name: 'Connection' });
  /** "AI unreachable": the AI endpoint's own state, shown only while it does not answer. */
  aiState = () => this.statusBar().getByRole('status', { name: 'AI assistant' });
  /** "3 waiting for connection", "3 waiting", "Sending 4 of 10…", "All sent"; a button opening Pending. */
  outbox = () => this.statusBar().getByRole('status', { name: 'Outbox' });
  outboxButton = () => this.outbox().getByRole('button');
  /** Visible only while a drain runs; aria-valuenow = done, aria-valuemax = total. */
  drainProgress = () => this.statusBar().getByRole('progressbar', { name: 'Sending queued items' });
  /** "2 failed — review": opens the Queue screen on the Failed tab. */
  failedWarning = () => this.statusBar().getByRole('button', { name: /failed — review/ });
  /** role="switch" with aria-checked. */
  workOfflineSwitch = () => this.statusBar().getByRole('switch', { name: 'Work offline' });

  // ---- sidebar ----
  views = () => this.page.getByRole('navigation', { name: 'Views' });
  /** Its accessible name is "Queue" or "Queue, 3 waiting, 2 failed" while anything is pending. */
  navItem = () => this.views().getByRole('button', { name: /^Queue\b/ });
  /** The visible badge (waiting + failed); absent when zero. */
  navBadge = () => this.navItem().locator('.nav-count');
  sessionsNavItem = () => this.views().getByRole('button', { name: 'Sessions' });

  // ---- Queue screen ----
  heading = () => this.page.getByRole('heading', { name: 'Queue', level: 1 });
  tab = (name: QueueTab) => this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  panel = () => this.page.getByRole('tabpanel');
  emptyState = () => this.panel().getByRole('heading', { level: 2 });
  table = () => this.page.getByRole('table', { name: 'Jobs' });
  /** Body rows only (the header row holds column headers). */
  rows = () => this.table().locator('tbody').getByRole('row');
  /**
   * The row whose job label matches. Matched on the label alone: a row also shows its session's
   * title, which is often the text of the note that caused the job.
   */
  row = (label: string | RegExp) =>
    this.rows().filter({ has: this.page.locator('.job-label').filter({ hasText: label }) });
  /** The row header: the job's label and, under it, its session's title as a link-button. */
  whatCell = (label: string | RegExp) => this.row(label).getByRole('rowheader');
  /** Data cells after the row header: 0 state ("Failed", "2 of 8 attempts"), 1 next try ("in 30
   * seconds", "When online", "Sending now", "Sent 2 minutes ago", "No more tries"), 2 last error,
   * 3 actions. */
  cell = (label: string | RegExp, column: number) => this.row(label).getByRole('cell').nth(column);
  stateCell = (label: string | RegExp) => this.cell(label, 0);
  nextTryCell = (label: string | RegExp) => this.cell(label, 1);
  errorCell = (label: string | RegExp) => this.cell(label, 2);
  /** Opens the job's session. */
  sessionLink = (label: string | RegExp) => this.whatCell(label).getByRole('button');
  retryButton = (label: string | RegExp) =>
    this.row(label).getByRole('button', { name: 'Retry', exact: true });
  discardButton = (label: string | RegExp) =>
    this.row(label).getByRole('button', { name: 'Discard', exact: true });

  // ---- confirm dialog ----
  confirmDialog = () => this.page.getByRole('alertdialog', { name: 'Discard this item?' });
  confirmDiscard = () => this.confirmDialog().getByRole('button', { name: 'Discard', exact: true });
  cancelDiscard = () => this.confirmDialog().getByRole('button', { name: 'Keep it', exact: true });

  // ---- actions ----
  open = () => this.navItem().click();
  showTab = (name: QueueTab) => this.tab(name).click();
  retry = (label: string | RegExp) => this.retryButton(label).click();
  toggleWorkOffline = () => this.workOfflineSwitch().click();

  /** Discard a failed job, answering the confirmation. */
  async discard(label: string | RegExp) {
    await this.discardButton(label).click();
    await this.confirmDiscard().click();
  }
}
