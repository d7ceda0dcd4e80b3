// In Electron, Baton's one HTTP module (src-main/net/http.ts) sends through Chromium's network stack
// (net.fetch): the system proxy and PAC script, and the OS certificate store that MSP networks rely on
// (TLS-inspecting proxies, internal CAs). http.ts stays free of Electron: this adapter is injected.
// Chromium reports failures as "net::ERR_…" messages; they are given the Node error codes http.ts
// already classifies (refused, DNS, reset, timeout, TLS), so a failure means the same on both stacks.
import { net } from 'electron';

const CODES: [RegExp, string][] = [
  [
    /ERR_(CONNECTION_REFUSED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|NETWORK_CHANGED|PROXY_CONNECTION_FAILED)/,
    'ECONNREFUSED',
  ],
  [/ERR_NAME_(NOT_RESOLVED|RESOLUTION_FAILED)/, 'ENOTFOUND'],
  [/ERR_(CONNECTION_RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|CONNECTION_ABORTED)/, 'ECONNRESET'],
  [/ERR_(TIMED_OUT|CONNECTION_TIMED_OUT)/, 'ETIMEDOUT'],
  [/ERR_(CERT_|SSL_|BAD_SSL)/, 'ERR_TLS_CERT_ALTNAME_INVALID'],
];

/** Chromium's error as an Error carrying the equivalent Node code (and the original as its cause). */
export function withNodeCode(err: unknown): unknown {
  if (!(err instanceof Error) || err.name === 'AbortError') return err;
  const match = CODES.find(([pattern]) => pattern.test(err.message));
  if (!match) return err;
  const mapped = new Error(err.message, { cause: err }) as Error & { code: string };
  mapped.code = match[1];
  return mapped;
}

export function electronFetch(): typeof fetch {
  const electronNetFetch: typeof fetch = async (input, init) => {
    try {
      return await net.fetch(input instanceof URL ? input.toString() : input, init);
    } catch (err) {
      throw withNodeCode(err);
    }
  };
  return electronNetFetch;
}
