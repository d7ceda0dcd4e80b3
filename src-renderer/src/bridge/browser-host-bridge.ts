// In the browser host there is no preload: window.baton is built from the same contract, carried
// over a WebSocket to the core on 127.0.0.1 (the host's cookie authenticates the upgrade).
import type { BatonApi, BatonTransport } from '../../../src-preload/api';
import { buildBatonApi } from '../../../src-preload/api';
import type { Envelope, EventName } from '../../../src-preload/contract';

type Pending = (reply: Envelope<unknown>) => void;

/** The host closes the WebSocket on a frame over 8 MiB (its maxPayload, src-main/host/browser-host.ts),
 * which would fail every request in flight: a request that large is refused here, before it is sent. */
const MAX_FRAME_BYTES = 8 * 1024 * 1024;

function tooLarge(bytes: number): Envelope<unknown> {
  return {
    ok: false,
    error: {
      code: 'VALIDATION',
      message: `That is too large to send (${(bytes / 1_000_000).toFixed(1)} MB; Baton takes up to ${MAX_FRAME_BYTES / 1024 / 1024} MB at once). Shorten it and try again.`,
    },
  };
}

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
      const frame = JSON.stringify({ id, channel, input });
      // UTF-8 takes at most 3 bytes per UTF-16 unit: only a long frame needs measuring.
      if (frame.length * 3 > MAX_FRAME_BYTES) {
        const bytes = new Blob([frame]).size;
        if (bytes > MAX_FRAME_BYTES) return Promise.resolve(tooLarge(bytes));
      }
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(frame);
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
