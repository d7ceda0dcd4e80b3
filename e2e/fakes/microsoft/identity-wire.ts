// Wire shapes of the Microsoft identity platform v2 endpoints, as the fake authority answers them:
// OAuth error bodies with AADSTS codes, the form_post page, id tokens and client_info.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FakeResponse } from '../fake-http-server';

export interface FakeMicrosoftUser {
  /** Object id in the tenant (the `oid` claim; `uid` in client_info). */
  oid: string;
  /** Tenant id (the `tid` claim; `utid` in client_info). */
  tid: string;
  name: string;
  /** The `preferred_username` claim: what the account picker and Baton's Settings show. */
  username: string;
}

export const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export const randomToken = (prefix: string) => `${prefix}.${randomBytes(32).toString('base64url')}`;

/** `client_info` is base64url JSON {uid, utid}; msal builds the home account id from it. */
export const clientInfo = (user: FakeMicrosoftUser) =>
  base64url(JSON.stringify({ uid: user.oid, utid: user.tid }));

/**
 * An id token with the v2 claims msal-node reads. msal-node does not verify id token signatures (the
 * token comes straight from the token endpoint over TLS, OIDC Core §3.1.3.7), so the signature here
 * is random bytes; the header still says RS256 like the real one.
 */
export function idToken(input: {
  issuer: string;
  clientId: string;
  user: FakeMicrosoftUser;
  nowSec: number;
  nonce?: string;
}): string {
  const header = { typ: 'JWT', alg: 'RS256', kid: 'baton-fake-key' };
  const claims = {
    aud: input.clientId,
    iss: input.issuer,
    iat: input.nowSec,
    nbf: input.nowSec,
    exp: input.nowSec + 3600,
    name: input.user.name,
    oid: input.user.oid,
    preferred_username: input.user.username,
    sub: base64url(createHash('sha256').update(`${input.user.oid}:${input.clientId}`).digest()),
    tid: input.user.tid,
    ver: '2.0',
    ...(input.nonce ? { nonce: input.nonce } : {}),
  };
  return [
    base64url(JSON.stringify(header)),
    base64url(JSON.stringify(claims)),
    base64url(randomBytes(64)),
  ].join('.');
}

/** The token endpoint's error body: `error`, an AADSTS description with trace/correlation ids, codes. */
export function oauthError(
  status: number,
  error: string,
  aadsts: number,
  description: string,
  extra: Record<string, unknown> = {},
): FakeResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    headers: { 'Cache-Control': 'no-store, no-cache' },
    body: {
      error,
      error_description: `AADSTS${aadsts}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
      ...extra,
    },
  };
}

/** What the user's browser shows when the authority cannot even redirect back (unknown app, bad redirect URI). */
export function errorPage(aadsts: number, message: string): FakeResponse {
  return {
    status: 400,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><h1>Sorry, but we're having trouble signing you in.</h1><p id="error">AADSTS${aadsts}: ${escapeHtml(message)}</p></body></html>`,
  };
}

/**
 * response_mode=form_post: an auto-submitting form that POSTs the response fields to the redirect URI
 * (the shape the real authority sends; msal-node 7's loopback listener only accepts this mode).
 */
export function formPostPage(redirectUri: string, fields: Record<string, string>): FakeResponse {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}" />`)
    .join('');
  return {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store, no-cache' },
    body: `<html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${escapeHtml(redirectUri)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" /></noscript></form><script language="javascript">document.forms[0].submit();</script></body></html>`,
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A loopback redirect URI as registered for a desktop app (`http://localhost`, any port, RFC 8252 §7.3). */
export function isLoopbackRedirect(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  return (
    url.protocol === 'http:' &&
    (url.hostname === 'localhost' || url.hostname === '127.0.0.1') &&
    (url.pathname === '/' || url.pathname === '') &&
    !url.search &&
    !url.hash
  );
}

/** /{tenant}/v2.0/.well-known/openid-configuration, trimmed to what clients read. */
export function openIdConfiguration(
  origin: string,
  tenant: string,
  tenantId: string,
): Record<string, unknown> {
  const base = `${origin}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    // Like the real document for organizations/common, the issuer keeps a {tenantid} placeholder.
    issuer: `${origin}/${tenant === tenantId ? tenantId : '{tenantid}'}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'oid',
    ],
    tenant_region_scope: null,
    cloud_instance_name: 'microsoftonline.com',
    msgraph_host: 'graph.microsoft.com',
  };
}
