// What a ConnectWise failure means to Baton. A 4xx will fail the same way again: it becomes an AppError
// the user can read (CW's own message). 408/429/5xx and network failures are rethrown untouched so the
// outbox retries them with backoff, honouring Retry-After.
import { AppError } from '../../errors';
import { PermanentJobError } from '../../jobs/job-kinds';
import { HttpStatusError, NetworkError } from '../../net/http';

export interface CwErrorBody {
  code: string;
  message: string;
  errors?: { code?: string; message?: string; resource?: string; field?: string }[];
}

/** CW's `{code, message, errors}` body, or null when the body is something else (HTML, empty). */
export function parseCwErrorBody(body: string): CwErrorBody | null {
  try {
    const parsed = JSON.parse(body) as Partial<CwErrorBody> | null;
    if (parsed && typeof parsed.message === 'string') {
      return {
        code: typeof parsed.code === 'string' ? parsed.code : 'Unknown',
        message: parsed.message,
        errors: Array.isArray(parsed.errors) ? parsed.errors : [],
      };
    }
  } catch {
    // not JSON
  }
  return null;
}

export const CREDENTIALS_REFUSED =
  'ConnectWise refused the credentials: check the company ID, the public and private keys and the clientId in Settings → ConnectWise';

/** Turns a non-retryable HttpStatusError into AppError('PSA_FAILED'); everything else passes through. */
export function toPsaError(err: unknown): unknown {
  if (!(err instanceof HttpStatusError) || err.retryable) return err;
  const body = parseCwErrorBody(err.body);
  const details = { status: err.status, code: body?.code ?? null, errors: body?.errors ?? [] };
  // Cloud sites answer bad credentials with 401, or with a bare 404 that is not a CW error body.
  if (err.status === 401)
    return new AppError('PSA_FAILED', withCwMessage(CREDENTIALS_REFUSED, body), details);
  if (err.status === 404 && !body) {
    return new AppError('PSA_FAILED', `${CREDENTIALS_REFUSED} (or the site address is wrong)`, details);
  }
  const first = body?.errors?.find((e) => typeof e.message === 'string')?.message;
  const message = body
    ? `ConnectWise: ${body.message}${first ? ` (${first})` : ''}`
    : `ConnectWise answered HTTP ${err.status}`;
  return new AppError('PSA_FAILED', message, details);
}

function withCwMessage(message: string, body: CwErrorBody | null): string {
  return body ? `${message} (ConnectWise said: ${body.message})` : message;
}

/**
 * For job handlers: a PSA_FAILED / PSA_STATUS_NOT_VERIFIED / NOT_CONFIGURED / VALIDATION AppError
 * will not fix itself, so the job goes dead at once (the AppError stays as the cause); network and
 * retryable HTTP errors pass through for the worker's backoff.
 */
export function asJobError(err: unknown): unknown {
  const mapped = toPsaError(err);
  if (mapped instanceof AppError && mapped.code !== 'OFFLINE') {
    return new PermanentJobError(mapped.message, { cause: mapped });
  }
  return mapped;
}

/** An unexpected (but 2xx) answer: not CW's API, or a shape Baton cannot read. */
export function unexpectedAnswer(what: string, detail?: string): AppError {
  return new AppError(
    'PSA_FAILED',
    `ConnectWise answered with an unexpected ${what}; check the site address and codebase`,
    detail ? { detail } : undefined,
  );
}

/** A sentence for the Test button. */
export function explain(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof NetworkError) return `Cannot reach ConnectWise: ${err.message}`;
  if (err instanceof HttpStatusError) {
    return err.status === 429
      ? 'ConnectWise is rate-limiting this API member: try again in a minute'
      : `ConnectWise is having trouble (HTTP ${err.status}): try again later`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** A Settings screen waits on these: say "offline" or "try later" instead of an internal error. */
export async function interactive<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof NetworkError)
      throw new AppError('OFFLINE', `Cannot reach ConnectWise: ${err.message}`);
    if (err instanceof HttpStatusError)
      throw new AppError('PSA_FAILED', explain(err), { status: err.status });
    throw err;
  }
}
