import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { CHANNELS, PUSH_CHANNEL } from '../../src-preload/contract';
import type { Core } from '../core';

/** Registers every contract channel on ipcMain through the core's typed dispatcher. */
export function registerIpc(core: Core, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Request from an unknown frame' } };
      }
      return core.dispatch(channel, input);
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

export function forwardEvents(core: Core, getWindow: () => BrowserWindow | null): () => void {
  return core.events.onAny((event, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(PUSH_CHANNEL, { event, payload });
  });
}
