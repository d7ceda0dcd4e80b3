// Microsoft Graph mail fake (API-NOTES.md, Microsoft Graph), with a bearer token the fake authority
// issued (or one of `acceptedTokens`):
// - POST /v1.0/me/sendMail, the documented JSON body, answered 202 with an empty body;
// - drafts: POST /v1.0/me/messages (201 with the message; `Prefer: IdType="ImmutableId"` keeps its id
//   when it moves to Sent Items, without it the id changes on send, so the old id answers 404),
//   GET /v1.0/me/messages/{id} (isDraft), POST /v1.0/me/messages/{id}/send (202, empty body).
//   Whether Graph refuses to send a message that is no longer a draft is unconfirmed: the fake takes
//   the least convenient reading and delivers it again.
// Drafts need Mail.ReadWrite, sending Mail.Send. Plain http on loopback: that is what makes Graph's
// own auth handler drop the Authorization header, so Baton's custom auth middleware is exercised.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FakeHttpServer, FakeResponse, RecordedRequest } from '../fake-http-server';
import { startFakeServer } from '../fake-http-server';
import type { AccessTokenCheck } from './authority-fake';

export interface SentMail {
  /** The mailbox that sent it: the signed-in user behind the bearer token. */
  from: string;
  subject: string;
  contentType: 'Text' | 'HTML';
  content: string;
  to: string[];
  cc: string[];
  saveToSentItems: boolean;
  token: string;
}

/** A message in the fake mailbox (created as a draft). */
export interface FakeMailboxMessage {
  id: string;
  immutableId: boolean;
  isDraft: boolean;
  subject: string;
  contentType: 'Text' | 'HTML';
  content: string;
  to: string[];
  cc: string[];
  owner: string;
  /** How many times it was delivered (more than 1: the same email went out twice). */
  deliveries: number;
}

export interface GraphFakeOptions {
  /** Usually the authority fake: `{ checkAccessToken: (t) => authority.checkAccessToken(t) }`. */
  tokens?: { checkAccessToken(token: string): AccessTokenCheck };
  /** Tokens accepted without an authority (mailbox `me@contoso.example`, Mail.Send and Mail.ReadWrite). */
  acceptedTokens?: string[];
}

/** Graph's error body: `{"error":{"code","message","innerError":{"request-id","date"}}}`. */
export function graphError(status: number, code: string, message: string): FakeResponse {
  const date = new Date().toISOString().replace(/\.\d+Z$/, '');
  return {
    status,
    headers: { 'request-id': randomUUID() },
    body: { error: { code, message, innerError: { 'request-id': randomUUID(), date } } },
  };
}

const DEFAULT_FAULT: Record<number, [string, string]> = {
  400: ['ErrorInvalidRecipients', 'At least one recipient is not valid.'],
  401: ['InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'],
  403: ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
  429: ['ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'],
  503: ['ServiceUnavailable', 'Service Unavailable'],
};

const recipient = z.object({
  emailAddress: z.object({ address: z.email(), name: z.string().optional() }),
});
const messageBody = z.object({
  subject: z.string(),
  body: z.object({
    // Graph accepts the enum case-insensitively.
    contentType: z.string().regex(/^(text|html)$/i),
    content: z.string(),
  }),
  toRecipients: z.array(recipient).min(1),
  ccRecipients: z.array(recipient).optional(),
});
const sendMailBody = z.object({ message: messageBody, saveToSentItems: z.boolean().optional() });

type Checked =
  { ok: true; username: string; scopes: string[]; token: string } | { ok: false; response: FakeResponse };

export class MicrosoftGraphFake {
  /** Every email that went out (sendMail, or a draft sent), in order; a draft sent twice appears twice. */
  readonly messages: SentMail[] = [];
  /** The mailbox: drafts and sent drafts, by current id. */
  readonly mailbox = new Map<string, FakeMailboxMessage>();
  constructor(
    readonly server: FakeHttpServer,
    private readonly options: GraphFakeOptions,
  ) {}

  /** What Settings calls the Graph base URL: http://127.0.0.1:PORT (no version). */
  get baseUrl(): string {
    return this.server.url;
  }
  close(): Promise<void> {
    return this.server.close();
  }

