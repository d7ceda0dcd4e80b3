import type { Locator, Page } from '@playwright/test';

/**
 * The workspace's frame: the sidebar (full, or collapsed to a rail of icons), the session's side
 * panel and the theme on the page. Everything by role and accessible name, except the page-wide
 * attributes theme-boot.js sets (<html data-theme data-sidebar>).
 */
export class WorkspacePage {
  constructor(private readonly page: Page) {}

  // ---- sidebar ----
  sidebar = () => this.page.getByRole('complementary', { name: 'Sessions' });
  /** "Collapse sidebar" / "Expand sidebar"; aria-expanded says which. */
  sidebarToggle = () => this.sidebar().getByRole('button', { name: /^(Collapse|Expand) sidebar$/ });
  /** The rail's search button (the search box itself shows only in the full sidebar). */
  railSearch = () => this.sidebar().getByRole('button', { name: 'Search sessions' });
  searchBox = () => this.sidebar().getByRole('combobox', { name: 'Search sessions' });
  viewButton = (name: RegExp) =>
    this.sidebar().getByRole('navigation', { name: 'Views' }).getByRole('button', { name });

  async sidebarWidth(): Promise<number> {
    return (await this.sidebar().boundingBox())?.width ?? 0;
  }

  // ---- the session's side panel ----
  panel = () => this.page.getByRole('complementary', { name: 'Steps, facts and hypotheses' });
  /** The header's "Hide panel" / "Show panel" (its label may show only as an icon in a narrow window). */
  panelToggle = () => this.page.getByRole('button', { name: /^(Hide|Show) panel$/ });
  /** The panel's own close button, in its top bar. */
  panelClose = () => this.panel().getByRole('button', { name: 'Close the panel' });

  // ---- theme ----
  /** "system", "light" or "dark": the appearance on the page. */
  themeAttribute = () => this.page.locator('html').getAttribute('data-theme');
  /** The page's background colour as painted, e.g. "rgb(11, 18, 32)". (Page code is passed as text:
   * the e2e build has no DOM types.) */
  background = () => this.page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');

  /**
   * Records the theme and background of the page's very first animation frame (before it is painted)
   * on every load from now on; read it with firstFrame().
   */
  recordFirstFrame = () =>
    this.page.addInitScript({
      content: `requestAnimationFrame(() => {
        window.batonFirstFrame = {
          theme: document.documentElement.getAttribute('data-theme'),
          background: getComputedStyle(document.documentElement).backgroundColor,
        };
      });`,
    });

  firstFrame = () =>
    this.page.evaluate<{ theme: string; background: string } | undefined>('window.batonFirstFrame');

  /** Whether the element at the centre of `target` is `target` itself or inside it (nothing covers it). */
  async isOnTop(target: Locator): Promise<boolean> {
    await target.scrollIntoViewIfNeeded();
    // Typed by hand: the e2e build has no DOM types.
    type Box = { left: number; top: number; width: number; height: number };
    type Node = { getBoundingClientRect(): Box; contains(other: unknown): boolean };
    return target.evaluate((element) => {
      const node = element as unknown as Node;
      const doc = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } })
        .document;
      const box = node.getBoundingClientRect();
      const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && node.contains(hit);
    });
  }
}
