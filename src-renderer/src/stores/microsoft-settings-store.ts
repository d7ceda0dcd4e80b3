// Settings → Microsoft 365: the app registration, sign-in authority and Graph address, and the mailbox
// escalation emails are sent from. Tokens never reach the renderer; the view says who is signed in.
import { create } from 'zustand';
import type { InputOf, MicrosoftSettings } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { errorMessage } from './queue-store';

export type MicrosoftSettingsDraft = InputOf<'settings:microsoft-save'>;

interface MicrosoftSettingsState {
  settings: MicrosoftSettings | null;
  error: string | null;
  /** A sign-in is open in the browser; main answers when it is finished (up to 5 minutes). */
  signingIn: boolean;
  /** The sign-in page main asked this window to open (browser host), to open again by hand. */
  signInUrl: string | null;
  load: () => Promise<void>;
  /** Saves and keeps what main answered; throws (VALIDATION with field details, FORBIDDEN…). */
  save: (input: MicrosoftSettingsDraft) => Promise<MicrosoftSettings>;
  /** Opens the sign-in page and waits for it; throws when it failed, was declined or timed out. */
  signIn: () => Promise<MicrosoftSettings>;
  signOut: () => Promise<MicrosoftSettings>;
}

let request = 0;

export const useMicrosoftSettingsStore = create<MicrosoftSettingsState>()((set) => ({
  settings: null,
  error: null,
  signingIn: false,
  signInUrl: null,

  async load() {
    const mine = ++request;
    set({ error: null });
    try {
      const settings = await unwrap(baton().settings['microsoft-get']());
      if (mine === request) set({ settings });
    } catch (err) {
      if (mine === request) set({ error: errorMessage(err) });
    }
  },

  async save(input) {
    const settings = await unwrap(baton().settings['microsoft-save'](input));
    request++; // a load still on its way is older than this answer
    set({ settings, error: null });
    return settings;
  },

  async signIn() {
    listenForOpenUrl();
    set({ signingIn: true });
    try {
      const settings = await unwrap(baton().settings['microsoft-sign-in']());
      request++;
      set({ settings, error: null });
      return settings;
    } finally {
      set({ signingIn: false, signInUrl: null });
    }
  },

  async signOut() {
    const settings = await unwrap(baton().settings['microsoft-sign-out']());
    request++;
    set({ settings, error: null });
    return settings;
  },
}));

let stopOpenUrl: (() => void) | null = null;

/**
 * Opens the pages main asks for (`open_url`: the Microsoft sign-in page in the browser host, which has
 * no shell.openExternal) in a new tab, https only. Registered once, however often it is called; call it
 * at app start. Electron opens such pages itself and never sends the event.
 */
export function listenForOpenUrl(): () => void {
  stopOpenUrl ??= baton().on('open_url', ({ url }) => {
    if (!URL.canParse(url) || new URL(url).protocol !== 'https:') return;
    window.open(url, '_blank', 'noopener');
    // A popup blocker may have stopped the tab (noopener never says): Settings offers the link too.
    if (useMicrosoftSettingsStore.getState().signingIn)
      useMicrosoftSettingsStore.setState({ signInUrl: url });
  });
  return () => {
    stopOpenUrl?.();
    stopOpenUrl = null;
  };
}
