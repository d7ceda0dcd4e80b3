// Where the files the main process loads live, relative to the app's root: the project folder when run
// from source (`electron .`, the browser host), resources/app.asar in an installed build (Electron's
// app.getAppPath()). One formula for both, so what the packaged-layout test checks is what runs.
import { join } from 'node:path';

export interface AppLayout {
  /** The app's root: the project folder, or …/resources/app.asar when packaged. */
  appPath: string;
  preload: string;
  rendererDir: string;
  rendererIndex: string;
  migrationsDir: string;
  /** drizzle's list of migrations: the file the migrator reads first. */
  migrationsJournal: string;
  appIcon: string;
  /** The tray icon for this platform (macOS: a template image, which the menu bar tints). */
  trayIcon: string;
  /** Windows taskbar overlay while handoffs wait unclaimed. */
  pendingOverlayIcon: string;
}

export function appLayout(appPath: string, platform: NodeJS.Platform = process.platform): AppLayout {
  const tray = join(appPath, 'resources', 'tray');
  return {
    appPath,
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
    rendererDir: join(appPath, 'out', 'renderer'),
    rendererIndex: join(appPath, 'out', 'renderer', 'index.html'),
    migrationsDir: join(appPath, 'drizzle'),
    migrationsJournal: join(appPath, 'drizzle', 'meta', '_journal.json'),
    appIcon: join(appPath, 'resources', 'icon.png'),
    trayIcon: join(
      tray,
      platform === 'darwin' ? 'trayTemplate.png' : platform === 'win32' ? 'tray.ico' : 'tray.png',
    ),
    pendingOverlayIcon: join(tray, 'overlay-pending.png'),
  };
}

/** The files of an AppLayout that must exist for the app to start (the packaged-layout test checks them). */
export function requiredFiles(layout: AppLayout): string[] {
  return [
    layout.preload,
    layout.rendererIndex,
    layout.migrationsJournal,
    layout.appIcon,
    layout.trayIcon,
    layout.pendingOverlayIcon,
  ];
}

/**
 * The native addons the main process loads, as paths inside the app (better-sqlite3's prebuild and
 * @napi-rs/keyring's platform package). Packaged, they must sit in app.asar.unpacked: an addon cannot be
 * loaded from inside an archive.
 */
export function nativeAddons(platform: NodeJS.Platform, arch: string): string[] {
  const keyringTriple: Record<string, string> = {
    'linux-x64': 'linux-x64-gnu',
    'linux-arm64': 'linux-arm64-gnu',
    'darwin-x64': 'darwin-x64',
    'darwin-arm64': 'darwin-arm64',
    'win32-x64': 'win32-x64-msvc',
    'win32-arm64': 'win32-arm64-msvc',
  };
  const triple = keyringTriple[`${platform}-${arch}`];
  return [
    join('node_modules', 'better-sqlite3', 'prebuilds', `${platform}-${arch}.node`),
    ...(triple ? [join('node_modules', '@napi-rs', `keyring-${triple}`, `keyring.${triple}.node`)] : []),
  ];
}
