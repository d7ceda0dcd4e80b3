// A recording test double of the `electron` module, for driving src-main/electron/** under Node
// (vitest aliases `electron` to this file; the Electron binary cannot be downloaded here). It keeps the
// shapes Baton uses and records every call in order, so a test can assert what the app asked Electron
// to do: which channels it registered, what menus it built, which notifications it showed. `net.fetch`
// wraps Node's real fetch and fails the way Chromium's network stack does (`net::ERR_…` messages).
// Where Electron itself decides something (the lock, quitting, dialogs), the test sets the answer.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Call {
  name: string;
  args: unknown[];
}

/** Every call the app made, in order. */
export const calls: Call[] = [];
const record = (name: string, ...args: unknown[]) => {
  calls.push({ name, args });
};
export const called = (name: string) => calls.filter((c) => c.name === name);
export const callIndex = (name: string) => calls.findIndex((c) => c.name === name);

// ---- app -------------------------------------------------------------------------------------------

class App extends EventEmitter {
  isPackaged = false;
  name = 'Baton';
  lockAvailable = true;
  paths = new Map<string, string>();
  appPath = join(import.meta.dirname, '..', '..', '..');
  loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
  badgeCount = 0;
  quitCount = 0;
  exitCode: number | null = null;
  commandLine = {
    switches: new Set<string>(),
    hasSwitch: (name: string) => this.commandLine.switches.has(name),
  };
  private readyResolve: (() => void) | null = null;
  private readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));

  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return this.lockAvailable;
  }
  setPath(name: string, value: string) {
    record('app.setPath', name, value);
    this.paths.set(name, value);
  }
  getPath(name: string) {
    if (!this.paths.has(name)) this.paths.set(name, mkdtempSync(join(tmpdir(), `electron-double-${name}-`)));
    return this.paths.get(name)!;
  }
  getAppPath() {
    return this.appPath;
  }
  getVersion() {
    return '0.1.0';
  }
  getName() {
    return this.name;
  }
  getLocale() {
    return 'en-US';
  }
  whenReady() {
    return this.readyPromise;
  }
  /** Test: Electron finished starting. */
  async ready() {
    record('app.ready');
    this.readyResolve?.();
    this.emit('ready');
    await this.readyPromise;
    await new Promise((resolve) => setImmediate(resolve));
  }
  setAppUserModelId(id: string) {
    record('app.setAppUserModelId', id);
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }) {
    record('app.setLoginItemSettings', settings);
    this.loginItem.openAtLogin = settings.openAtLogin;
  }
  getLoginItemSettings() {
    return { ...this.loginItem };
  }
  setBadgeCount(count: number) {
    record('app.setBadgeCount', count);
    this.badgeCount = count;
    return true;
  }
  /** Like Electron: before-quit (preventable), then will-quit and quit. */
  quit() {
    record('app.quit');
    this.quitCount++;
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit('before-quit', event);
    if (prevented) return;
    this.emit('will-quit', { preventDefault: () => undefined });
    this.emit('quit');
  }
  exit(code = 0) {
    record('app.exit', code);
    this.exitCode = code;
  }
  relaunch() {
    record('app.relaunch');
  }
  focus() {
    record('app.focus');
  }
}

// ---- ipcMain -----------------------------------------------------------------------------------------

type Handler = (event: unknown, ...args: unknown[]) => unknown;
class IpcMain extends EventEmitter {
  handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    record('ipcMain.handle', channel);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    record('ipcMain.removeHandler', channel);
    this.handlers.delete(channel);
  }
  /** Test: what ipcRenderer.invoke from a frame at `frameUrl` would get. */
  invoke(channel: string, frameUrl: string, input?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler({ senderFrame: { url: frameUrl } }, input));
  }
}

// ---- windows, webContents, session -------------------------------------------------------------------

