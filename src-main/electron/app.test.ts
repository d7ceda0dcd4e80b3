// The Electron edge, driven through the recording double of `electron` (vitest aliases it; see
// testing/electron-double.ts) on a real core: real SQLite file, real keychain, real migrations.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handoff, HandoffConfirmation, SessionDetail, User } from '../../src-preload/contract';
import { CHANNELS, PUSH_CHANNEL } from '../../src-preload/contract';
import type { Core, CoreOptions } from '../core';
import { createCore } from '../core';
import { callers } from '../test-support/callers';
import { until } from '../test-support/until';
import { createKeychainVault } from '../vault/secret-vault';
import type { ElectronAppHandle, ElectronAppOptions } from './app';
import { startElectronApp } from './app';
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  callIndex,
  called,
  calls,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  resetElectronDouble,
  session,
} from './testing/electron-double';
import type { MenuItemOptions } from './testing/electron-double';

const dirs: string[] = [];
const running: { handle: ElectronAppHandle; core: () => Core | null }[] = [];

beforeEach(() => resetElectronDouble());
afterEach(async () => {
  for (const r of running.splice(0)) {
    // Quitting closes the core (and lets go of the process-wide error handlers).
    if (!r.core()) continue;
    const quit = new Promise((resolve) => app.once('quit', resolve));
    app.quit();
    await quit;
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Starts the Electron host on the double, on a fresh data dir; counts how often the core is closed. */
async function launch(options: ElectronAppOptions & { packaged?: boolean } = {}) {
  app.isPackaged = options.packaged ?? false;
  app.setPath('logs', tempDir('baton-logs-'));
  const dataDir = tempDir('baton-electron-');
  let core: Core | null = null;
  let closes = 0;
  const handle = startElectronApp({
    env: { BATON_DATA_DIR: dataDir, XDG_CONFIG_HOME: tempDir('baton-xdg-'), ...options.env },
    argv: options.argv ?? [],
    platform: options.platform ?? 'linux',
    vault: createKeychainVault(`baton-test-${process.pid}`),
    updateFirstCheckDelayMs: 60_000,
    createCore: (coreOptions: CoreOptions) => {
      core = createCore({ ...coreOptions, log: () => undefined, teamPoll: false });
      const close = core.close.bind(core);
      core.close = () => {
        closes++;
        return close();
      };
      return core;
    },
    ...options,
  });
  const current = () => {
    if (!core) throw new Error('no core was created');
    return core;
  };
  const result = { handle, dataDir, core: current, coreCreated: () => core !== null, closes: () => closes };
  if (!handle) return result;
  running.push({ handle, core: () => core });
  await app.ready();
  await handle.started;
  return result;
}

async function team(core: Core) {
  const { ok } = callers(core);
  const senior = await ok<User>('profile:create', {
    name: 'Sam Senior',
    email: 'sam@x.example',
    role: 'owner',
  });
  const tech = await ok<User>('profile:add', {
    name: 'Terry Tech',
    email: 'terry@x.example',
    role: 'technician',
  });
  return { ok, senior, tech };
}

async function escalate(core: Core, as: User, title: string) {
  const { ok } = callers(core);
  await ok('profile:switch', { id: as.id });
  const session = await ok<SessionDetail>('sessions:create', {});
  await ok('messages:add', { sessionId: session.id, body: title });
  const confirmation = await ok<HandoffConfirmation>('handoffs:create', {
    sessionId: session.id,
    intent: 'escalate',
    reason: 'Spooler keeps crashing',
    priority: 'high',
  });
  return confirmation;
}

const mainWindow = () => BrowserWindow.all[0]!;
const pushed = (event: string) =>
  mainWindow()
    .webContents.sent.filter((m) => m.channel === PUSH_CHANNEL)
    .map((m) => m.args[0] as { event: string; payload: unknown })
    .filter((m) => m.event === event);

describe('start-up', () => {
  it('settles userData before taking the single-instance lock, and a second instance quits without a core', async () => {
    const first = await launch();
    const setPath = called('app.setPath').find((c) => c.args[0] === 'userData');
    expect(setPath?.args[1]).toBe(first.dataDir);
    expect(indexOfCall('app.setPath', 'userData')).toBeLessThan(callIndex('app.requestSingleInstanceLock'));
    // The scheme is privileged before ready, as Electron requires.
    expect(callIndex('protocol.registerSchemesAsPrivileged')).toBeLessThan(callIndex('app.ready'));

    resetElectronDouble();
    app.lockAvailable = false;
    const second = await launch();
    expect(second.handle).toBeNull();
    expect(called('app.quit')).toHaveLength(1);
    expect(second.coreCreated()).toBe(false);
    expect(BrowserWindow.all).toHaveLength(0);
  });

  it('registers every contract channel, and answers only Baton’s own page', async () => {
    await launch();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const mine = (await ipcMain.invoke('app:info', 'app://baton/index.html')) as {
      ok: boolean;
      value: { host: string };
    };
    expect(mine).toMatchObject({ ok: true, value: { host: 'electron' } });
    for (const stranger of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html']) {
      expect(await ipcMain.invoke('app:info', stranger)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });

  it('paints with the theme chosen in Settings → Appearance, from the start and on each change', async () => {
    const { core } = await launch();
    expect(nativeTheme.themeSource).toBe('system');
    const { ok } = callers(core());
    await ok('profile:create', { name: 'Ada Admin', email: 'ada@x.example', role: 'owner' });
    await ok('settings:appearance-save', { theme: 'dark' });
    expect(nativeTheme.themeSource).toBe('dark');
    await ok('settings:appearance-save', { theme: 'light' });
    expect(called('nativeTheme.themeSource').map((c) => c.args[0])).toEqual(['system', 'dark', 'light']);
  });

  it('forwards core events to the window', async () => {
    const { core } = await launch();
    core().events.emit('open_url', { url: 'https://login.microsoftonline.com/x' });
    expect(pushed('open_url').map((m) => m.payload)).toEqual([
      { url: 'https://login.microsoftonline.com/x' },
    ]);
  });

  it('closes the core once on quit, then quits for real', async () => {
    const { closes } = await launch();
    const quit = new Promise((resolve) => app.once('quit', resolve));
    app.quit();
    app.quit();
    await quit;
    expect(closes()).toBe(1);
    // The first quit was held for the close; the app quit again once the store was closed.
    expect(app.quitCount).toBe(3);
    expect(Tray.all[0]!.destroyed).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('the renderer, served from app://', () => {
  it('loads app://baton with the CSP as a response header; other files and hosts are not served', async () => {
    await launch();
    expect(mainWindow().loaded).toBe('app://baton/index.html');
    const page = await protocol.request('app://baton/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toMatch(/<div id="root">/);
    // A client-side route gets the app shell; a path outside the renderer does not escape it.
    expect((await protocol.request('app://baton/handoffs')).status).toBe(200);
    expect((await protocol.request('app://baton/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await protocol.request('app://elsewhere/index.html')).status).toBe(404);
  });

  it('denies every permission a page asks for, and navigation away from the app', async () => {
    await launch();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(await session.defaultSession.ask(permission)).toBe(false);
    expect(mainWindow().webContents.navigate('https://evil.example/')).toBe(true);
    expect(mainWindow().webContents.navigate('app://baton/settings')).toBe(false);
    expect(mainWindow().webContents.windowOpenHandler?.({ url: 'https://docs.example/' })).toEqual({
      action: 'deny',
    });
  });

  it('an installed build ignores ELECTRON_RENDERER_URL and has no DevTools', async () => {
    await launch({ packaged: true, env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' } });
    expect(mainWindow().loaded).toBe('app://baton/index.html');
    expect((mainWindow().options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    expect(Menu.applicationMenu!.find('Toggle Developer Tools')).toBeUndefined();
    expect(JSON.stringify(Menu.applicationMenu!.items)).not.toContain('toggleDevTools');
    // The dev server is no trusted origin either.
    expect(await ipcMain.invoke('app:info', 'http://127.0.0.1:5173/')).toMatchObject({ ok: false });
  });

  it('an installed build refuses to start with a remote debugging port', async () => {
    app.commandLine.switches.add('remote-debugging-port');
    const { handle } = await launch({ packaged: true });
    expect(handle).toBeNull();
    expect(app.exitCode).toBe(1);
    expect(BrowserWindow.all).toHaveLength(0);
  });

  it('from source, the dev server is loaded and trusted', async () => {
    await launch({ env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' } });
    expect(mainWindow().loaded).toBe('http://127.0.0.1:5173/');
    expect(await ipcMain.invoke('app:info', 'http://127.0.0.1:5173/')).toMatchObject({ ok: true });
    expect(JSON.stringify(Menu.applicationMenu!.items)).toContain('toggleDevTools');
  });
});

describe('menus', () => {
  it('the application menu carries the shortcuts and sends them to the page', async () => {
    await launch();
    const menu = Menu.applicationMenu!;
    const labels = menu.items.map((i) => i.label);
    expect(labels).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(menu.find('New session')).toMatchObject({ accelerator: 'CmdOrCtrl+N' });
    expect(menu.find('Search sessions')).toMatchObject({ accelerator: 'CmdOrCtrl+K' });
    expect(menu.find('Settings…')).toMatchObject({ accelerator: 'CmdOrCtrl+,' });
    expect(menu.find('Export logs for support…')).toBeDefined();
    menu.find('Settings…')!.click!();
    menu.find('New session')!.click!();
    expect(pushed('menu_command').map((m) => m.payload)).toEqual([
      { command: 'settings' },
      { command: 'new-session' },
    ]);
  });

  it('right-clicking a misspelled word offers the spell checker’s suggestions', async () => {
    await launch();
    const contents = mainWindow().webContents;
    contents.emit(
      'context-menu',
      {},
      {
        misspelledWord: 'pritner',
        dictionarySuggestions: ['printer', 'printers'],
        isEditable: true,
        selectionText: '',
      },
    );
    const menu = Menu.built.at(-1)!;
    expect(menu.items.slice(0, 2).map((i: MenuItemOptions) => i.label)).toEqual(['printer', 'printers']);
    menu.items[0]!.click!();
    expect(called('webContents.replaceMisspelling').map((c) => c.args[0])).toEqual(['printer']);
    expect(called('menu.popup')).toHaveLength(1);
  });
});

describe('the tray and notifications', () => {
  it('lists unclaimed handoffs with Claim items for a senior; Claim claims it and opens it', async () => {
    const { core } = await launch();
    const { senior, tech, ok } = await team(core());
    const confirmation = await escalate(core(), tech, 'Printer queue stuck on floor 3');
    await ok('profile:switch', { id: senior.id });
    const tray = Tray.all[0]!;
    await until(
      core(),
      () => tray.menu?.items.some((i) => i.label?.startsWith('Claim:')) ?? false,
      'a Claim item',
    );
    const item = tray.menu!.items.find((i) => i.label?.startsWith('Claim:'))!;
    expect(item.label).toMatch(/Claim: \[high\] .* — Terry Tech/);
    expect(tray.tooltip).toBe('Baton — 1 handoff waiting');
    expect(app.badgeCount).toBe(1);
    item.click!();
    await until(core(), () => pushed('open_handoff').length > 0, 'open_handoff');
    expect(pushed('open_handoff')[0]!.payload).toEqual({ handoffId: confirmation.handoff.id });
    const claimed = await ok<Handoff>('handoffs:get', { id: confirmation.handoff.id });
    expect(claimed.claimedById).toBe(senior.id);
    await until(core(), () => app.badgeCount === 0, 'the badge cleared');
  });

  it('notifies seniors only, never the escalator; keeps each notification until it is closed; a click opens that handoff', async () => {
    const { core, handle } = await launch();
    const { senior, tech, ok } = await team(core());
    const other = await ok<User>('profile:add', {
      name: 'Alex Admin',
      email: 'alex@x.example',
      role: 'admin',
    });

    // The technician's own machine: a technician is not told, whoever escalated.
    await escalate(core(), tech, 'VPN drops');
    expect(Notification.all).toHaveLength(0);

    // A senior who escalates is not told about their own handoff…
    await escalate(core(), senior, 'Mailbox full');
    expect(Notification.all).toHaveLength(0);

    // …but is told about someone else's, with the secret in the title withheld.
    const confirmation = await escalateKeepingProfile(
      core(),
      other,
      senior,
      'Outlook asks for password=Hunter2Secret! again',
    );
    expect(Notification.all).toHaveLength(1);
    const note = Notification.all[0]!;
    expect(note.shown).toBe(true);
    expect(note.options.title).toMatch(/^New escalation: /);
    expect(note.options.title).not.toContain('Hunter2Secret');
    expect(handle!.alerts()!.liveCount()).toBe(1);

    note.emit('click');
    expect(handle!.alerts()!.liveCount()).toBe(0);
    expect(pushed('open_handoff').map((m) => m.payload)).toEqual([{ handoffId: confirmation.handoff.id }]);
    expect(mainWindow().shown).toBe(true);

    // Dismissed rather than clicked: released too.
    core().events.emit('handoff_overdue', {
      id: confirmation.handoff.id,
      sessionTitle: 'Outlook',
      priority: 'high',
      handedOffById: other.id,
    });
    expect(handle!.alerts()!.liveCount()).toBe(1);
    Notification.all[1]!.close();
    expect(handle!.alerts()!.liveCount()).toBe(0);
  });

  it('offers Claim on the notification where the OS has actions (macOS), and uses a template tray image there', async () => {
    const { core } = await launch({ platform: 'darwin' });
    const { senior, tech } = await team(core());
    const confirmation = await escalateKeepingProfile(core(), tech, senior, 'Disk full');
    const note = Notification.all[0]!;
    expect(note.options.actions).toEqual([{ type: 'button', text: 'Claim' }]);
    note.emit('action', {}, 0);
    await until(core(), () => pushed('open_handoff').length > 0, 'open_handoff');
    const claimed = await callers(core()).ok<Handoff>('handoffs:get', { id: confirmation.handoff.id });
    expect(claimed.claimedById).toBe(senior.id);
    const image = Tray.all[0]!.image as { path: string; template: boolean };
    expect(image.path).toMatch(/trayTemplate\.png$/);
    expect(image.template).toBe(true);
  });

  it('on Windows: sets the AppUserModelID before any notification, and shows waiting handoffs as a taskbar overlay', async () => {
    const { core } = await launch({ platform: 'win32' });
    expect(called('app.setAppUserModelId').map((c) => c.args[0])).toEqual(['app.baton.desktop']);
    const { senior, tech } = await team(core());
    await escalateKeepingProfile(core(), tech, senior, 'Printer offline');
    expect(mainWindow().overlay?.description).toBe('1 handoff waiting');
    expect((Tray.all[0]!.image as { path: string }).path).toMatch(/tray\.ico$/);
  });
});

describe('logs', () => {
  it('Help → Export logs for support writes a zip of the logs and versions; uncaught errors are logged with their context', async () => {
    const before = new Set(process.listeners('unhandledRejection'));
    const { handle } = await launch();
    // Baton's own handler (calling it directly: emitting the event would also reach the test runner's).
    const ours = process.listeners('unhandledRejection').find((l) => !before.has(l))!;
    ours(
      new Error('token refresh failed: Authorization: Bearer 0a1b2c3d4e5f60718293a4b5c6d7e8f9'),
      Promise.resolve(),
    );
    const log = readFileSync(handle!.log.file, 'utf8');
    expect(log).toMatch(/Baton 0\.1\.0 starting/);
    expect(log).toMatch(/\[error\].*unhandled promise rejection: Baton keeps running.*token refresh failed/);
    expect(log).not.toContain('0a1b2c3d4e5f60718293a4b5c6d7e8f9');

    const target = join(tempDir('baton-export-'), 'support.zip');
    dialog.saveDialogAnswer = { canceled: false, filePath: target };
    Menu.applicationMenu!.find('Export logs for support…')!.click!();
    await settles(() => called('shell.showItemInFolder').length > 0);
    const files = unzipSync(readFileSync(target));
    expect(Object.keys(files).sort()).toEqual(['logs/main.log', 'versions.json']);
    const versions = JSON.parse(strFromU8(files['versions.json']!)) as Record<string, unknown>;
    expect(versions).toMatchObject({ baton: '0.1.0', schemaVersion: expect.any(Number) as unknown });
    expect(strFromU8(files['logs/main.log']!)).not.toContain('0a1b2c3d4e5f60718293a4b5c6d7e8f9');
  });
});

describe('start at login', () => {
  it('an installed build on Linux writes an autostart entry for a senior, and removes it when turned off', async () => {
    const xdg = tempDir('baton-xdg-');
    const { core } = await launch({
      packaged: true,
      env: { XDG_CONFIG_HOME: xdg, APPIMAGE: '/opt/Baton.AppImage' },
    });
    const { senior, ok } = await team(core());
    await ok('profile:switch', { id: senior.id });
    const entry = join(xdg, 'autostart', 'baton.desktop');
    // The default for a senior is on; saving applies it.
    const view = await ok<{ startAtLogin: boolean }>('settings:desktop-get');
    expect(view.startAtLogin).toBe(true);
    await ok('settings:desktop-save', { startAtLogin: true, updateFeedUrl: null });
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/opt/Baton.AppImage" --hidden');
    await ok('settings:desktop-save', { startAtLogin: false, updateFeedUrl: null });
    expect(existsSync(entry)).toBe(false);
  });

  it('started at login, Baton stays in the tray; macOS and Windows use the OS login items', async () => {
    const { core } = await launch({ packaged: true, platform: 'win32', argv: ['baton.exe', '--hidden'] });
    expect(BrowserWindow.all).toHaveLength(0);
    const { ok } = await team(core());
    await ok('settings:desktop-save', { startAtLogin: true, updateFeedUrl: null });
    expect(called('app.setLoginItemSettings').at(-1)!.args[0]).toEqual({
      openAtLogin: true,
      args: ['--hidden'],
    });
  });
});

/** Escalates as `by` while `viewer` is the profile signed in on this machine (whose tray it is). */
async function escalateKeepingProfile(core: Core, by: User, viewer: User, title: string) {
  const { ok } = callers(core);
  await ok('profile:switch', { id: by.id });
  const session = await ok<SessionDetail>('sessions:create', {});
  await ok('messages:add', { sessionId: session.id, body: title });
  await ok('profile:switch', { id: viewer.id });
  return core.services.handoffs.create(by, {
    sessionId: session.id,
    intent: 'escalate',
    reason: 'Needs a senior',
    priority: 'high',
  });
}

/** Lets pending callbacks run (at most `turns` event-loop turns) until `done` holds. */
async function settles(done: () => boolean, turns = 200) {
  for (let i = 0; i < turns && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

/** Where in the recorded calls `name` was first called with `firstArg`. */
function indexOfCall(name: string, firstArg: string) {
  return calls.findIndex((c) => c.name === name && c.args[0] === firstArg);
}
