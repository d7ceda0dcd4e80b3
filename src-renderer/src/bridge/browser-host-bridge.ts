// In the browser host there is no preload: window.baton is built from the same contract, carried
// over a WebSocket to the core on 127.0.0.1 (the host's cookie authenticates the upgrade).
import type { BatonApi, BatonTransport } from '../../../src-preload/api';
import { buildBatonApi } from '../../../src-preload/api';
import type { Envelope, EventName } from '../../../src-preload/contract';
import { MAX_REQUEST_BYTES } from '../../../src-preload/contract';

type Pending = (reply: Envelope<unknown>) => void;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const tooLarge = (sizeBytes: number): Envelope<unknown> => ({
  ok: false,
  error: {
    code: 'TOO_LARGE',
    message: `That is too large to send (${megabytes(sizeBytes)}; Baton takes at most ${megabytes(MAX_REQUEST_BYTES)} at once). Nothing was saved: shorten it (paste only the part of a long log that matters).`,
    details: { sizeBytes, limitBytes: MAX_REQUEST_BYTES },
  },
});

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
      // Refused here, before it is sent: the host would answer TOO_LARGE anyway, after the upload.
      const size = frame.length * 3 > MAX_REQUEST_BYTES ? new TextEncoder().encode(frame).length : 0;
      if (size > MAX_REQUEST_BYTES) return Promise.resolve(tooLarge(size));
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
