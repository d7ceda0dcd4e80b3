// In the browser host there is no preload: window.baton is built from the same contract, carried
// over a WebSocket to the core on 127.0.0.1 (the host's cookie authenticates the upgrade).
import type { BatonApi, BatonTransport } from '../../../src-preload/api';
import { buildBatonApi } from '../../../src-preload/api';
import type { Envelope, EventName } from '../../../src-preload/contract';

type Pending = (reply: Envelope<unknown>) => void;

export function connectBrowserHost(onConnectionLost: () => void): Promise<BatonApi> {
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`);
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as {
      id?: number;
      reply?: Envelope<unknown>;
      event?: EventName;
      payload?: unknown;
    };
    if (message.id !== undefined && message.reply) {
      pending.get(message.id)?.(message.reply);
      pending.delete(message.id);
    } else if (message.event) {
      listeners.get(message.event)?.forEach((listener) => listener(message.payload));
    }
  });

  const lost: Envelope<unknown> = {
    ok: false,
    error: {
      code: 'OFFLINE',
      message: 'Lost the connection to the Baton host. Restart `npm run serve` and reload.',
    },
  };
  socket.addEventListener('close', () => {
    pending.forEach((resolve) => resolve(lost));
    pending.clear();
    onConnectionLost();
  });

  const transport: BatonTransport = {
    invoke(channel, input) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(lost);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, input }));
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(buildBatonApi(transport)), { once: true });
    socket.addEventListener('error', () => reject(new Error('Cannot reach the Baton host')), { once: true });
  });
}
