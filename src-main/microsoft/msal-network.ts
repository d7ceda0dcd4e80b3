// msal-node's network module (system.networkClient) over Baton's one HttpClient, so sign-in traffic
// follows the same URL policy, timeouts and failure classification as everything else.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { HttpClient, HttpResponse } from '../net/http';
import { HttpStatusError, NetworkError } from '../net/http';

export interface MsalNetwork {
  module: INetworkModule;
  /**
   * Runs an msal call. msal turns a failed connection into its own generic "network_error" (or, for
   * discovery, into "endpoints could not be resolved"); when that happened, this throws our
   * NetworkError instead, so the outbox knows to wait for the connection rather than give up.
   */
  run<T>(call: () => Promise<T>): Promise<T>;
}

export function createMsalNetwork(http: HttpClient, defaultTimeoutMs = 30_000): MsalNetwork {
  const failures = new AsyncLocalStorage<NetworkError[]>();

  async function send<T>(
    method: 'GET' | 'POST',
    url: string,
    options: NetworkRequestOptions | undefined,
    timeoutMs: number | undefined,
  ): Promise<NetworkResponse<T>> {
    let response: Pick<HttpResponse, 'status' | 'headers' | 'text'>;
    try {
      response = await http.request({
        url,
        method,
        // msal's token requests: codes, verifiers and refresh tokens, which must reach the authority whole.
        carries: method === 'POST' ? { credentials: 'oauth' } : 'nothing',
        headers: options?.headers,
        body: method === 'POST' ? (options?.body ?? '') : undefined,
        timeoutMs: timeoutMs ?? defaultTimeoutMs,
      });
    } catch (err) {
      if (err instanceof NetworkError) failures.getStore()?.push(err);
      if (!(err instanceof HttpStatusError)) throw err;
      // msal reads OAuth errors (invalid_grant…) from the body of a 4xx itself, and throttles on
      // Retry-After: give it the answer rather than an exception.
      const headers = new Headers();
      if (err.retryAfterMs !== null) headers.set('retry-after', String(Math.ceil(err.retryAfterMs / 1000)));
      response = { status: err.status, headers, text: err.body };
    }
    let body: T;
    try {
      body = JSON.parse(response.text || '{}') as T;
    } catch {
      throw new Error(
        `The Microsoft sign-in service answered HTTP ${response.status} with something other than JSON (${new URL(url).host})`,
      );
    }
    return { status: response.status, headers: Object.fromEntries(response.headers), body };
  }

  return {
    module: {
      sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
      sendPostRequestAsync: (url, options) => send('POST', url, options, undefined),
    },
    async run(call) {
      const seen: NetworkError[] = [];
      try {
        return await failures.run(seen, call);
      } catch (err) {
        if (seen.length > 0) throw seen[0]!;
        throw err;
      }
    },
  };
}
