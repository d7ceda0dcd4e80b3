// Start at login and the update feed (Settings → This computer). Start at login defaults to on for
// seniors, who are told about escalations from the tray, and off for technicians. The feed URL is an
// admin's choice (https, or plain http to this computer for a test feed); the Electron host applies
// both when they change, the browser host only stores them.
import type { z } from 'zod';
import type { DesktopSettings, DesktopSettingsInput, User } from '../../src-preload/contract';
import { isAdmin, isSenior } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { assertAllowedUrl } from '../net/http';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { getSetting, putChangedSettings } from '../store/repos/settings';
import type { ManagedSettings } from '../managed/managed-settings';
import { noManagedSettings } from '../managed/managed-settings';

export const START_AT_LOGIN_KEY = 'desktop.startAtLogin';
export const UPDATE_FEED_URL_KEY = 'desktop.updateFeedUrl';

export interface AppliedDesktopSettings {
  startAtLogin: boolean;
  updateFeedUrl: string | null;
}

export function startAtLogin(db: Db, user: User | null): boolean {
  return getSetting<boolean>(db, START_AT_LOGIN_KEY) ?? (user !== null && isSenior(user.role));
}

export function updateFeedUrl(db: Db): string | null {
  return getSetting<string | null>(db, UPDATE_FEED_URL_KEY) ?? null;
}

export type DesktopSettingsService = ReturnType<typeof createDesktopSettings>;

export function createDesktopSettings(deps: {
  db: Db;
  clock: Clock;
  applies: boolean;
  managed?: ManagedSettings;
}) {
  const { db, clock } = deps;
  const managed = deps.managed ?? noManagedSettings();
  const listeners = new Set<(settings: AppliedDesktopSettings) => void>();

  function view(actor: User): DesktopSettings {
    return {
      startAtLogin: startAtLogin(db, actor),
      updateFeedUrl: updateFeedUrl(db),
      canEditFeed: isAdmin(actor.role),
      applies: deps.applies,
      managed: managed.fields('desktop', ['updateFeedUrl', 'startAtLogin'] as const),
    };
  }

  return {
    view,
    /** What the host applies for whoever is signed in (null before the first profile exists). */
    current(user: User | null): AppliedDesktopSettings {
      return { startAtLogin: startAtLogin(db, user), updateFeedUrl: updateFeedUrl(db) };
    },
    onChange(listener: (settings: AppliedDesktopSettings) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    save(actor: User, input: z.output<typeof DesktopSettingsInput>): DesktopSettings {
      const before = view(actor);
      managed.assertUnchanged({
        'desktop.updateFeedUrl': input.updateFeedUrl,
        'desktop.startAtLogin': input.startAtLogin,
      });
      const feedChanged = input.updateFeedUrl !== before.updateFeedUrl;
      if (feedChanged && !isAdmin(actor.role))
        throw new AppError('FORBIDDEN', 'Only an owner or admin can change where updates come from');
      if (input.updateFeedUrl !== null) {
        try {
          assertAllowedUrl(input.updateFeedUrl);
        } catch (err) {
          throw new AppError('VALIDATION', (err as Error).message, {
            fields: [{ path: 'updateFeedUrl', message: (err as Error).message }],
          });
        }
      }
      const now = clock.now();
      inTransaction(db, () => {
        putChangedSettings(db, { actorId: actor.id, area: 'desktop', now }, [
          [
            START_AT_LOGIN_KEY,
            'start-at-login',
            input.startAtLogin,
            input.startAtLogin !== before.startAtLogin,
          ],
          [UPDATE_FEED_URL_KEY, 'update-feed', input.updateFeedUrl, feedChanged],
        ]);
      });
      const after = view(actor);
      for (const listener of listeners)
        listener({ startAtLogin: after.startAtLogin, updateFeedUrl: after.updateFeedUrl });
      return after;
    },
  };
}
