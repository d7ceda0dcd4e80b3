// This computer's Baton: what it is, start at login and updates, and how it looks.
import { z } from 'zod';

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  dataDir: string;
  schemaVersion: number;
}

// ---- the desktop app: start at login, updates ------------------------------------------------------

export interface DesktopSettings {
  /** Start Baton (in the tray) when this person signs in to the computer. Default: on for seniors. */
  startAtLogin: boolean;
  /** Where updates come from (an electron-builder "generic" feed); null: no automatic updates. */
  updateFeedUrl: string | null;
  /** Whether this person may change the update feed (owner or admin). */
  canEditFeed: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('updateFeedUrl' | 'startAtLogin')[];
  /** False in the browser host, which stores these but has no login item or updater. */
  applies: boolean;
}
export const DesktopSettingsInput = z.object({
  startAtLogin: z.boolean(),
  updateFeedUrl: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .transform((v) => (v === '' ? null : v)),
});

export type UpdateState = 'unavailable' | 'idle' | 'checking' | 'downloading' | 'ready' | 'error';
export interface UpdateStatus {
  state: UpdateState;
  /** The version being downloaded or ready to install. */
  version: string | null;
  percent: number | null;
  /** Why updates are unavailable, the error, or what a restart is waiting for. */
  message: string | null;
  /** "Restart to update" was chosen and waits for a post, claim or AI reply to finish. */
  restartPending: boolean;
}

// ---- appearance ----------------------------------------------------------------------------------

/**
 * How Baton looks on this computer: follow the OS, or always light / dark. The values are Electron's
 * `nativeTheme.themeSource` values, so the shell passes the setting through unchanged.
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export const SIDEBAR_STATES = ['expanded', 'collapsed'] as const;
export type SidebarState = (typeof SIDEBAR_STATES)[number];

/** Appearance of this computer's Baton (anyone may change it: it changes nothing for the team). */
export interface AppearanceSettings {
  theme: ThemeChoice;
  /** The sessions sidebar, full or collapsed to a rail of icons. */
  sidebar: SidebarState;
}

/** Only what changes; the rest is kept. */
export const AppearanceInput = z.object({
  theme: z.enum(THEME_CHOICES).optional(),
  sidebar: z.enum(SIDEBAR_STATES).optional(),
});
