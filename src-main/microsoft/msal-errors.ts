// What msal's errors mean for Baton: a refused refresh means an admin must sign in again; the
// authority being busy is worth a retry; everything else is explained in one readable line.
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { AppError } from '../errors';
import { HttpStatusError, NetworkError } from '../net/http';

/** "AADSTS700082: The refresh token has expired…" out of msal's long error text, else its first line. */
export function describeMsalError(err: unknown): string {
  if (err instanceof AuthError) {
    const text = err.errorMessage || err.message;
    return /AADSTS\d+: [^\r\n]*/.exec(text)?.[0]?.trim() ?? (text.split(/\r?\n/)[0]?.trim() || err.errorCode);
  }
  return err instanceof Error ? err.message : String(err);
}

/** Microsoft will not renew the sign-in without the user (revoked, expired, consent withdrawn). */
export function isRefusedRefresh(err: unknown): boolean {
  return (
    err instanceof InteractionRequiredAuthError ||
    (err instanceof ServerError &&
      (err.errorCode === 'invalid_grant' || err.errorCode === 'interaction_required'))
  );
}

/** The authority answered 429/5xx: a retryable HttpStatusError, so the outbox backs off and retries. */
export function busyAuthority(err: unknown, authority: string): HttpStatusError | null {
  if (!(err instanceof ServerError)) return null;
  const status = err.status ?? 0;
  if (status !== 429 && status < 500) return null;
  return new HttpStatusError(status, authority, JSON.stringify({ message: describeMsalError(err) }), null);
}

/** Why an interactive sign-in failed, as the admin should read it. */
export function signInFailure(err: unknown): Error {
  if (err instanceof AppError) return err;
  if (err instanceof NetworkError)
    return new AppError('OFFLINE', `Cannot reach the Microsoft sign-in service: ${err.message}`);
  if (err instanceof ServerError && err.errorCode === 'access_denied')
    return new AppError(
      'NOT_CONFIGURED',
      `Microsoft 365 sign-in was cancelled or refused: ${describeMsalError(err)}`,
    );
  return new AppError('NOT_CONFIGURED', `Microsoft 365 sign-in did not complete: ${describeMsalError(err)}`);
}

export const SIGNED_IN_PAGE = page(
  'Baton is connected to Microsoft 365',
  'You can close this tab and go back to Baton.',
);
export const SIGN_IN_FAILED_PAGE = page(
  'Microsoft 365 sign-in did not finish',
  'Go back to Baton: it says what happened and lets you try again.',
);

function page(title: string, text: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Baton</title></head><body style="font-family:system-ui,sans-serif;margin:3rem"><h1>${title}</h1><p>${text}</p></body></html>`;
}
