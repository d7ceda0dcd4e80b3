// This computer's appearance on the page: <html data-theme="system|light|dark"> (theme.css picks its
// colours from it, "system" following the OS) and <html data-sidebar="expanded|collapsed">. Copies
// stay in localStorage for public/theme-boot.js, which applies them before the first paint.
import type { AppearanceSettings, SidebarState, ThemeChoice } from '../../src-preload/contract';
import { SIDEBAR_STATES, THEME_CHOICES } from '../../src-preload/contract';

const CACHE_KEYS = { theme: 'baton.theme', sidebar: 'baton.sidebar' } as const;
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** What theme-boot.js (or the browser host) put on the page. */
export function appearanceOnPage(): AppearanceSettings {
  const { theme, sidebar } = document.documentElement.dataset;
  return {
    theme: THEME_CHOICES.find((choice) => choice === theme) ?? 'system',
    sidebar: SIDEBAR_STATES.find((state) => state === sidebar) ?? 'expanded',
  };
}

export function applyAppearance(value: AppearanceSettings): void {
  const root = document.documentElement;
  root.dataset.theme = value.theme;
  root.dataset.sidebar = value.sidebar;
  try {
    localStorage.setItem(CACHE_KEYS.theme, value.theme);
    localStorage.setItem(CACHE_KEYS.sidebar, value.sidebar);
  } catch {
    // No storage: the next window may open in the OS's theme for a moment.
  }
}

/** What the choice means right now: "system" is the OS's current preference. */
export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Calls back when the OS switches between light and dark. */
export function onSystemThemeChange(listener: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

export type { SidebarState, ThemeChoice };
