// Sending mail through Microsoft Graph, exactly once (a draft, then POST …/send → 202), with
// @microsoft/microsoft-graph-client and our own middleware chain: the built-in auth handler drops the
// Authorization header for non-https hosts and its HTTPMessageHandler uses the global fetch, so we
// bring a bearer middleware and a last middleware that sends through Baton's HttpClient. No
// RetryHandler: retries belong to the outbox, so 429/503 surface as retryable errors with Retry-After.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../clock';
import { PermanentJobError } from '../jobs/job-kinds';
import type { HttpClient } from '../net/http';
import { HttpStatusError, NetworkError, parseRetryAfter } from '../net/http';

export interface MailMessage {
  subject: string;
  /** Plain text (Graph contentType Text). */
  text: string;
  to: { address: string; name?: string }[];
}

export interface GraphMailDeps {
  http: HttpClient;
  clock: Clock;
  graphBaseUrl: () => string;
  accessToken: (options?: { forceRefresh?: boolean }) => Promise<string>;
  timeoutMs?: number;
}

/** Where a send stands across retries: the draft it created (kept by the outbox job between tries). */
export interface SendProgress {
  draftId: string | null;
  /** Called as soon as Graph created the draft, before it is sent: store it, a retry needs it. */
  draftCreated(id: string): void;
}

export function createGraphMail(deps: GraphMailDeps) {
  /**
   * One Graph request through our middleware chain. Throws a retryable HttpStatusError for 429/5xx
   * (with Retry-After), NetworkError when Graph is unreachable, NotFoundInGraph for 404,
   * PermanentJobError for other refusals, and the token's own error (AppError NOT_CONFIGURED) when
   * there is no usable sign-in.
   */
  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<T> {
    const baseUrl = deps.graphBaseUrl();
    const url = `${baseUrl}/v1.0${path}`;
    const timeout = AbortSignal.timeout(deps.timeoutMs ?? 30_000);
    const abort = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    // The Graph client flattens anything thrown inside the chain into a GraphError with status -1;
    // the first middleware keeps the original so its class (NetworkError, AppError…) survives.
    const chain: { failed: boolean; error?: unknown } = { failed: false };
    const client = Client.initWithMiddleware({
      baseUrl,
      defaultVersion: 'v1.0',
      middleware: [
        new KeepOriginalError((error) => Object.assign(chain, { failed: true, error })),
        new BearerToken(deps.accessToken),
        new SendThroughHttpClient(deps.http, abort),
      ],
    });
    try {
      const request = client.api(path).headers(options.headers ?? {});
      return (method === 'GET' ? await request.get() : await request.post(options.body ?? {})) as T;
    } catch (err) {
      if (chain.failed) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (timeout.aborted)
          throw new NetworkError('timeout', `${new URL(url).host} did not answer in time`, url);
        throw chain.error;
      }
      if (err instanceof GraphError) throw graphRefusal(err, url, deps.clock.now());
      throw err;
    }
  }

  /**
   * Sends `message` exactly once however often it is retried (API-NOTES, Microsoft Graph): sendMail
   * has no idempotency key, so a lost 202 could not be told from a failure. Instead a draft is created
   * with an immutable id (it survives the move to Sent Items), its id handed to `progress` before it
   * is sent, and a retry first reads that draft: no longer a draft means it went out.
   */
  async function send(
    message: MailMessage,
    progress: SendProgress,
    signal?: AbortSignal,
  ): Promise<'sent' | 'already sent'> {
    let draftId = progress.draftId;
    if (draftId !== null) {
      const state = await readDraft(draftId, signal);
      if (state === 'sent') return 'already sent';
    } else {
      const draft = await call<{ id?: unknown }>('POST', '/me/messages', {
        body: draftBody(message),
        headers: { Prefer: 'IdType="ImmutableId"' },
        signal,
      });
      if (typeof draft?.id !== 'string' || !draft.id)
        throw new PermanentJobError('Microsoft Graph created the email draft but did not say its id');
      draftId = draft.id;
      progress.draftCreated(draftId);
    }
    // 202 Accepted, empty body: accepted for delivery, not delivered.
    await call('POST', `/me/messages/${encodeURIComponent(draftId)}/send`, { signal });
    return 'sent';
  }

  async function readDraft(id: string, signal?: AbortSignal): Promise<'draft' | 'sent'> {
    try {
      const found = await call<{ isDraft?: unknown }>(
        'GET',
        `/me/messages/${encodeURIComponent(id)}?$select=isDraft`,
        {
          signal,
        },
      );
      return found?.isDraft === false ? 'sent' : 'draft';
    } catch (err) {
      // Gone: deleted from the mailbox, maybe after it was sent. Sending a new copy could send it
      // twice, so this try stops here and says what to check.
      if (err instanceof NotFoundInGraph)
        throw new PermanentJobError(
          'The email draft is no longer in the mailbox (deleted?): it was not sent again, so nobody gets it twice. Check Sent Items of the mailbox Baton sends from.',
        );
      throw err;
    }
  }

  return { send };
}