export class WebContents extends EventEmitter {
  sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  devToolsOpened = 0;
  session = session.defaultSession;
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  openDevTools() {
    record('webContents.openDevTools');
    this.devToolsOpened++;
  }
  closeDevTools() {
    record('webContents.closeDevTools');
  }
  isDevToolsOpened() {
    return false;
  }
  replaceMisspelling(word: string) {
    record('webContents.replaceMisspelling', word);
  }
  /** Test: run the will-navigate listeners; true when one prevented the navigation. */
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  webContents = new WebContents();
  loaded: string | null = null;
  shown = false;
  destroyed = false;
  minimized = false;
  overlay: { icon: unknown; description: string } | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    record('new BrowserWindow', options);
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    record('win.loadURL', url);
    this.loaded = url;
    return Promise.resolve();
  }
  loadFile(file: string) {
    record('win.loadFile', file);
    this.loaded = file;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {
    this.shown = true;
  }
  hide() {
    this.shown = false;
  }
  focus() {
    record('win.focus');
  }
  isVisible() {
    return this.shown;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  close() {
    this.destroy();
  }
  setOverlayIcon(icon: unknown, description: string) {
    record('win.setOverlayIcon', icon, description);
    this.overlay = icon ? { icon, description } : null;
  }
}

type PermissionHandler = (
  wc: unknown,
  permission: string,
  callback: (ok: boolean) => void,
  details?: unknown,
) => void;
class Session {
  permissionRequest: PermissionHandler | null = null;
  permissionCheck: ((wc: unknown, permission: string) => boolean) | null = null;
  spellCheckerLanguages: string[] = [];
  setPermissionRequestHandler(handler: PermissionHandler) {
    record('session.setPermissionRequestHandler');
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean) {
    record('session.setPermissionCheckHandler');
    this.permissionCheck = handler;
  }
  setSpellCheckerLanguages(languages: string[]) {
    this.spellCheckerLanguages = languages;
  }
  setDevicePermissionHandler() {
    record('session.setDevicePermissionHandler');
  }
  webRequest = {
    onHeadersReceived: (..._args: unknown[]) => record('session.webRequest.onHeadersReceived'),
  };
  /** Test: what the app answers a page asking for `permission`. */
  ask(permission: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.permissionRequest) return resolve(true); // Electron's default: granted
      this.permissionRequest({}, permission, resolve, {});
    });
  }
}
export const session = {
  defaultSession: new Session(),
  fromPartition(partition: string) {
    record('session.fromPartition', partition);
    return new Session();
  },
};

// ---- protocol ----------------------------------------------------------------------------------------

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    record('protocol.registerSchemesAsPrivileged', schemes);
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
    record('protocol.handle', scheme);
    this.handlers.set(scheme, handler);
  },
  /** Test: fetch a URL of a custom scheme through its handler. */
  async request(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(':', ''));
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
    return handler(new Request(url));
  },
};

// ---- tray, menus, notifications, images ----------------------------------------------------------------

export interface MenuItemOptions {
  label?: string;
  type?: string;
  role?: string;
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuItemOptions[] | Menu;
  click?: (...args: unknown[]) => void;
}
export class Menu {
  static applicationMenu: Menu | null = null;
  static built: Menu[] = [];
  constructor(readonly items: MenuItemOptions[]) {}
  static buildFromTemplate(items: MenuItemOptions[]) {
    const menu = new Menu(items);
    Menu.built.push(menu);
    return menu;
  }
  static setApplicationMenu(menu: Menu | null) {
    record('Menu.setApplicationMenu', menu);
    Menu.applicationMenu = menu;
  }
  popup(options?: unknown) {
    record('menu.popup', this, options);
  }
  /** Test: the item with this label, searched through submenus. */
  find(label: string): MenuItemOptions | undefined {
    for (const item of this.items) {
      if (item.label === label) return item;
      const sub = item.submenu;
      const inner = sub instanceof Menu ? sub.find(label) : sub ? new Menu(sub).find(label) : undefined;
      if (inner) return inner;
    }
    return undefined;
  }
}

export class Tray extends EventEmitter {
  static all: Tray[] = [];
  menu: Menu | null = null;
  tooltip = '';
  title = '';
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    record('new Tray', image);
    Tray.all.push(this);
  }
  setContextMenu(menu: Menu) {
    this.menu = menu;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle(text: string) {
    this.title = text;
  }
  setImage(image: unknown) {
    record('tray.setImage', image);
  }
  destroy() {
    record('tray.destroy');
    this.destroyed = true;
  }
}

export class Notification extends EventEmitter {
  static all: Notification[] = [];
  static supported = true;
  static isSupported() {
    return Notification.supported;
  }
  shown = false;
  closed = false;
  constructor(
    readonly options: { title: string; body?: string; actions?: { type: string; text: string }[] },
  ) {
    super();
    Notification.all.push(this);
  }
  show() {
    record('notification.show', this.options);
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.emit('close', {});
  }
}

export interface NativeImageDouble {
  path: string;
  template: boolean;
  isEmpty(): boolean;
  setTemplateImage(on: boolean): void;
}
export const nativeImage = {
  createFromPath(path: string): NativeImageDouble {
    return {
      path,
      template: false,
      isEmpty: () => false,
      setTemplateImage(on: boolean) {
        this.template = on;
      },
    };
  },
  createEmpty(): NativeImageDouble {
    return { path: '', template: false, isEmpty: () => true, setTemplateImage: () => undefined };
  },
};

