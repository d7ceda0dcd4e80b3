import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, net, shell } from 'electron';
import { version } from '../../package.json';
import type { Core } from '../core';
import { createCore } from '../core';
import { findAppRoot } from '../paths';
import { createKeychainVault } from '../vault/secret-vault';
import { forwardEvents, registerIpc } from './ipc';
import { watchHandoffs } from './handoff-alerts';
import { createTray } from './tray';
import { createMainWindow } from './window';

export function startElectronApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.env.BATON_DATA_DIR) app.setPath('userData', process.env.BATON_DATA_DIR);

  const appRoot = app.isPackaged ? process.resourcesPath : findAppRoot(import.meta.dirname);
  let core: Core | null = null;
  let win: BrowserWindow | null = null;
  let tray: ReturnType<typeof createTray> | null = null;
  const cleanups: (() => void)[] = [];

  const showWindow = () => {
    if (!win || win.isDestroyed()) win = createMainWindow(appRoot);
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    try {
      core = createCore({
        dataDir: app.getPath('userData'),
        migrationsDir: join(appRoot, 'drizzle'),
        vault: createKeychainVault(),
        host: 'electron',
        version,
        diagnosticEchoUrl: process.env.BATON_DIAGNOSTIC_ECHO_URL,
        // Only https pages leave the app (the Microsoft sign-in page).
        openExternal: (url) =>
          new URL(url).protocol === 'https:'
            ? shell.openExternal(url)
            : Promise.reject(new Error(`Not opened: ${url}`)),
      });
    } catch (err) {
      dialog.showErrorBox('Baton cannot start', err instanceof Error ? err.message : String(err));
      app.exit(1);
      return;
    }
    const started = core;
    cleanups.push(
      registerIpc(
        started,
        (event) => event.senderFrame?.url.startsWith(process.env.ELECTRON_RENDERER_URL ?? 'file://') ?? false,
      ),
      forwardEvents(started, () => win),
      watchOsConnectivity(started),
    );
    tray = createTray(appRoot, {
      open: showWindow,
      quit: () => app.quit(),
      claim: (handoffId) => {
        const me = started.services.profiles.current();
        if (!me) return showWindow();
        // Claiming may go through ConnectWise (a team escalation): show the window meanwhile.
        started.services.handoffs.claim(me, handoffId).catch((err: unknown) => {
          // Someone else was quicker (or this profile may not claim): say so.
          dialog.showErrorBox(
            'Could not claim the handoff',
            err instanceof Error ? err.message : String(err),
          );
        });
        showWindow();
      },
    });
    cleanups.push(watchHandoffs(started, tray, showWindow));
    showWindow();
  });

  // Closing the window keeps Baton in the tray so handoff notifications still arrive.
  app.on('window-all-closed', () => undefined);
  app.on('activate', showWindow);
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    // Let the worker abort in-flight jobs and the store fold its WAL back before the process ends.
    event.preventDefault();
    quitting = true;
    cleanups.splice(0).forEach((fn) => fn());
    tray?.destroy();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.quit());
  });
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
