// The browser host: the same core, served on 127.0.0.1 with the built renderer, the contract carried
// over a WebSocket. Every request needs the random token from the printed URL (exchanged for an
// HttpOnly cookie on first load); other origins and hosts are refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY, rendererContentType } from '../content-security-policy';
import { MAX_REQUEST_BYTES } from '../../src-preload/contract';
import type { AppearanceSettings } from '../../src-preload/contract';
import type { Core } from '../core';
import { gatedConsoleLog } from '../core';

const COOKIE = 'baton_host_token';
export { CONTENT_SECURITY_POLICY };

export interface BrowserHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What the browser host serves: the core, or a launcher that answers start-up before the core opens. */
export type HostedCore = Pick<Core, 'dispatch' | 'events'>;

/** Frames past this are cut off by the WebSocket itself (the socket closes); below it, TOO_LARGE is answered. */
const HARD_FRAME_LIMIT = 64 * 1024 * 1024;
// A Chromium profile can hold ~180 cookies of 4 KB for 127.0.0.1, planted by any loopback port: with
// Node's 16 KB default, such a flood would answer every request with 431 and lock the UI out.
const MAX_HEADER_BYTES = 1024 * 1024;

export async function startBrowserHost(
  core: HostedCore,
  options: { rendererDir: string; port?: number; log?: (message: string, err?: unknown) => void },
): Promise<BrowserHost> {
  const log = options.log ?? gatedConsoleLog;
  const token = randomBytes(24).toString('base64url');
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES });
  // skipUTF8Validation: a text frame that is not UTF-8 is answered with an error envelope below
  // instead of closing the socket (which the UI would show as a lost connection).
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT, skipUTF8Validation: true });
  const clients = new Set<WebSocket>();
  let origin = '';
  let cookieName = COOKIE;

  const tokenOk = (req: IncomingMessage, url: URL) => {
    const query = url.searchParams.get('token');
    if (query !== null) return safeEqual(query, token);
    // Every cookie of that name counts: another loopback port can plant one (cookies ignore ports), and
    // whichever the browser sends first must not lock the right one out.
    return readCookies(req.headers.cookie, cookieName).some((value) => safeEqual(value, token));
  };
  const hostOk = (req: IncomingMessage) => `http://${req.headers.host ?? ''}` === origin;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = requestUrl(req, origin);
      if (!url) return deny(res, 400, 'Bad request');
      if (!hostOk(req)) return deny(res, 421, 'Wrong host');
      if (!tokenOk(req, url))
        return deny(res, 403, 'Open Baton with the full URL that `npm run serve` printed.');
      if (url.searchParams.has('token')) {
        // Trade the token in the address bar for a cookie, so it doesn't linger in history or screenshots.
        res.writeHead(302, {
          'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname,
          'Cache-Control': 'no-store',
        });
        return res.end();
      }
      serveStatic(options.rendererDir, url.pathname, res, () => appearanceOf(core), log);
    } catch (err) {
      log('browser host: a request failed', err);
      if (!res.headersSent) deny(res, 500, 'Baton could not answer that request');
      else res.destroy();
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const url = requestUrl(req, origin);
      if (
        !url ||
        url.pathname !== '/bridge' ||
        !hostOk(req) ||
        req.headers.origin !== origin ||
        !tokenOk(req, url)
      ) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        clients.add(ws);
        ws.on('close', () => clients.delete(ws));
        // A protocol error (bad frame, a frame past the hard limit) closes this socket; never the host.
        ws.on('error', (err) => log('browser host: WebSocket error', err));
        ws.on('message', (data, isBinary) => {
          try {
            answer(ws, data, isBinary);
          } catch (err) {
            log('browser host: a message could not be handled', err);
          }
        });
      });
    } catch (err) {
      log('browser host: an upgrade failed', err);
      socket.destroy();
    }
  });

  const send = (ws: WebSocket, message: unknown) => {
    if (ws.readyState !== ws.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (err) {
      log('browser host: a reply could not be serialized', err);
      const id = (message as { id?: unknown }).id;
      if (typeof id !== 'number') return;
      text = JSON.stringify({ id, reply: { ok: false, error: INTERNAL_REPLY } });
    }
    ws.send(text, (err) => err && log('browser host: a reply could not be sent', err));
  };

  function answer(ws: WebSocket, data: RawData, isBinary: boolean) {
    const bytes = rawBytes(data);
    if (bytes.length > MAX_REQUEST_BYTES) {
      const id = leadingId(bytes);
      if (id !== null) send(ws, { id, reply: tooLarge(bytes.length) });
      return;
    }
    const text = isBinary ? null : decodeUtf8(bytes);
    if (text === null) {
      const id = leadingId(bytes);
      if (id !== null) send(ws, { id, reply: refusedFrame('The request was not valid UTF-8 text') });
      return;
    }
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch {
      const id = leadingId(bytes);
      if (id !== null) send(ws, { id, reply: refusedFrame('The request was not valid JSON') });
      return;
    }
    // Anything but { id: number, channel: string, input? } has no id to answer: it is dropped.
    if (typeof request !== 'object' || request === null || Array.isArray(request)) return;
    const { id, channel, input } = request as { id?: unknown; channel?: unknown; input?: unknown };
    if (typeof id !== 'number' || !Number.isFinite(id)) return;
    if (typeof channel !== 'string') {
      send(ws, { id, reply: refusedFrame('The request names no channel') });
      return;
    }
    core
      .dispatch(channel, input)
      .catch((err: unknown) => {
        log(`browser host: ${channel.slice(0, 100)} failed outside the dispatcher`, err);
        return { ok: false as const, error: INTERNAL_REPLY };
      })
      .then((reply) => send(ws, { id, reply }))
      .catch((err: unknown) => log('browser host: a reply could not be sent', err));
  }

  const unsubscribe = core.events.onAny((event, payload) => {
    for (const ws of clients) send(ws, { event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a server error (e.g. too many open files) is logged; it must not end the process.
  server.on('error', (err) => log('browser host: server error', err));
  wss.on('error', (err) => log('browser host: WebSocket server error', err));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  // One cookie per port, so two Baton hosts on one machine do not overwrite each other's.
  cookieName = `${COOKIE}_${port}`;

  return {
    url: `${origin}/?token=${token}`,
    port,
    async close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const INTERNAL_REPLY = {
  code: 'INTERNAL' as const,
  message: 'Something went wrong inside Baton. Nothing was lost; try again.',
};

function tooLarge(sizeBytes: number) {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    ok: false as const,
    error: {
      code: 'TOO_LARGE' as const,
      message: `That is too large to send (${mb(sizeBytes)}; Baton takes at most ${mb(MAX_REQUEST_BYTES)} at once). Nothing was saved: shorten it (paste only the part of a long log that matters).`,
      details: { sizeBytes, limitBytes: MAX_REQUEST_BYTES },
    },
  };
}

function refusedFrame(message: string) {
  return { ok: false as const, error: { code: 'VALIDATION' as const, message } };
}

/** The request's URL, or null when the request line's path does not parse (e.g. `//[`). */
function requestUrl(req: IncomingMessage, origin: string): URL | null {
  const base = origin || 'http://127.0.0.1';
  const raw = req.url ?? '/';
  // `//host/path` would be read as a network-path reference: only the path part counts here.
  const path = raw.startsWith('//') ? `/${raw.replace(/^\/+/, '')}` : raw;
  return URL.canParse(path, base) ? new URL(path, base) : null;
}

/**
 * The request id from the start of a frame the bridge wrote (`{"id":N,…`), so a frame that cannot be
 * parsed (too large, not UTF-8) can still be answered instead of leaving the caller waiting.
 */
function leadingId(bytes: Buffer): number | null {
  const head = bytes.subarray(0, 40).toString('latin1');
  const match = /^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(head);
  return match ? Number(match[1]) : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(bytes: Buffer): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function rawBytes(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
}

/** The store's appearance, or the defaults while it is not open (the start-up screen). */
async function appearanceOf(core: HostedCore): Promise<AppearanceSettings> {
  const reply = await core.dispatch('settings:appearance-get', undefined);
  return reply.ok ? (reply.value as AppearanceSettings) : { theme: 'system', sidebar: 'expanded' };
}

function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
  appearance: () => Promise<AppearanceSettings>,
  log: (message: string, err?: unknown) => void,
) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return deny(res, 400, 'Bad request'); // a malformed %-escape
  }
  if (decoded.includes('\0')) return deny(res, 404, 'Not found');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root + sep) && file !== root) return deny(res, 404, 'Not found');
  if (!existsSync(file) || statSync(file).isDirectory()) {
    // A client-side route: the app shell answers it.
    if (extname(relative)) return deny(res, 404, 'Not found');
    file = join(root, 'index.html');
  }
  if (!existsSync(file)) return deny(res, 500, 'The renderer is not built; run `npm run build` first.');
  const headers = {
    'Content-Type': rendererContentType(extname(file)),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  if (extname(file) !== '.html') {
    res.writeHead(200, headers);
    return void createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }
  // The page arrives in this store's appearance: each run of the host has its own origin (port), so
  // the copies theme-boot.js reads from localStorage may be missing or another store's.
  const page = file;
  void appearance()
    .then(({ theme, sidebar }) => {
      const html = readFileSync(page, 'utf8').replace(
        /<html\b/,
        `<html data-theme="${theme}" data-sidebar="${sidebar}"`,
      );
      res.writeHead(200, headers);
      res.end(html);
    })
    .catch((err: unknown) => {
      log('browser host: the page could not be served', err);
      if (!res.headersSent) deny(res, 500, 'Baton could not answer that request');
      else res.destroy();
    });
}

function deny(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

export function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

function readCookies(header: string | undefined, name: string): string[] {
  const values: string[] = [];
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) values.push(rest.join('='));
  }
  return values;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