  handle(request: RecordedRequest): FakeResponse {
    const auth = this.authenticate(request);
    if (!auth.ok) return auth.response;
    const path = request.path;
    if (path === '/v1.0/me/sendMail') return this.only('POST', request, () => this.sendMail(request, auth));
    if (path === '/v1.0/me/messages')
      return this.only('POST', request, () => this.createDraft(request, auth));
    const item = /^\/v1\.0\/me\/messages\/([^/]+)(\/send)?$/.exec(path);
    if (item) {
      const id = decodeURIComponent(item[1]!);
      return item[2]
        ? this.only('POST', request, () => this.sendDraft(id, auth))
        : this.only('GET', request, () => this.readMessage(id, auth));
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment '${path.split('/').pop()}'.`);
  }

  private only(method: string, request: RecordedRequest, answer: () => FakeResponse): FakeResponse {
    if (request.method !== method)
      return graphError(405, 'Request_BadRequest', 'The request method is not supported for the resource.');
    return answer();
  }

  private authenticate(request: RecordedRequest): Checked {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token)
      return { ok: false, response: graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.') };
    const check = this.check(token);
    if (!check.ok)
      return {
        ok: false,
        response: graphError(
          401,
          'InvalidAuthenticationToken',
          check.reason === 'expired'
            ? 'Lifetime validation failed, the token is expired.'
            : 'Access token validation failure. Invalid audience.',
        ),
      };
    return { ...check, token };
  }

  private hasScope(auth: Extract<Checked, { ok: true }>, scope: string): boolean {
    return auth.scopes.some((s) => s.toLowerCase() === scope.toLowerCase());
  }

  private denied(): FakeResponse {
    return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }

  private parse<T>(
    request: RecordedRequest,
    schema: z.ZodType<T>,
  ): { ok: true; value: T } | { ok: false; response: FakeResponse } {
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return {
        ok: false,
        response: graphError(400, 'RequestBodyRead', 'Unable to read JSON request payload.'),
      };
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0]!;
    const code = issue.path.includes('toRecipients') ? 'ErrorInvalidRecipients' : 'RequestBodyRead';
    return {
      ok: false,
      response: graphError(400, code, `Invalid request body at ${issue.path.join('.')}: ${issue.message}`),
    };
  }

  private sendMail(request: RecordedRequest, auth: Extract<Checked, { ok: true }>): FakeResponse {
    if (!this.hasScope(auth, 'Mail.Send')) return this.denied();
    const parsed = this.parse(request, sendMailBody);
    if (!parsed.ok) return parsed.response;
    const { message, saveToSentItems } = parsed.value;
    this.messages.push({
      from: auth.username,
      subject: message.subject,
      contentType: /^html$/i.test(message.body.contentType) ? 'HTML' : 'Text',
      content: message.body.content,
      to: message.toRecipients.map((r) => r.emailAddress.address),
      cc: (message.ccRecipients ?? []).map((r) => r.emailAddress.address),
      saveToSentItems: saveToSentItems ?? true,
      token: auth.token,
    });
    // 202 Accepted, empty body: accepted for delivery, not delivered.
    return { status: 202, headers: { 'request-id': randomUUID() } };
  }

  private createDraft(request: RecordedRequest, auth: Extract<Checked, { ok: true }>): FakeResponse {
    if (!this.hasScope(auth, 'Mail.ReadWrite')) return this.denied();
    const parsed = this.parse(request, messageBody);
    if (!parsed.ok) return parsed.response;
    const message = parsed.value;
    const prefer = String(request.headers.prefer ?? '');
    const draft: FakeMailboxMessage = {
      id: this.newId(),
      immutableId: /IdType\s*=\s*"ImmutableId"/i.test(prefer),
      isDraft: true,
      subject: message.subject,
      contentType: /^html$/i.test(message.body.contentType) ? 'HTML' : 'Text',
      content: message.body.content,
      to: message.toRecipients.map((r) => r.emailAddress.address),
      cc: (message.ccRecipients ?? []).map((r) => r.emailAddress.address),
      owner: auth.username,
      deliveries: 0,
    };
    this.mailbox.set(draft.id, draft);
    return { status: 201, headers: { 'request-id': randomUUID() }, body: this.view(draft) };
  }

  private readMessage(id: string, auth: Extract<Checked, { ok: true }>): FakeResponse {
    if (!this.hasScope(auth, 'Mail.ReadWrite') && !this.hasScope(auth, 'Mail.Read')) return this.denied();
    const found = this.mailbox.get(id);
    if (!found || found.owner !== auth.username) return this.notFound();
    return { status: 200, body: this.view(found) };
  }

  private sendDraft(id: string, auth: Extract<Checked, { ok: true }>): FakeResponse {
    if (!this.hasScope(auth, 'Mail.Send')) return this.denied();
    const found = this.mailbox.get(id);
    if (!found || found.owner !== auth.username) return this.notFound();
    found.isDraft = false;
    found.deliveries += 1;
    this.messages.push({
      from: found.owner,
      subject: found.subject,
      contentType: found.contentType,
      content: found.content,
      to: found.to,
      cc: found.cc,
      saveToSentItems: true,
      token: auth.token,
    });
    if (!found.immutableId) {
      // Moved to Sent Items: a regular id changes with the folder.
      this.mailbox.delete(id);
      found.id = this.newId();
      this.mailbox.set(found.id, found);
    }
    return { status: 202, headers: { 'request-id': randomUUID() } };
  }

  private newId(): string {
    return `AAMkAD${randomUUID().replace(/-/g, '')}=`;
  }

  private notFound(): FakeResponse {
    return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }

  private view(message: FakeMailboxMessage) {
    return {
      '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity",
      id: message.id,
      isDraft: message.isDraft,
      subject: message.subject,
      body: { contentType: message.contentType.toLowerCase(), content: message.content },
      toRecipients: message.to.map((address) => ({ emailAddress: { address } })),
    };
  }

  private check(
    token: string,
  ): { ok: true; username: string; scopes: string[] } | { ok: false; reason: 'expired' | 'unknown' } {
    if (this.options.acceptedTokens?.includes(token))
      return { ok: true, username: 'me@contoso.example', scopes: ['Mail.Send', 'Mail.ReadWrite'] };
    const result = this.options.tokens?.checkAccessToken(token) ?? { ok: false, reason: 'unknown' };
    return result.ok ? { ok: true, username: result.user.username, scopes: result.scopes } : result;
  }
}

export async function startMicrosoftGraphFake(options: GraphFakeOptions = {}): Promise<MicrosoftGraphFake> {
  const server = await startFakeServer((request) => fake.handle(request), {
    name: 'microsoft-graph',
    faultBody: (status) => {
      const [code, message] = DEFAULT_FAULT[status] ?? ['generalException', `HTTP ${status}`];
      return graphError(status, code, message).body;
    },
  });
  const fake = new MicrosoftGraphFake(server, options);
  return fake;
}
