// How Baton looks on this computer (issue 15): follow the OS, or always light / dark, and whether the
// sessions sidebar is collapsed. Plain settings rows of this machine's store; anyone may change them
// (they change nothing for the team). The renderer applies the theme to <html data-theme>; the
// Electron shell sets nativeTheme.themeSource from it (the values are Electron's own), at start-up
// and on each appearance_changed event.
import type { z } from 'zod';
import type {
  AppearanceInput,
  AppearanceSettings,
  SidebarState,
  ThemeChoice,
  User,
} from '../../src-preload/contract';
import { SIDEBAR_STATES, THEME_CHOICES } from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';

export const THEME_KEY = 'appearance.theme';
export const SIDEBAR_KEY = 'appearance.sidebar';

/** A stored value this build knows, else the default (a newer Baton may store more). */
function known<T extends string>(db: Db, key: string, values: readonly T[], fallback: T): T {
  const stored = getSetting<string>(db, key);
  return values.find((value) => value === stored) ?? fallback;
}

export const themeChoice = (db: Db): ThemeChoice => known(db, THEME_KEY, THEME_CHOICES, 'system');
const sidebarState = (db: Db): SidebarState => known(db, SIDEBAR_KEY, SIDEBAR_STATES, 'expanded');

export function createAppearance(deps: { db: Db; clock: Clock; events: CoreEvents }) {
  const { db, clock, events } = deps;

  const view = (): AppearanceSettings => ({ theme: themeChoice(db), sidebar: sidebarState(db) });

  function save(actor: User, input: z.output<typeof AppearanceInput>): AppearanceSettings {
    const before = view();
    const themeChanged = input.theme !== undefined && input.theme !== before.theme;
    const sidebarChanged = input.sidebar !== undefined && input.sidebar !== before.sidebar;
    if (!themeChanged && !sidebarChanged) return before;
    const now = clock.now();
    inTransaction(db, () => {
      if (sidebarChanged) putSetting(db, SIDEBAR_KEY, input.sidebar, now, actor.id);
      if (!themeChanged) return;
      putSetting(db, THEME_KEY, input.theme, now, actor.id);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'settings.appearance.theme',
          entityType: 'settings',
          entityId: THEME_KEY,
          details: { value: input.theme },
        },
        now,
      );
    });
    const saved = view();
    events.emit('appearance_changed', saved);
    return saved;
  }

  return { view, save };
}

export type AppearanceService = ReturnType<typeof createAppearance>;
