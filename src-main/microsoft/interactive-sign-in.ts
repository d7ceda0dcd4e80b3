// The browser part of signing in: msal-node's acquireTokenInteractive (auth code + PKCE, answered as a
// form_post to its loopback listener), bounded by a timeout and cancellable from Baton.
import type { AccountInfo, PublicClientApplication } from '@azure/msal-node';
import { AppError } from '../errors';
import type { HttpClient } from '../net/http';
import { describeMsalError, SIGN_IN_FAILED_PAGE, signInFailure, SIGNED_IN_PAGE } from './msal-errors';
import type { MsalNetwork } from './msal-network';

export async function signInInBrowser(options: {
  pca: PublicClientApplication;
  network: MsalNetwork;
  http: HttpClient;
  scopes: string[];
  openBrowser: (url: string) => Promise<void>;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<AccountInfo> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const stop = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let pending: { redirectUri: string; state: string } | null = null;
  // msal waits on its loopback listener with no way to cancel: answering it with an error (the state
  // makes it ours) ends the wait and closes the listener.
  const cancel = () => {
    if (!pending) return;
    const form = { error: 'access_denied', error_description: 'Cancelled in Baton', ...pending };
    void options.http
      .request({
        url: pending.redirectUri,
        method: 'POST',
        carries: { credentials: 'sign-in-redirect' },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      })
      .catch(() => undefined);
  };
  stop.addEventListener('abort', cancel, { once: true });
  try {
    stop.throwIfAborted();
    const result = await options.network.run(() =>
      options.pca.acquireTokenInteractive({
        scopes: options.scopes,
        prompt: 'select_account',
        successTemplate: SIGNED_IN_PAGE,
        errorTemplate: SIGN_IN_FAILED_PAGE,
        openBrowser: async (url) => {
          const params = new URL(url).searchParams;
          pending = { redirectUri: params.get('redirect_uri') ?? '', state: params.get('state') ?? '' };
          if (stop.aborted) return cancel();
          try {
            await options.openBrowser(url);
          } catch (err) {
            throw new AppError(
              'NOT_CONFIGURED',
              `The sign-in page could not be opened: ${describeMsalError(err)}`,
            );
          }
        },
      }),
    );
    if (!result.account) throw new AppError('NOT_CONFIGURED', 'Microsoft 365 sign-in returned no account');
    return result.account;
  } catch (err) {
    if (timeout.aborted)
      throw new AppError(
        'NOT_CONFIGURED',
        `Microsoft 365 sign-in was not finished within ${duration(options.timeoutMs)}: try again`,
      );
    if (options.signal?.aborted) throw options.signal.reason;
    throw signInFailure(err);
  } finally {
    stop.removeEventListener('abort', cancel);
  }
}

const duration = (ms: number) =>
  ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.ceil(ms / 1000)} seconds`;
