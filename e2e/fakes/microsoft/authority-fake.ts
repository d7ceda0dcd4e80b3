// A Microsoft identity platform (v2) sign-in authority on loopback https, speaking enough of the wire
// format for msal-node's PublicClientApplication: OpenID discovery, /authorize (auth code + PKCE S256,
// answered as form_post to a loopback redirect URI) and /token (authorization_code with the
// code_verifier checked, refresh_token). It keeps the tokens it issued so the Graph fake can check a
// bearer token against them. Start with startMicrosoftAuthorityFake(); trust its certificate with
// trustInThisProcess(fake.certificate.cert) (see test-tls.ts).
import { randomUUID } from 'node:crypto';
import type { FakeHttpServer, FakeResponse, RecordedRequest } from '../fake-http-server';
import { startFakeServer } from '../fake-http-server';
import type { FakeMicrosoftUser } from './identity-wire';
import {
  clientInfo,
  errorPage,
  formPostPage,
  idToken,
  isLoopbackRedirect,
  oauthError,
  openIdConfiguration,
  randomToken,
  s256,
} from './identity-wire';
import type { TestCertificate, TlsFront } from './test-tls';
import { createTestCertificate, startTlsFront } from './test-tls';

export type { FakeMicrosoftUser } from './identity-wire';

export const DEFAULT_MICROSOFT_CLIENT_ID = 'b7a4c9e2-5d13-4f8a-9e61-2c0d8f3a7b15';
export const DEFAULT_MICROSOFT_USER: FakeMicrosoftUser = {
  oid: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  tid: '9188040d-6c67-4c5b-b112-36a304b66dad',
  name: 'Avery Admin',
  username: 'avery@contoso.example',
};

export interface AuthorityFakeOptions {
  clientId?: string;
  user?: FakeMicrosoftUser;
  /** expires_in of issued access tokens, in seconds (default 3600). */
  accessTokenLifetimeSec?: number;
  /** Clock for expiry (default Date.now, so vi.setSystemTime moves it together with msal's). */
  now?: () => number;
  certificate?: TestCertificate;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  nonce: string | undefined;
  expiresAt: number;
}
interface Grant {
  clientId: string;
  scopes: string[];
}
export type AccessTokenCheck =
  { ok: true; user: FakeMicrosoftUser; scopes: string[] } | { ok: false; reason: 'expired' | 'unknown' };

export class MicrosoftAuthorityFake {
  private readonly codes = new Map<string, PendingCode>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, Grant & { expiresAt: number }>();
  private refusal: string | null = null;
  private declining = false;
  /** grant_type of every token request that got tokens, in order. */
  readonly grants: string[] = [];
  readonly clientId: string;
  readonly user: FakeMicrosoftUser;

  constructor(
    readonly server: FakeHttpServer,
    private readonly front: TlsFront,
    readonly certificate: TestCertificate,
    private readonly options: AuthorityFakeOptions,
  ) {
    this.clientId = options.clientId ?? DEFAULT_MICROSOFT_CLIENT_ID;
    this.user = options.user ?? DEFAULT_MICROSOFT_USER;
  }

  /** https://127.0.0.1:PORT */
  get url(): string {
    return `https://127.0.0.1:${this.front.port}`;
  }
  /** What an admin types as the sign-in authority, e.g. https://127.0.0.1:PORT/organizations. */
  authority(tenant = 'organizations'): string {
    return `${this.url}/${tenant}`;
  }
  get issuedAccessTokens(): string[] {
    return [...this.accessTokens.keys()];
  }
  get issuedRefreshTokens(): string[] {
    return [...this.refreshTokens.keys()];
  }

