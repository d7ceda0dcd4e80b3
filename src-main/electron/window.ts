import { BrowserWindow, dialog } from 'electron';
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
  void win.loadURL(options.rendererUrl ?? APP_ENTRY);
  return win;
}
