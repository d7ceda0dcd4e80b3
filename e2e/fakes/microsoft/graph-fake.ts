// Microsoft Graph mail fake (API-NOTES.md, Microsoft Graph): POST /v1.0/me/sendMail with a bearer
// token the fake authority issued (or one of `acceptedTokens`), the documented JSON body, answered
// 202 with an empty body. Plain http on loopback: that is what makes Graph's own auth handler drop
// the Authorization header, so Baton's custom auth middleware is exercised for real.
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

export interface GraphFakeOptions {
  /** Usually the authority fake: `{ checkAccessToken: (t) => authority.checkAccessToken(t) }`. */
  tokens?: { checkAccessToken(token: string): AccessTokenCheck };
  /** Tokens accepted without an authority (mailbox `me@contoso.example`, scope Mail.Send). */
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
const sendMailBody = z.object({
  message: z.object({
    subject: z.string(),
    body: z.object({
      // Graph accepts the enum case-insensitively.
      contentType: z.string().regex(/^(text|html)$/i),
      content: z.string(),
    }),
    toRecipients: z.array(recipient).min(1),
    ccRecipients: z.array(recipient).optional(),
  }),
  saveToSentItems: z.boolean().optional(),
});

export class MicrosoftGraphFake {
  readonly messages: SentMail[] = [];
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
    if (request.path !== '/v1.0/me/sendMail')
      return graphError(
        400,
        'BadRequest',
        `Resource not found for the segment '${request.path.split('/').pop()}'.`,
      );
    if (request.method !== 'POST')
      return graphError(405, 'Request_BadRequest', 'The request method is not supported for the resource.');
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const check = this.check(token);
    if (!check.ok)
      return graphError(
        401,
        'InvalidAuthenticationToken',
        check.reason === 'expired'
          ? 'Lifetime validation failed, the token is expired.'
          : 'Access token validation failure. Invalid audience.',
      );
    if (!check.scopes.some((s) => s.toLowerCase() === 'mail.send'))
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return graphError(400, 'RequestBodyRead', 'Unable to read JSON request payload.');
    }
    const parsed = sendMailBody.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const code = issue.path.includes('toRecipients') ? 'ErrorInvalidRecipients' : 'RequestBodyRead';
      return graphError(400, code, `Invalid request body at ${issue.path.join('.')}: ${issue.message}`);
    }
    const { message, saveToSentItems } = parsed.data;
    this.messages.push({
      from: check.username,
      subject: message.subject,
      contentType: /^html$/i.test(message.body.contentType) ? 'HTML' : 'Text',
      content: message.body.content,
      to: message.toRecipients.map((r) => r.emailAddress.address),
      cc: (message.ccRecipients ?? []).map((r) => r.emailAddress.address),
      saveToSentItems: saveToSentItems ?? true,
      token,
    });
    // 202 Accepted, empty body: accepted for delivery, not delivered.
    return { status: 202, headers: { 'request-id': randomUUID() } };
  }

  private check(
    token: string,
  ): { ok: true; username: string; scopes: string[] } | { ok: false; reason: 'expired' | 'unknown' } {
    if (this.options.acceptedTokens?.includes(token))
      return { ok: true, username: 'me@contoso.example', scopes: ['Mail.Send'] };
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
