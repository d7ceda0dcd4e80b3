// The Microsoft fakes hold clients to the real protocol: real TLS, PKCE S256, loopback redirect URIs,
// single-use codes, refresh refusal, bearer tokens it issued and Graph's sendMail body shape.
import { afterEach, expect, it } from 'vitest';
import { createHttpClient, NetworkError } from '../../../src-main/net/http';
import type { MicrosoftAuthorityFake } from './authority-fake';
import { startMicrosoftAuthorityFake } from './authority-fake';
import { parseAutoPostForm } from './fake-browser';
import { startMicrosoftGraphFake } from './graph-fake';
import { base64url, s256 } from './identity-wire';
import { trustInThisProcess } from './test-tls';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function trustedAuthority() {
  const authority = await startMicrosoftAuthorityFake();
  cleanups.push(() => authority.close(), trustInThisProcess(authority.certificate.cert));
  return authority;
}

function authorizeUrl(authority: MicrosoftAuthorityFake, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: authority.clientId,
    response_type: 'code',
    response_mode: 'form_post',
    redirect_uri: 'http://localhost:53123',
    scope: 'Mail.Send openid profile offline_access',
    state: 'state-1',
    client_info: '1',
    ...params,
  });
  return `${authority.authority()}/oauth2/v2.0/authorize?${query.toString()}`;
}

