import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { CHANNELS, PUSH_CHANNEL } from '../../src-preload/contract';
import type { Core } from '../core';

/**
 * Registers every contract channel on ipcMain through the typed dispatcher: the launcher's (start-up
 * channels until the store is open, then the core's).
 */
export function registerIpc(
  core: Pick<Core, 'dispatch'>,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
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

/** Only Baton's own page may call main: app://baton (or the dev server when running from source). */
export function trustedOrigin(rendererUrl: string | null, appOrigin: string) {
  // Node's URL gives custom schemes an opaque origin ("null"): compare scheme and host instead.
  const originOf = (raw: string) => {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}`;
  };
  const origins = [originOf(appOrigin), ...(rendererUrl ? [originOf(rendererUrl)] : [])];
  const isAllowedUrl = (url: string) => {
    try {
      return origins.includes(originOf(url));
    } catch {
      return false;
    }
  };
  return {
    isAllowedUrl,
    isTrustedSender: (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) =>
      event.senderFrame ? isAllowedUrl(event.senderFrame.url) : false,
  };
}

export function forwardEvents(core: Pick<Core, 'events'>, getWindow: () => BrowserWindow | null): () => void {
  return core.events.onAny((event, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(PUSH_CHANNEL, { event, payload });
  });
}
