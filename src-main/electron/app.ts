// The Electron host: wires the core (plain Node) to the window, the tray, notifications, the menus,
// the log file and the updater. Order matters at start: userData is settled before the single-instance
// lock (the lock lives there), the app:// scheme is registered before `ready`, and nothing a first
// screen does not need (the updater, the login item) runs before the window is up.
import { mkdirSync } from 'node:fs';
import { release } from 'node:os';
import type { BrowserWindow } from 'electron';
import { app, dialog, nativeTheme, net, shell } from 'electron';
import { version } from '../../package.json';
import type { AppInfo, EventMap } from '../../src-preload/contract';
import { appLayout } from '../app-layout';
import type { Core, CoreOptions } from '../core';
import type { Launcher } from '../startup/launcher';
import { launchBaton } from '../startup/launcher';
import { managedSettingsLocation } from '../managed/managed-file';
import { createHttpClient } from '../net/http';
import { installProcessGuards } from '../process-guard';
import type { FileLog } from '../logging/file-log';
import { createFileLog } from '../logging/file-log';
import { supportBundleName, writeSupportBundle } from '../logging/support-bundle';
import type { SecretVault } from '../vault/secret-vault';
import { createKeychainVault } from '../vault/secret-vault';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { denyPermissions, guardWebContents } from './hardening';
import type { HandoffAlerts } from './handoff-alerts';
import { watchHandoffs } from './handoff-alerts';
import { forwardEvents, registerIpc, trustedOrigin } from './ipc';
import { applyStartAtLogin, startedAtLogin } from './login-item';
import { installAppMenu } from './menu';
import { electronFetch } from './net-fetch';
import { DEBUG_SWITCHES, runtimeEnv } from './runtime-env';
import type { BatonTray } from './tray';
import { createTray } from './tray';
import { startUpdates } from './updates';
import { createMainWindow } from './window';

export const APP_USER_MODEL_ID = 'app.baton.desktop';

export interface ElectronAppOptions {
  env?: NodeJS.ProcessEnv;
  argv?: readonly string[];
  platform?: NodeJS.Platform;
  /** Tests: a core on a temp keychain namespace, a short worker poll… */
  createCore?: (options: CoreOptions) => Core;
  vault?: SecretVault;
  updater?: Parameters<typeof startUpdates>[0]['loadUpdater'];
  updateFirstCheckDelayMs?: number;
}

export interface ElectronAppHandle {
  /** Resolves once the core is up and the window has been asked to load (null when start failed). */
  started: Promise<Core | null>;
  window: () => BrowserWindow | null;
  alerts: () => HandoffAlerts | null;
  log: FileLog;
}