const tokenRequest = (authority: MicrosoftAuthorityFake, form: Record<string, string>) =>
  fetch(`${authority.authority()}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: authority.clientId, ...form }).toString(),
  });

it('serves real TLS: a client that does not trust the test certificate is refused', async () => {
  const authority = await startMicrosoftAuthorityFake();
  cleanups.push(() => authority.close());
  const err = await createHttpClient()
    .request({ url: `${authority.authority()}/v2.0/.well-known/openid-configuration`, carries: 'nothing' })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(NetworkError);
  expect(err).toMatchObject({ failure: 'tls' });
});

it('authorize: refuses an unknown app, a non-loopback redirect and a missing PKCE challenge; answers form_post', async () => {
  const authority = await trustedAuthority();
  const discovery = (await (
    await fetch(`${authority.authority()}/v2.0/.well-known/openid-configuration`)
  ).json()) as Record<string, string>;
  expect(discovery.authorization_endpoint).toBe(`${authority.authority()}/oauth2/v2.0/authorize`);
  expect(discovery.issuer).toBe(`${authority.url}/{tenantid}/v2.0`);

  const unknownApp = await fetch(
    authorizeUrl(authority, { client_id: '00000000-0000-0000-0000-000000000000' }),
  );
  expect([unknownApp.status, await unknownApp.text()]).toEqual([
    400,
    expect.stringContaining('AADSTS700016'),
  ]);
  const badRedirect = await fetch(authorizeUrl(authority, { redirect_uri: 'https://evil.example/' }));
  expect([badRedirect.status, await badRedirect.text()]).toEqual([
    400,
    expect.stringContaining('AADSTS50011'),
  ]);

  const noPkce = parseAutoPostForm(await (await fetch(authorizeUrl(authority, {}))).text())!;
  expect(noPkce.action).toBe('http://localhost:53123');
  expect(Object.fromEntries(noPkce.fields)).toMatchObject({ error: 'invalid_request', state: 'state-1' });

  const ok = parseAutoPostForm(
    await (
      await fetch(
        authorizeUrl(authority, { code_challenge: s256('v'.repeat(43)), code_challenge_method: 'S256' }),
      )
    ).text(),
  )!;
  expect([...ok.fields.keys()].sort()).toEqual(['client_info', 'code', 'session_state', 'state']);
  expect(JSON.parse(Buffer.from(ok.fields.get('client_info')!, 'base64url').toString())).toEqual({
    uid: authority.user.oid,
    utid: authority.user.tid,
  });
});

it('token: checks the code_verifier, uses a code once, issues and refreshes tokens, and can refuse refresh', async () => {
  const authority = await trustedAuthority();
  const verifier = base64url('a verifier with enough entropy for the test!');
  const codeFor = async () =>
    parseAutoPostForm(
      await (
        await fetch(
          authorizeUrl(authority, { code_challenge: s256(verifier), code_challenge_method: 'S256' }),
        )
      ).text(),
    )!.fields.get('code')!;
  const redeem = (code: string, codeVerifier: string) =>
    tokenRequest(authority, {
      grant_type: 'authorization_code',
      code,
      code_verifier: codeVerifier,
      redirect_uri: 'http://localhost:53123',
    });

  const code = await codeFor();
  const wrong = await redeem(code, base64url('someone else’s verifier'));
  expect(wrong.status).toBe(400);
  expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50148] });
  expect(await (await redeem(code, verifier)).json()).toMatchObject({
    error: 'invalid_grant',
    error_codes: [70008],
  });

  const tokens = (await (await redeem(await codeFor(), verifier)).json()) as Record<string, string | number>;
  expect(tokens).toMatchObject({ token_type: 'Bearer', scope: 'Mail.Send openid profile', expires_in: 3600 });
  const claims = JSON.parse(
    Buffer.from(String(tokens.id_token).split('.')[1]!, 'base64url').toString(),
  ) as object;
  expect(claims).toMatchObject({
    aud: authority.clientId,
    preferred_username: authority.user.username,
    ver: '2.0',
  });
  expect(authority.checkAccessToken(String(tokens.access_token))).toMatchObject({ ok: true });

  const refresh = (token: string) =>
    tokenRequest(authority, { grant_type: 'refresh_token', refresh_token: token });
  const renewed = (await (await refresh(String(tokens.refresh_token))).json()) as Record<string, string>;
  expect(renewed.access_token).not.toBe(tokens.access_token);
  authority.refuseRefresh('The refresh token was revoked.');
  const refused = await refresh(renewed.refresh_token!);
  expect(refused.status).toBe(400);
  const refusal = (await refused.json()) as { error: string; error_description: string };
  expect(refusal.error).toBe('invalid_grant');
  expect(refusal.error_description).toMatch(/^AADSTS700082: The refresh token was revoked\.\r\nTrace ID: /);
  expect(authority.grants).toEqual(['authorization_code', 'refresh_token']);
});

it('Graph: checks the bearer token and the sendMail body, records the message, answers 202 with no body', async () => {
  const graph = await startMicrosoftGraphFake({ acceptedTokens: ['good-token'] });
  cleanups.push(() => graph.close());
  const send = (body: unknown, token?: string) =>
    fetch(`${graph.baseUrl}/v1.0/me/sendMail`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const mail = {
    message: {
      subject: 'Hello',
      body: { contentType: 'Text', content: 'Hi' },
      toRecipients: [{ emailAddress: { address: 'sam@contoso.example' } }],
    },
  };
  expect(await (await send(mail)).json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  expect((await send(mail, 'stolen')).status).toBe(401);
  const noRecipients = await send({ message: { ...mail.message, toRecipients: [] } }, 'good-token');
  expect(noRecipients.status).toBe(400);
  expect(((await noRecipients.json()) as { error: { code: string } }).error.code).toBe(
    'ErrorInvalidRecipients',
  );
  const accepted = await send(mail, 'good-token');
  expect([accepted.status, await accepted.text()]).toEqual([202, '']);
  expect(graph.messages).toHaveLength(1);
  expect(graph.messages[0]).toMatchObject({
    subject: 'Hello',
    to: ['sam@contoso.example'],
    saveToSentItems: true,
  });

  graph.server.inject({ status: 429, retryAfter: 3 });
  const throttled = await send(mail, 'good-token');
  expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '3']);
  const throttle = (await throttled.json()) as { error: { code: string; innerError: { date: string } } };
  expect(throttle.error.code).toBe('ApplicationThrottled');
  expect(Date.parse(`${throttle.error.innerError.date}Z`)).not.toBeNaN();
});
