import { join } from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
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
  win.once('ready-to-show', () => win.show());

  if (appUrl) void win.loadURL(appUrl);
  else void win.loadFile(join(appRoot, 'out', 'renderer', 'index.html'));
  return win;
}