export function startElectronApp(options: ElectronAppOptions = {}): ElectronAppHandle | null {
  const platform = options.platform ?? process.platform;
  const packaged = app.isPackaged;
  const env = runtimeEnv(options.env ?? process.env, packaged, options.argv ?? process.argv);
  if (packaged && DEBUG_SWITCHES.some((name) => app.commandLine.hasSwitch(name))) {
    app.exit(1);
    return null;
  }

  // The data folder first: the single-instance lock and everything else live under userData.
  if (env.dataDir) app.setPath('userData', env.dataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Windows shows notifications only for an app with an AppUserModelID (the installer's shortcut has it).
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  registerAppScheme();

  const logsDir = app.getPath('logs');
  mkdirSync(logsDir, { recursive: true });
  const log = createFileLog({ dir: logsDir });
  log.info(
    `Baton ${version} starting (Electron ${process.versions.electron ?? '?'}, ${platform}, packaged ${packaged})`,
  );
  // Logged with their context and survived; one that escapes a job fails that job (process-guard.ts).
  const offUncaught = installProcessGuards((message, err) => log.error(message, err ?? ''));

  const layout = appLayout(app.getAppPath(), platform);
  const origin = trustedOrigin(env.rendererUrl, APP_ORIGIN);
  guardWebContents(origin.isAllowedUrl, packaged);

  let core: Core | null = null;
  let closeLauncher: (() => Promise<void>) | null = null;
  let win: BrowserWindow | null = null;
  let tray: BatonTray | null = null;
  let alerts: HandoffAlerts | null = null;
  const cleanups: (() => void)[] = [];

  const showWindow = () => {
    if (!win || win.isDestroyed()) win = createMainWindow(layout, { rendererUrl: env.rendererUrl, packaged });
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  app.on('second-instance', showWindow);
  // Closing the window keeps Baton in the tray so handoff notifications still arrive.
  app.on('window-all-closed', () => undefined);
  app.on('activate', showWindow);

  const started = app.whenReady().then(async (): Promise<Core | null> => {
    denyPermissions();
    serveRenderer(layout.rendererDir);
    let launcher: Launcher;
    try {
      // The store is checked before it is opened: a damaged, foreign or newer one waits for the person's
      // decision on the start-up screen (the launcher answers the start-up channels until then).
      launcher = await launchBaton({
        dataDir: app.getPath('userData'),
        migrationsDir: layout.migrationsDir,
        vault: options.vault ?? createKeychainVault(env.keychainNamespace),
        host: 'electron',
        version,
        diagnosticEchoUrl: env.diagnosticEchoUrl,
        // The organization's managed settings: installed, the machine-wide file wins over BATON_SETTINGS_FILE.
        managedSettings: managedSettingsLocation(options.env ?? process.env, platform, {
          machineFirst: packaged,
        }),
        // Chromium's network stack: the system proxy, PAC and the OS certificate store.
        http: createHttpClient({ fetch: electronFetch() }),
        log: (message, err) => log.error(message, err ?? ''),
        // Only https pages leave the app (the Microsoft sign-in page).
        openExternal: (url) =>
          new URL(url).protocol === 'https:'
            ? shell.openExternal(url)
            : Promise.reject(new Error(`Not opened: ${url}`)),
        ...(options.createCore ? { createCore: options.createCore } : {}),
      });
    } catch (err) {
      log.error('the core could not start', err);
      dialog.showErrorBox('Baton cannot start', err instanceof Error ? err.message : String(err));
      app.exit(1);
      return null;
    }
    cleanups.push(
      registerIpc(launcher, origin.isTrustedSender),
      forwardEvents(launcher, () => win),
    );
    closeLauncher = () => launcher.close();
    if (launcher.status().problem) showWindow();
    core = await launcher.whenReady();
    const started = core;
    const claim = (handoffId: string) => {
      const me = started.services.profiles.current();
      showWindow();
      if (!me) return;
      // Claiming may go through ConnectWise (a team escalation): the window shows meanwhile.
      started.services.handoffs
        .claim(me, handoffId)
        .then(() => started.events.emit('open_handoff', { handoffId }))
        .catch((err: unknown) => {
          dialog.showErrorBox(
            'Could not claim the handoff',
            err instanceof Error ? err.message : String(err),
          );
        });
    };
    cleanups.push(watchOsConnectivity(started));
    installAppMenu(
      {
        command: (command) => {
          showWindow();
          started.events.emit('menu_command', { command });
        },
        exportLogs: () => void exportLogs(log, started, () => win),
        openLogsFolder: () => void shell.openPath(logsDir),
        quit: () => app.quit(),
      },
      { platform, packaged },
    );
    tray = createTray(layout, { open: showWindow, quit: () => app.quit(), claim }, platform);
    alerts = watchHandoffs({
      core: started,
      tray,
      layout,
      platform,
      showWindow,
      getWindow: () => win,
      claim,
    });
    cleanups.push(() => alerts?.dispose());

    // Started by the OS at login: stay in the tray until the person opens Baton.
    if (!(env.startedHidden || startedAtLogin(platform, options.argv ?? process.argv))) showWindow();

    // Not needed for the first screen: after it.
    const loginItem = (enabled: boolean) => {
      try {
        log.info(
          applyStartAtLogin(enabled, {
            platform,
            packaged,
            env: options.env ?? process.env,
            execPath: process.execPath,
          }),
        );
      } catch (err) {
        log.warn('start at login could not be applied', err);
      }
    };
    // Settings → Appearance decides what the OS theme is for Chromium too (prefers-color-scheme, native
    // controls and scrollbars), at start and whenever it changes.
    nativeTheme.themeSource = started.services.appearance.view().theme;
    cleanups.push(
      started.events.onAny((event, payload) => {
        if (event === 'appearance_changed')
          nativeTheme.themeSource = (payload as EventMap['appearance_changed']).theme;
      }),
    );
    // After first paint; never once the core is closed (a quit right after start).
    const applyLogin = setImmediate(() =>
      loginItem(started.services.desktop.current(started.services.profiles.current()).startAtLogin),
    );
    cleanups.push(() => clearImmediate(applyLogin));
    cleanups.push(started.services.desktop.onChange((settings) => loginItem(settings.startAtLogin)));
    const updater = startUpdates({
      core: started,
      packaged,
      log,
      loadUpdater: options.updater,
      firstCheckDelayMs: options.updateFirstCheckDelayMs,
    });
    cleanups.push(() => updater.dispose());
    return started;
  });

  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || (!core && !closing)) return;
    // Let the worker abort in-flight jobs and the store fold its WAL back before the process ends; a
    // second quit while that runs waits for it too.
    event.preventDefault();
    if (closing || !core) return;
    cleanups.splice(0).forEach((fn) => fn());
    tray?.destroy();
    const closingCore = core;
    core = null;
    // The launcher closes the core and stops the daily backups with it.
    closing = (closeLauncher ? closeLauncher() : closingCore.close())
      .catch((err: unknown) => log.error('closing the store failed', err))
      .finally(() => {
        closed = true;
        offUncaught();
        app.quit();
      });
  });

  return { started, window: () => win, alerts: () => alerts, log };
}

/** Uncaught errors and rejections go to the log file with where they came from. */
/** Help → Export logs for support: asks where, writes the zip, shows it in the file manager. */
export async function exportLogs(
  log: FileLog,
  core: Core,
  getWindow: () => BrowserWindow | null,
): Promise<string | null> {
  const now = new Date();
  const win = getWindow();
  const options = {
    title: 'Export logs for support',
    defaultPath: `${app.getPath('downloads')}/${supportBundleName(now)}`,
    filters: [{ name: 'Zip archive', extensions: ['zip'] }],
  };
  const answer = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (answer.canceled || !answer.filePath) return null;
  log.info('exporting logs for support');
  const info = await core.dispatch('app:info', undefined);
  const { file } = writeSupportBundle({
    logsDir: log.dir,
    target: answer.filePath,
    now,
    versions: {
      baton: version,
      electron: process.versions.electron ?? 'unknown',
      chrome: process.versions.chrome ?? 'unknown',
      node: process.versions.node,
      platform: `${process.platform} ${process.arch}`,
      osRelease: release(),
      schemaVersion: info.ok ? (info.value as AppInfo).schemaVersion : 'unknown',
    },
  });
  shell.showItemInFolder(file);
  return file;
}

/** Electron knows when the OS loses its network; the outbox pauses at once instead of at the next failure. */
function watchOsConnectivity(core: Core): () => void {
  let last = net.isOnline();
  if (!last) core.services.connectivity.reportOs(false);
  const timer = setInterval(() => {
    const online = net.isOnline();
    if (online !== last) core.services.connectivity.reportOs(online);
    last = online;
  }, 3_000);
  return () => clearInterval(timer);
}
