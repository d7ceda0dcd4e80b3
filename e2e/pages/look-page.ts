import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import { screenshotPath } from '../fixtures/test';

export type Theme = 'light' | 'dark';
export interface WindowSize {
  width: number;
  height: number;
}

/** The smallest window Baton supports and a common laptop one (issue 15). */
export const WINDOW_SIZES: readonly WindowSize[] = [
  { width: 900, height: 600 },
  { width: 1280, height: 820 },
];
export const THEMES: readonly Theme[] = ['light', 'dark'];

/** One axe finding that fails the scan: serious or critical. */
export interface AxeFinding {
  screen: string;
  theme: Theme;
  size: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Looking at a screen the way issue 15 asks: at each window size and in each theme (the OS's
 * preference, which Baton follows on its default "System" appearance), a screenshot under
 * e2e/screenshots/ and an axe scan (WCAG 2.x A/AA and best practices).
 */
export class LookPage {
  readonly findings: AxeFinding[] = [];
  readonly screenshots: string[] = [];
  /** Every rule that found something, whatever its impact ("rule (impact) on screen"). */
  readonly all = new Set<string>();

  constructor(
    private readonly page: Page,
    private readonly testInfo: TestInfo,
  ) {}

  async emulate(size: WindowSize, theme: Theme) {
    await this.page.setViewportSize(size);
    await this.page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  }

  /**
   * Waits for the toasts on screen to go (they would cover the top of every screenshot), closing
   * them where it can: under a modal dialog they cannot be clicked, and time out by themselves.
   * The pointer rests in the window's corner, so no hover state (and no paused toast) is captured.
   */
  async dismissToasts() {
    await this.page.mouse.move(1, 1);
    for (const close of await this.page.getByRole('button', { name: 'Close toast' }).all())
      await close.click({ timeout: 1_000 }).catch(() => undefined);
    await expect(this.page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 15_000 });
  }

  /** Screenshots and scans the current screen in every size and theme; leaves 1280×820 light. */
  async look(name: string, options: { fullPage?: boolean } = {}) {
    await this.dismissToasts();
    for (const theme of THEMES)
      for (const size of WINDOW_SIZES) {
        await this.emulate(size, theme);
        const label = `${size.width}x${size.height}`;
        const path = screenshotPath(this.testInfo.project.name, `look-${name}-${label}-${theme}`);
        await this.page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
        this.screenshots.push(path);
        await this.scan(name, theme, label);
      }
    await this.emulate(WINDOW_SIZES[1]!, 'light');
  }

  async scan(screen: string, theme: Theme, size: string) {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      // Toasts come and go on their own timers; they are checked where a test waits for one.
      .exclude('[data-sonner-toaster]')
      .analyze();
    for (const v of results.violations) {
      this.all.add(`${v.id} (${v.impact ?? 'unknown'}) on ${screen}`);
      if (v.impact === 'serious' || v.impact === 'critical')
        this.findings.push({
          screen,
          theme,
          size,
          rule: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
        });
    }
  }

  /** The serious and critical findings, one line each ("" when there are none). Minor and moderate
   * ones are attached to the test's report for reading. */
  report(): string {
    if (this.all.size > 0) {
      const body = [...this.all].join('\n');
      void this.testInfo.attach('axe-all-findings', { body, contentType: 'text/plain' });
      if (process.env.BATON_AXE_ALL) console.log(body);
    }
    return this.findings
      .map(
        (f) =>
          `${f.screen} ${f.size} ${f.theme}: ${f.rule} (${f.impact}) ${f.help} — ${f.targets.join(', ')}`,
      )
      .join('\n');
  }
}
