import { describe, expect, it } from 'vitest';
import { describeHttpContract } from '../net/http-contract';
import { electronFetch, withNodeCode } from './net-fetch';
import { net } from './testing/electron-double';

// Electron's net.fetch, through the recording double (a real fetch underneath that fails the way
// Chromium does: "net::ERR_…" messages without Node's error codes).
describeHttpContract(
  "Electron's net.fetch",
  () => electronFetch(),
  () => net.requests.map((r) => r.url),
);

describe("Chromium's network errors", () => {
  it('are given the Node codes http.ts classifies', () => {
    const code = (message: string) => (withNodeCode(new Error(message)) as { code?: string }).code;
    expect(code('net::ERR_CONNECTION_REFUSED')).toBe('ECONNREFUSED');
    expect(code('net::ERR_INTERNET_DISCONNECTED')).toBe('ECONNREFUSED');
    expect(code('net::ERR_PROXY_CONNECTION_FAILED')).toBe('ECONNREFUSED');
    expect(code('net::ERR_NAME_NOT_RESOLVED')).toBe('ENOTFOUND');
    expect(code('net::ERR_CONNECTION_RESET')).toBe('ECONNRESET');
    expect(code('net::ERR_TIMED_OUT')).toBe('ETIMEDOUT');
    expect(code('net::ERR_CERT_AUTHORITY_INVALID')).toMatch(/^ERR_TLS/);
    expect(code('something else')).toBeUndefined();
  });
});
