// The preload: builds window.baton from the contract and exposes only that. Never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildBatonApi } from './api';
import type { Envelope } from './contract';
import { EVENT_NAMES, PUSH_CHANNEL } from './contract';

const api = buildBatonApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>,
  on(event, listener) {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const handler = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on(PUSH_CHANNEL, handler);
    return () => ipcRenderer.removeListener(PUSH_CHANNEL, handler);
  },
});

contextBridge.exposeInMainWorld('baton', api);
