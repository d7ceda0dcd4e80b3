import type { Page } from '@playwright/test';

export type StatusFilterLabel = 'All' | 'Active' | 'Parked' | 'Needs a senior' | 'Escalated' | 'Resolved';

/**
 * The sidebar: New session, the search box, the status filter and the session listbox.
 * The listbox is virtualized: only the options near its viewport are in the DOM, so counts of
 * options are counts of rendered rows (all of them while the list is short).
 */
export class SessionsPage {
  constructor(private readonly page: Page) {}

  sidebar = () => this.page.getByRole('complementary', { name: 'Sessions' });
  emptyState = () => this.page.getByRole('heading', { name: 'No troubleshooting sessions yet' });
  /** The in-app bell: its name carries the unread count ("Notifications, 1 unread"). */
  bellButton = () => this.sidebar().getByRole('button', { name: /^Notifications/ });
  bellPanel = () => this.page.getByRole('dialog', { name: 'Notifications list' });
  bellItem = (text: string | RegExp) => this.bellPanel().getByRole('button').filter({ hasText: text });
  profileChip = () => this.page.getByRole('button', { name: /^Profile: / });

  // ---- the list ----
  /** Whichever listbox is showing: "Your sessions", or "Search results" while there is a query. */
  list = () => this.sidebar().getByRole('listbox');
  /** The sessions for the status filter (not search results). */
  sessionItems = () => this.sidebar().getByRole('listbox', { name: 'Your sessions' }).getByRole('option');
  /** An option (session or search result) by its title. aria-selected marks the open session. */
  option = (title: string | RegExp) => this.list().getByRole('option').filter({ hasText: title });
  /** The option the keyboard highlight is on (the search box's aria-activedescendant). */
  activeOption = () => this.list().locator('[role="option"][data-active]');
  /** "No sessions yet.", "No sessions with status “Parked”.", "No sessions match “…”". */
  listMessage = () => this.sidebar().locator('.list-empty');

  // ---- search ----
  /** A combobox controlling the listbox; Ctrl/Cmd+K focuses it. */
  searchBox = () => this.sidebar().getByRole('combobox', { name: 'Search sessions' });
  clearSearchButton = () => this.sidebar().getByRole('button', { name: 'Clear search' });
  results = () => this.sidebar().getByRole('listbox', { name: 'Search results' }).getByRole('option');
  result = (title: string | RegExp) => this.results().filter({ hasText: title });
  /** Where the words matched; the matched words are <mark> elements. */
  snippet = (title: string | RegExp) => this.result(title).locator('.session-snippet');
  snippetMarks = (title: string | RegExp) => this.snippet(title).locator('mark');
  noResults = () => this.listMessage().filter({ hasText: /^No sessions match “/ });
  /** The polite live region: "3 sessions match", "No sessions match “…”". */
  searchAnnouncement = () => this.sidebar().getByRole('status');

  // ---- status filter ----
  statusFilter = () => this.sidebar().getByRole('combobox', { name: 'Status', exact: true });

  // ---- actions ----
  newSession = () => this.sidebar().getByRole('button', { name: 'New session' }).click();
  openSession = (title: string) => this.option(title).first().click();
  /** Types into the search box (results follow after a short debounce). */
  search = (query: string) => this.searchBox().fill(query);
  focusSearchWithShortcut = () => this.page.keyboard.press('ControlOrMeta+K');
  /** Escape in the search box: clears the query and brings the list back. */
  clearSearch = () => this.searchBox().press('Escape');
  filterByStatus = (label: StatusFilterLabel) => this.statusFilter().selectOption({ label });

  /** ArrowDown (positive) or ArrowUp (negative) in the search box, `steps` times. */
  async moveHighlight(steps: number) {
    for (let i = 0; i < Math.abs(steps); i++)
      await this.searchBox().press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  }

  /**
   * Opens a session from the search box by keyboard: moves the highlight `steps` times, then Enter.
   * After a search the first result is already highlighted (steps = 0 opens it); in the plain list
   * nothing is until the first ArrowDown.
   */
  async openByKeyboard(steps = 0) {
    await this.moveHighlight(steps);
    await this.searchBox().press('Enter');
  }
}
