import { join } from 'node:path';
import { BrowserWindow, dialog, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/browser-host';

export function createMainWindow(appRoot: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Baton',
    webPreferences: {
      preload: join(appRoot, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });

  // A strict CSP on every response, not only the page's <meta>.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  const appUrl = process.env.ELECTRON_RENDERER_URL;
  // No navigation away from the app; links open in the user's browser after an https check.
  win.webContents.on('will-navigate', (event, url) => {
    if (!appUrl || !url.startsWith(appUrl)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The renderer refuses to unload while something typed is not saved yet (a settings section, the
  // note editor, a note still on its way to the store): ask, as a browser would.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Keep editing', 'Discard and close'],
      defaultId: 0,
      cancelId: 0,
      message: 'Discard unsaved changes?',
      detail: 'Something you typed in Baton is not saved yet.',
    });
    if (choice === 1) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());

  if (appUrl) void win.loadURL(appUrl);
  else void win.loadFile(join(appRoot, 'out', 'renderer', 'index.html'));
  return win;
}
