// The renderer is served from app://baton/ rather than file://, so every response carries the CSP as a
// header (a <meta> CSP cannot set frame-ancestors and comes too late for some directives), the page has
// a real origin for the IPC sender check, and file:// keeps no special privileges (fuse off).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, rendererContentType } from '../content-security-policy';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://baton';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Before `ready`: app:// behaves like https (standard, secure, fetch, code cache). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** After `ready`: answers app://baton/… from the built renderer (inside app.asar when packaged). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}

export async function rendererResponse(rendererDir: string, url: string): Promise<Response> {
  const { host, pathname } = new URL(url);
  if (host !== 'baton') return notFound();
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(rendererDir, relative || 'index.html');
  if (!file.startsWith(rendererDir + sep)) return notFound();
  // A client-side route (no extension) is answered by the app shell.
  if (!extname(file)) file = join(rendererDir, 'index.html');
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': rendererContentType(extname(file)),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  } catch {
    return notFound();
  }
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
