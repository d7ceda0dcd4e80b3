// The browser host: the same core, served on 127.0.0.1 with the built renderer, the contract carried
// over a WebSocket. Every request needs the random token from the printed URL (exchanged for an
// HttpOnly cookie on first load); other origins and hosts are refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type { Core } from '../core';

const COOKIE = 'baton_host_token';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface BrowserHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startBrowserHost(
  core: Core,
  options: { rendererDir: string; port?: number },
): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  const clients = new Set<WebSocket>();
  let origin = '';

  const tokenOk = (req: IncomingMessage, url: URL) => {
    const presented = url.searchParams.get('token') ?? readCookie(req.headers.cookie, COOKIE);
    return presented !== undefined && presented !== null && safeEqual(presented, token);
  };
  const hostOk = (req: IncomingMessage) => `http://${req.headers.host ?? ''}` === origin;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    if (!hostOk(req)) return deny(res, 421, 'Wrong host');
    if (!tokenOk(req, url))
      return deny(res, 403, 'Open Baton with the full URL that `npm run serve` printed.');
    if (url.searchParams.has('token')) {
      // Trade the token in the address bar for a cookie, so it doesn't linger in history or screenshots.
      res.writeHead(302, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    serveStatic(options.rendererDir, url.pathname, res, () => core.services.appearance.view());
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/bridge' || !hostOk(req) || req.headers.origin !== origin || !tokenOk(req, url)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', (data) => {
        let request: { id?: unknown; channel?: unknown; input?: unknown };
        try {
          request = JSON.parse(rawText(data)) as typeof request;
        } catch {
          return;
        }
        if (typeof request.id !== 'number' || typeof request.channel !== 'string') return;
        const { id } = request;
        void core.dispatch(request.channel, request.input).then((reply) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, reply }));
        });
      });
    });
  });

  const unsubscribe = core.events.onAny((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

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

function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
  appearance: () => { theme: string; sidebar: string },
) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root + sep) && file !== root) return deny(res, 404, 'Not found');
  if (!existsSync(file) || statSync(file).isDirectory()) {
    // A client-side route: the app shell answers it.
    if (extname(relative)) return deny(res, 404, 'Not found');
    file = join(root, 'index.html');
  }
  if (!existsSync(file)) return deny(res, 500, 'The renderer is not built; run `npm run build` first.');
  const isPage = extname(file) === '.html';
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  if (!isPage) return void createReadStream(file).pipe(res);
  // The page arrives in this store's appearance: each run of the host has its own origin (port), so
  // the copies theme-boot.js reads from localStorage may be missing or another store's.
  const { theme, sidebar } = appearance();
  res.end(
    readFileSync(file, 'utf8').replace(/<html\b/, `<html data-theme="${theme}" data-sidebar="${sidebar}"`),
  );
}

function deny(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

export function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
