// One interface for every model Baton can talk to. The SDKs do the wire work (SSE parsing, auth
// headers); their own retries are off because the outbox retries; their fetch is ours, so every
// request goes through the one HTTP module and its failures come back classified.
import { HttpStatusError, NetworkError, parseRetryAfter } from '../../net/http';
import { sdkErrors } from './sdks';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  system: string;
  messages: ChatTurn[];
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface ChatResult {
  text: string;
  model: string;
}

export interface ChatProvider {
  readonly label: string;
  readonly model: string;
  /** Streams the reply: `onText` gets each piece as it arrives; resolves with the whole text. */
  streamChat(request: ChatRequest, onText: (delta: string) => void): Promise<ChatResult>;
  /** A cheap authenticated call for Settings' "Test connection". */
  ping(signal?: AbortSignal): Promise<void>;
}

export interface ProviderConfig {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  fetch: typeof fetch;
  timeoutMs?: number;
}

interface SdkErrorShape {
  status?: number;
  headers?: Headers;
  message?: string;
  cause?: unknown;
  error?: unknown;
}

/**
 * Maps an SDK's errors onto the outbox's vocabulary: no connection → NetworkError (offline, retried
 * without charge), an HTTP status → HttpStatusError (retried or failed by status, Retry-After kept).
 */
export function toTransportError(err: unknown, url: string): unknown {
  if (err instanceof NetworkError || err instanceof HttpStatusError) return err;
  const e = err as SdkErrorShape;
  for (let cause = e?.cause as SdkErrorShape | undefined, depth = 0; cause && depth < 4; depth++) {
    if (cause instanceof NetworkError) return cause;
    cause = cause.cause as SdkErrorShape | undefined;
  }
  if (typeof e?.status === 'number') {
    const body = JSON.stringify(e.error ?? { message: e.message });
    return new HttpStatusError(
      e.status,
      url,
      body,
      parseRetryAfter(e.headers?.get('retry-after') ?? null, Date.now()),
    );
  }
  if (sdkErrors.timeout.some((type) => err instanceof type)) {
    return new NetworkError('timeout', 'The AI service did not answer in time', url);
  }
  if (sdkErrors.connection.some((type) => err instanceof type)) {
    return new NetworkError('other', 'Could not reach the AI service', url);
  }
  // A stream cut mid-reply surfaces as a plain error from the body reader.
  if (
    err instanceof TypeError ||
    /terminated|socket|ECONNRESET|aborted/i.test((err as Error)?.message ?? '')
  ) {
    return new NetworkError('reset', 'The connection to the AI service was cut mid-reply', url);
  }
  return err;
}

/** A stream that ended without its final event was cut (or aborted): never mistake it for a whole reply. */
export function assertFinished(finished: boolean, signal: AbortSignal | undefined, url: string): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('Aborted');
  if (!finished) throw new NetworkError('reset', 'The AI service stopped mid-reply', url);
}