// ---- dialog, shell, net, crashReporter ---------------------------------------------------------------------

export const dialog = {
  saveDialogAnswer: { canceled: true, filePath: undefined as string | undefined },
  showErrorBox(title: string, content: string) {
    record('dialog.showErrorBox', title, content);
  },
  showSaveDialog(...args: unknown[]) {
    record('dialog.showSaveDialog', ...args);
    return Promise.resolve(dialog.saveDialogAnswer);
  },
  showMessageBox(...args: unknown[]) {
    record('dialog.showMessageBox', ...args);
    return Promise.resolve({ response: 0 });
  },
};

export const shell = {
  openExternal(url: string) {
    record('shell.openExternal', url);
    return Promise.resolve();
  },
  showItemInFolder(path: string) {
    record('shell.showItemInFolder', path);
  },
  openPath(path: string) {
    record('shell.openPath', path);
    return Promise.resolve('');
  },
};

/** Chromium's names for the failures Node's fetch reports by code. */
const CHROMIUM_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  UND_ERR_SOCKET: 'net::ERR_CONNECTION_CLOSED',
  ETIMEDOUT: 'net::ERR_TIMED_OUT',
  UND_ERR_CONNECT_TIMEOUT: 'net::ERR_CONNECTION_TIMED_OUT',
};
function chromiumError(err: unknown): unknown {
  if ((err as Error)?.name === 'AbortError') return err;
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string' && e.code.startsWith('ERR_TLS'))
      return new Error('net::ERR_CERT_AUTHORITY_INVALID');
    if (typeof e.code === 'string' && CHROMIUM_ERRORS[e.code]) return new Error(CHROMIUM_ERRORS[e.code]);
    e = e.cause as typeof e;
  }
  return new Error('net::ERR_FAILED');
}

export const net = {
  /**
   * Electron's ClientRequest API (electron-updater downloads through it), on Node's http: the same
   * events ('response', 'error') and methods (setHeader, write, end, abort). Loopback http only.
   */
  request(options: {
    protocol?: string;
    hostname?: string;
    host?: string;
    port?: number | string;
    path?: string;
    method?: string;
    headers?: Record<string, string>;
  }): ClientRequest {
    if (options.protocol && options.protocol !== 'http:')
      throw new Error(`the double's net.request speaks http only: ${options.protocol}`);
    net.requests.push({
      url: `http://${options.hostname ?? options.host}:${options.port}${options.path}`,
      method: options.method ?? 'GET',
    });
    const { hostname, host, port, path, method, headers } = options;
    return httpRequest({ hostname: hostname ?? host, port, path, method, headers });
  },
  online: true,
  requests: [] as { url: string; method: string }[],
  isOnline() {
    return net.online;
  },
  async fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const url = input instanceof Request ? input.url : input.toString();
    net.requests.push({ url, method: init?.method ?? (input instanceof Request ? input.method : 'GET') });
    try {
      return await fetch(input, init);
    } catch (err) {
      throw chromiumError(err);
    }
  },
};

/** The OS theme Chromium paints with (prefers-color-scheme, native controls); set from Settings → Appearance. */
export const nativeTheme = {
  source: 'system' as 'system' | 'light' | 'dark',
  get themeSource() {
    return this.source;
  },
  set themeSource(value: 'system' | 'light' | 'dark') {
    record('nativeTheme.themeSource', value);
    this.source = value;
  },
};

export const crashReporter = { start: () => record('crashReporter.start') };
export const powerMonitor = new EventEmitter();

// ---- the module, and a reset between tests ------------------------------------------------------------

export const app = new App();
export const ipcMain = new IpcMain();

/** Test: a fresh Electron (listeners, handlers and records cleared). */
export function resetElectronDouble(): void {
  calls.length = 0;
  app.removeAllListeners();
  Object.assign(app, new App());
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  BrowserWindow.all = [];
  Tray.all = [];
  Notification.all = [];
  Notification.supported = true;
  Menu.applicationMenu = null;
  Menu.built = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  session.defaultSession = new Session();
  net.online = true;
  nativeTheme.source = 'system';
  net.requests = [];
  dialog.saveDialogAnswer = { canceled: true, filePath: undefined };
}

const electron = {
  app,
  ipcMain,
  BrowserWindow,
  session,
  protocol,
  Menu,
  Tray,
  Notification,
  nativeImage,
  dialog,
  shell,
  net,
  crashReporter,
  powerMonitor,
};
export default electron;
