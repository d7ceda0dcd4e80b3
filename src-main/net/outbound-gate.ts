// The redaction gate at the transport seam (issue 14), a layer of its own under http.ts: every request
// declares what its body carries, and content is redacted here, after the caller built it and before a
// byte is sent. Credential exchanges (an OAuth token request, the sign-in redirect) declare so and pass
// untouched; credentials in headers (Authorization, x-api-key, clientId) are never touched at all.
import type { OutboundPath } from '../redaction/gate';
import { gateJson, gateLongText } from '../redaction/gate';

/** The outbound paths that are HTTP requests. */
export type HttpContentPath = Extract<OutboundPath, 'ai' | 'webhook' | 'email' | 'psa' | 'diagnostic'>;

/** Sign-in traffic whose body is credentials by design (codes, verifiers, refresh tokens). */
export type CredentialExchange = 'oauth' | 'sign-in-redirect';

/**
 * What a request's body carries, declared by every caller:
 * - `{ content: path }`: text people wrote or built from it (notes, chat, cards, email): redacted here;
 * - `{ credentials: exchange }`: a credential exchange with an identity provider: sent as is;
 * - `'nothing'`: no body at all (GET, DELETE); a body on such a request is refused.
 */
export type Carries = { content: HttpContentPath } | { credentials: CredentialExchange } | 'nothing';

const isJsonType = (type: string | null | undefined) => !!type && /\bjson\b/i.test(type);

function refuseBody(what: string): never {
  throw new TypeError(
    `A request that declares it carries nothing has a body (${what}); declare what it carries`,
  );
}

/** A JSON text's strings redacted; text that is not JSON (or not declared as JSON) redacted as a whole. */
async function gateBodyText(
  path: HttpContentPath,
  body: string,
  contentType: string | null,
): Promise<string> {
  if (isJsonType(contentType) || (contentType === null && /^\s*[[{]/.test(body))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return gateLongText(path, body);
    }
    return JSON.stringify(await gateJson(path, parsed));
  }
  return gateLongText(path, body);
}

/** The body of a request(): `json` redacted string by string, a text body as a whole. */
export async function gateRequestBody(
  carries: Carries,
  req: { json?: unknown; body?: string | undefined; contentType: string | null },
): Promise<{ json?: unknown; body?: string | undefined }> {
  if (carries === 'nothing') {
    if (req.json !== undefined || (req.body !== undefined && req.body !== '')) refuseBody('request');
    return {};
  }
  if ('credentials' in carries) return { json: req.json, body: req.body };
  if (req.json !== undefined) return { json: await gateJson(carries.content, req.json) };
  if (req.body === undefined) return {};
  return { body: await gateBodyText(carries.content, req.body, req.contentType) };
}

function headerOf(headers: RequestInit['headers'], name: string): string | null {
  if (!headers) return null;
  return new Headers(headers).get(name);
}

/**
 * A fetch's input and init with the body gated, for SDKs that call fetch themselves (the AI providers,
 * the Graph client). Bodies the gate cannot read without consuming them in a form it cannot rebuild
 * (streams, FormData, Blobs) are refused for content rather than sent unread.
 */
export async function gateFetch(
  carries: Carries,
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<[string | URL | Request, RequestInit | undefined]> {
  const request = input instanceof Request ? input : null;
  const hasBody = (init?.body !== undefined && init.body !== null) || (request?.body ?? null) !== null;
  if (carries === 'nothing') {
    if (hasBody) refuseBody(`fetch ${request ? request.url : (input as string | URL).toString()}`);
    return [input, init];
  }
  if (!hasBody || 'credentials' in carries) return [input, init];

  let text: string;
  let target: string | URL = request ? request.url : (input as string | URL);
  let merged: RequestInit = { ...init };
  if (init?.body !== undefined && init.body !== null) {
    text = bodyText(init.body);
  } else {
    // A Request carrying its own body: read it, and send its method, headers and signal with the new one.
    text = await request!.text();
    merged = {
      method: request!.method,
      headers: request!.headers,
      signal: request!.signal,
      ...init,
    };
    target = request!.url;
  }
  const type = headerOf(merged.headers, 'content-type') ?? request?.headers.get('content-type') ?? null;
  merged.body = await gateBodyText(carries.content, text, type);
  return [target, merged];
}

function bodyText(body: NonNullable<RequestInit['body']>): string {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  if (ArrayBuffer.isView(body))
    return new TextDecoder().decode(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  throw new TypeError(
    'A content request body must be text, bytes or URL parameters so the redaction gate can read it',
  );
}
