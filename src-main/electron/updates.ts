// Auto-update with electron-updater from the feed URL in Settings (an electron-builder "generic" feed:
// latest.yml / latest-mac.yml / latest-linux.yml beside the installers). Downloads in the background
// and reports to the core's update state, which the status bar shows as "Restart to update"; the
// restart itself waits until no post, claim or AI reply is in flight (src-main/desktop/updates.ts).
import type * as ElectronUpdater from 'electron-updater';
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { Core } from '../core';

export interface UpdaterOptions {
  core: Core;
  packaged: boolean;
  log: {
    info(message: string, ...rest: unknown[]): void;
    warn(message: string, ...rest: unknown[]): void;
    error(message: string, ...rest: unknown[]): void;
  };
  /** electron-updater's autoUpdater, imported when first needed (not on the start-up path). */
  loadUpdater?: () => Promise<AppUpdater>;
  /** Check again this often (default 4 h). */
  intervalMs?: number;
  /** Wait this long after start before the first check (default 15 s: not first-screen work). */
  firstCheckDelayMs?: number;
}

type UpdaterModule = typeof ElectronUpdater;
const defaultLoader = async () => {
  // A CommonJS module: its exports are the default export of the dynamic import.
  const mod = (await import('electron-updater')) as UpdaterModule & { default?: UpdaterModule };
  return (mod.default ?? mod).autoUpdater;
};

export function startUpdates(options: UpdaterOptions) {
  const { core, log } = options;
  const updates = core.services.updates;
  let updater: AppUpdater | null = null;
  let detach: (() => void) | null = null;
  let feed: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let disposed = false;

  const unavailable = (message: string) => {
    detach?.();
    detach = null;
    updates.report({ state: 'unavailable', version: null, percent: null, message });
  };

  async function ensureUpdater(): Promise<AppUpdater> {
    if (updater) return updater;
    const u = await (options.loadUpdater ?? defaultLoader)();
    u.logger = log;
    u.autoDownload = true;
    u.autoInstallOnAppQuit = true;
    u.on('checking-for-update', () => updates.report({ state: 'checking', message: null }));
    u.on('update-not-available', () => updates.report({ state: 'idle', version: null, percent: null }));
    u.on('update-available', (info: UpdateInfo) =>
      updates.report({ state: 'downloading', version: info.version, percent: 0, message: null }),
    );
    u.on('download-progress', (progress: ProgressInfo) =>
      updates.report({ state: 'downloading', percent: Math.round(progress.percent) }),
    );
    u.on('update-downloaded', (info: UpdateInfo) =>
      updates.report({ state: 'ready', version: info.version, percent: 100, message: null }),
    );
    u.on('error', (err: Error) => {
      log.warn('update check failed', err);
      updates.report({
        state: 'error',
        percent: null,
        message: `Update failed: ${err.message.split('\n')[0]}`,
      });
    });
    updater = u;
    return u;
  }

  async function check(): Promise<void> {
    if (!updater || !feed || disposed) return;
    try {
      await updater.checkForUpdates();
    } catch {
      // Reported through the 'error' event above.
    }
  }

  async function apply(nextFeed: string | null): Promise<void> {
    feed = nextFeed;
    if (!options.packaged)
      return unavailable('Updates apply to an installed Baton, not one run from source.');
    if (!feed) return unavailable('No update feed is set (Settings → This computer).');
    const u = await ensureUpdater();
    u.setFeedURL({ provider: 'generic', url: feed });
    // quitAndInstall(isSilent, isForceRunAfter): install quietly and start Baton again.
    detach ??= updates.attachInstaller(() => u.quitAndInstall(true, true));
  }

  const me = () => core.services.profiles.current();
  const off = core.services.desktop.onChange((settings) => {
    void apply(settings.updateFeedUrl).then(check);
  });
  const first = setTimeout(() => {
    void apply(core.services.desktop.current(me()).updateFeedUrl).then(check);
    timer = setInterval(() => void check(), options.intervalMs ?? 4 * 3_600_000);
  }, options.firstCheckDelayMs ?? 15_000);
  // Until the first check, say why nothing happens yet.
  if (!options.packaged) unavailable('Updates apply to an installed Baton, not one run from source.');

  return {
    /** Checks now (tests, and a future "Check for updates" item). */
    async checkNow(): Promise<void> {
      await apply(core.services.desktop.current(me()).updateFeedUrl);
      await check();
    },
    dispose() {
      disposed = true;
      off();
      clearTimeout(first);
      if (timer) clearInterval(timer);
    },
  };
}