export type GraphMail = ReturnType<typeof createGraphMail>;

function draftBody(message: MailMessage) {
  return {
    subject: message.subject,
    body: { contentType: 'Text', content: message.text },
    toRecipients: message.to.map((r) => ({
      emailAddress: r.name ? { address: r.address, name: r.name } : { address: r.address },
    })),
  };
}

/** Graph answered 404 for the item asked for. */
export class NotFoundInGraph extends PermanentJobError {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundInGraph';
  }
}

/** Graph's `{"error":{"code","message"}}` answer, classified for the outbox. */
function graphRefusal(err: GraphError, url: string, now: number): Error {
  const status = err.statusCode;
  const message = err.message || err.code || `HTTP ${status}`;
  if (status === 404) return new NotFoundInGraph(`Microsoft Graph has no such item (${message})`);
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfter = err.headers?.get('retry-after') ?? null;
    return new HttpStatusError(status, url, JSON.stringify({ message }), parseRetryAfter(retryAfter, now));
  }
  if (status === 401)
    return new PermanentJobError(
      `Microsoft 365 refused Baton's sign-in (${message}): an admin needs to sign in again in Settings`,
    );
  return new PermanentJobError(
    `Microsoft Graph refused the email (HTTP ${status} ${err.code ?? ''}): ${message}`,
  );
}

abstract class ChainLink implements Middleware {
  protected next: Middleware | undefined;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected forward(context: Context): Promise<void> {
    if (!this.next) throw new Error('Graph middleware chain ends too early');
    return this.next.execute(context);
  }
  abstract execute(context: Context): Promise<void>;
}

class KeepOriginalError extends ChainLink {
  constructor(private readonly keep: (error: unknown) => void) {
    super();
  }
  async execute(context: Context): Promise<void> {
    try {
      await this.forward(context);
    } catch (error) {
      this.keep(error);
      throw error;
    }
  }
}

class BearerToken extends ChainLink {
  constructor(private readonly token: GraphMailDeps['accessToken']) {
    super();
  }
  async execute(context: Context): Promise<void> {
    setHeader(context, 'Authorization', `Bearer ${await this.token()}`);
    await this.forward(context);
    if (context.response?.status !== 401) return;
    // A token msal still thought valid was refused (revoked, clock skew): one fresh token, one more try.
    await context.response.body?.cancel();
    setHeader(context, 'Authorization', `Bearer ${await this.token({ forceRefresh: true })}`);
    await this.forward(context);
  }
}

class SendThroughHttpClient extends ChainLink {
  constructor(
    private readonly http: HttpClient,
    private readonly signal: AbortSignal,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    // Typed as the DOM's RequestInfo, which Node's lib does not declare: a URL string or a Request.
    const request = context.request as unknown as string | Request;
    const url = typeof request === 'string' ? request : request.url;
    context.response = await this.http.fetchFor({ content: 'email' })(url, {
      ...context.options,
      signal: this.signal,
    });
  }
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  if (options.headers instanceof Headers) options.headers.set(name, value);
  else options.headers = { ...(options.headers as Record<string, string> | undefined), [name]: value };
}
