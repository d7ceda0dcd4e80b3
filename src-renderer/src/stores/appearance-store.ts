// This computer's appearance (System / Light / Dark, the sidebar collapsed or not): read from main
// at start, applied to the page, saved from Settings → Appearance and the sidebar's toggle, and
// followed when another window on this store changes it.
import { create } from 'zustand';
import type { AppearanceSettings, SidebarState, ThemeChoice } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { appearanceOnPage, applyAppearance, onSystemThemeChange, resolveTheme } from '../theme';

interface AppearanceState extends AppearanceSettings {
  /** light or dark as shown now ("system" resolved against the OS). */
  shown: 'light' | 'dark';
  /** Reads the stored appearance and keeps following it; returns the unsubscribe. */
  init: () => () => void;
  setTheme: (theme: ThemeChoice) => Promise<void>;
  setSidebar: (sidebar: SidebarState) => Promise<void>;
}

export const useAppearanceStore = create<AppearanceState>()((set, get) => {
  const show = (value: AppearanceSettings) => {
    applyAppearance(value);
    set({ theme: value.theme, sidebar: value.sidebar, shown: resolveTheme(value.theme) });
  };
  /** Shown at once (it is this computer's own choice), then stored; put back if storing fails. */
  async function save(change: Partial<AppearanceSettings>) {
    const previous: AppearanceSettings = { theme: get().theme, sidebar: get().sidebar };
    show({ ...previous, ...change });
    try {
      show(await unwrap(baton().settings['appearance-save'](change)));
    } catch (err) {
      show(previous);
      throw err;
    }
  }
  const initial = appearanceOnPage();
  return {
    ...initial,
    shown: resolveTheme(initial.theme),
    init() {
      void unwrap(baton().settings['appearance-get']())
        .then(show)
        .catch(() => undefined); // keep what the page opened with
      const offEvent = baton().on('appearance_changed', show);
      const offSystem = onSystemThemeChange(() => set({ shown: resolveTheme(get().theme) }));
      return () => {
        offEvent();
        offSystem();
      };
    },
    setTheme: (theme) => save({ theme }),
    setSidebar: (sidebar) => save({ sidebar }),
  };
});