  /** Refresh grants fail with invalid_grant (revoked or expired refresh token) until allowRefresh(). */
  refuseRefresh(description = 'The refresh token has expired due to inactivity.'): void {
    this.refusal = description;
  }
  allowRefresh(): void {
    this.refusal = null;
  }
  /** The user clicks "Cancel" on the consent page of the next sign-in. */
  declineNextSignIn(): void {
    this.declining = true;
  }
  /** Every access token issued so far stops working (the Graph fake answers 401), as after expiry. */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = 0;
  }
  checkAccessToken(token: string): AccessTokenCheck {
    const issued = this.accessTokens.get(token);
    if (!issued) return { ok: false, reason: 'unknown' };
    if (issued.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, user: this.user, scopes: issued.scopes };
  }

  close(): Promise<void> {
    return Promise.all([this.front.close(), this.server.close()]).then(() => undefined);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  handle(request: RecordedRequest): FakeResponse {
    const match =
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/(?:authorize|token)|discovery\/v2\.0\/keys)$/.exec(
        request.path,
      );
    if (!match) return { status: 404, body: { error: 'not_found', error_description: request.path } };
    const [, tenant, endpoint] = match as unknown as [string, string, string];
    if (!['organizations', 'common', this.user.tid].includes(tenant))
      return oauthError(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
    if (endpoint.endsWith('openid-configuration') && request.method === 'GET')
      return { status: 200, body: openIdConfiguration(this.url, tenant, this.user.tid) };
    if (endpoint.endsWith('keys')) return { status: 200, body: { keys: [] } };
    if (endpoint.endsWith('authorize') && request.method === 'GET') return this.authorize(request.query);
    if (endpoint.endsWith('token') && request.method === 'POST') return this.token(request);
    return {
      status: 405,
      body: { error: 'invalid_request', error_description: `${request.method} not allowed` },
    };
  }

  private authorize(query: Readonly<Record<string, string>>): FakeResponse {
    // Without a known app and a registered redirect URI the authority cannot answer the app at all.
    if (query.client_id !== this.clientId)
      return errorPage(
        700016,
        `Application with identifier '${query.client_id ?? ''}' was not found in the directory.`,
      );
    const redirectUri = query.redirect_uri ?? '';
    if (!isLoopbackRedirect(redirectUri))
      return errorPage(
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application.`,
      );
    if (query.response_mode !== 'form_post')
      return errorPage(900144, 'This authority answers desktop apps only with response_mode=form_post.');
    const reply = (fields: Record<string, string>) =>
      formPostPage(redirectUri, { ...fields, ...(query.state ? { state: query.state } : {}) });
    const refuse = (error: string, aadsts: number, description: string) =>
      reply({ error, error_description: `AADSTS${aadsts}: ${description}` });
    if (query.response_type !== 'code')
      return refuse('unsupported_response_type', 700054, 'response_type must be code.');
    if (!query.code_challenge || query.code_challenge_method !== 'S256')
      return refuse('invalid_request', 9002325, 'Proof Key for Code Exchange (S256) is required.');
    if (this.declining) {
      this.declining = false;
      return refuse('access_denied', 65004, 'User declined to consent to access the app.');
    }
    const code = randomToken('fake-code');
    this.codes.set(code, {
      clientId: this.clientId,
      redirectUri,
      challenge: query.code_challenge,
      scopes: (query.scope ?? '').split(' ').filter(Boolean),
      nonce: query.nonce,
      expiresAt: this.now() + 10 * 60_000,
    });
    return reply({
      code,
      ...(query.client_info === '1' ? { client_info: clientInfo(this.user) } : {}),
      session_state: randomUUID(),
    });
  }

  private token(request: RecordedRequest): FakeResponse {
    const form = new URLSearchParams(request.body);
    const grantType = form.get('grant_type');
    if (form.get('client_id') !== this.clientId)
      return oauthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory.`,
      );
    if (grantType === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? ''); // single use, whatever happens next
      if (!code || code.expiresAt <= this.now())
        return oauthError(
          400,
          'invalid_grant',
          70008,
          'The provided authorization code has expired or was already redeemed.',
        );
      if (form.get('redirect_uri') !== code.redirectUri)
        return oauthError(
          400,
          'invalid_grant',
          50011,
          'The redirect URI does not match the one used to get the code.',
        );
      const verifier = form.get('code_verifier');
      if (!verifier || s256(verifier) !== code.challenge)
        return oauthError(
          400,
          'invalid_grant',
          50148,
          'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
        );
      return this.issue(grantType, code.scopes, code.nonce);
    }
    if (grantType === 'refresh_token') {
      const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || this.refusal)
        return oauthError(400, 'invalid_grant', 700082, this.refusal ?? 'Invalid refresh token.');
      const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
      return this.issue(grantType, requested.length ? requested : grant.scopes, undefined);
    }
    return oauthError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType ?? ''}'.`,
    );
  }

  private issue(grantType: string, requested: string[], nonce: string | undefined): FakeResponse {
    const scopes = requested.filter((s) => s !== 'offline_access');
    const lifetime = this.options.accessTokenLifetimeSec ?? 3600;
    const accessToken = randomToken('fake-graph-access-token');
    const refreshToken = randomToken('fake-refresh-token');
    this.accessTokens.set(accessToken, {
      clientId: this.clientId,
      scopes,
      expiresAt: this.now() + lifetime * 1000,
    });
    this.refreshTokens.set(refreshToken, { clientId: this.clientId, scopes });
    this.grants.push(grantType);
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store, no-cache' },
      body: {
        token_type: 'Bearer',
        scope: scopes.join(' '),
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: accessToken,
        refresh_token: refreshToken,
        ...(scopes.includes('openid')
          ? {
              id_token: idToken({
                issuer: `${this.url}/${this.user.tid}/v2.0`,
                clientId: this.clientId,
                user: this.user,
                nowSec: Math.floor(this.now() / 1000),
                nonce,
              }),
            }
          : {}),
        client_info: clientInfo(this.user),
      },
    };
  }
}

export async function startMicrosoftAuthorityFake(
  options: AuthorityFakeOptions = {},
): Promise<MicrosoftAuthorityFake> {
  const certificate = options.certificate ?? (await createTestCertificate());
  const server = await startFakeServer((request) => fake.handle(request), {
    name: 'microsoft-authority',
    faultBody: (status) => oauthError(status, 'temporarily_unavailable', 50196, 'The server is busy.').body,
  });
  const front = await startTlsFront(server.port, certificate);
  const fake = new MicrosoftAuthorityFake(server, front, certificate, options);
  return fake;
}
