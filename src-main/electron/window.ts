import { BrowserWindow } from 'electron';
import type { AppLayout } from '../app-layout';
import { APP_ENTRY } from './app-protocol';

export function createMainWindow(
  layout: AppLayout,
  options: { rendererUrl: string | null; packaged: boolean },
): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Baton',
    icon: layout.appIcon,
    backgroundColor: '#f8fafc',
    webPreferences: {
      preload: layout.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      devTools: !options.packaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.rendererUrl ?? APP_ENTRY);
  return win;
}
