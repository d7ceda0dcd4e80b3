// Microsoft 365 sign-in end to end against the https authority fake: the real msal-node flow (PKCE,
// loopback form_post), the encrypted token cache, silent renewal, refusal, sign-out and settings.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, expect, it, vi } from 'vitest';
import { s256 } from '../../e2e/fakes/microsoft/identity-wire';
import type { User } from '../../src-preload/contract';
import { AppError } from '../errors';
import { NetworkError } from '../net/http';
import { putSetting } from '../store/repos/settings';
import { TOKEN_CACHE_KEY } from './encrypted-token-cache';
import { MICROSOFT_SETTING_KEYS, readStoredAccount } from './microsoft-settings';
import type { MicrosoftKit } from './microsoft-test-kit';
import { microsoftKit } from './microsoft-test-kit';
import { SIGN_IN_FAILED_PAGE, SIGNED_IN_PAGE } from './msal-errors';

const kits: MicrosoftKit[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const kit of kits.splice(0)) await kit.dispose();
});
async function kit(options?: Parameters<typeof microsoftKit>[0]) {
  const k = await microsoftKit(options);
  kits.push(k);
  return k;
}
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) => err,
  );
const audit = (k: MicrosoftKit) =>
  k.core.sqlite
    .prepare(
      "select action, entity_id as entityId from audit_log where action like 'settings.microsoft.%' order by id",
    )
    .all() as { action: string; entityId: string }[];

it('signs in interactively: PKCE S256 checked by the authority, the mailbox shown in Settings, audited', async () => {
  const k = await kit();
  expect(k.microsoft.account.view(k.admin)).toMatchObject({
    clientId: null,
    authority: 'https://login.microsoftonline.com/organizations',
    graphBaseUrl: 'https://graph.microsoft.com',
    connected: false,
    notConnectedReason: 'Microsoft 365 is not set up in Settings',
  });
  await k.configure();
  expect(k.microsoft.account.isConnected()).toBe(false);
  expect(k.microsoft.account.notConnectedReason()).toBe('Microsoft 365 is not connected');

  const view = await k.microsoft.account.signIn(k.admin);
  expect(view).toMatchObject({
    account: { username: 'avery@contoso.example', name: 'Avery Admin' },
    connected: true,
    notConnectedReason: null,
    canEdit: true,
  });
  expect(k.microsoft.account.isConnected()).toBe(true);
  // The user's browser went to the authority, then back to Baton's loopback listener with a form_post.
  expect(k.browser.visits.map((v) => [v.method, new URL(v.url).hostname])).toEqual([
    ['GET', '127.0.0.1'],
    ['POST', 'localhost'],
  ]);
  expect(k.browser.lastPage).toBe(SIGNED_IN_PAGE);
  const authorize = k.authority.server.requests.find((r) => r.path.endsWith('/authorize'))!;
  expect(authorize.query).toMatchObject({ response_mode: 'form_post', code_challenge_method: 'S256' });
  expect(authorize.query.scope!.split(' ')).toContain('Mail.Send');
  const token = new URLSearchParams(k.authority.server.requests.find((r) => r.path.endsWith('/token'))!.body);
  expect(s256(token.get('code_verifier')!)).toBe(authorize.query.code_challenge);
  expect(k.authority.grants).toEqual(['authorization_code']);
  expect(audit(k).map((a) => a.action)).toEqual([
    'settings.microsoft.update',
    'settings.microsoft.update',
    'settings.microsoft.update',
    'settings.microsoft.sign_in',
  ]);
});

it('keeps the token cache encrypted at rest; a restarted Baton gets its token silently from it', async () => {
  const k = await kit();
  await k.configure();
  await k.microsoft.account.signIn(k.admin);
  const token = await k.microsoft.account.accessToken();

  const sealed = readFileSync(k.microsoft.account.tokenCacheFile);
  expect(sealed.subarray(0, 4).toString()).toBe('BTC1');
  const raw = sealed.toString('latin1');
  for (const secret of [
    ...k.authority.issuedAccessTokens,
    ...k.authority.issuedRefreshTokens,
    'avery@contoso',
  ])
    expect(raw).not.toContain(secret);
  expect(JSON.stringify(k.core.sqlite.prepare('select * from settings').all())).not.toContain(token);
  expect(await k.vault.get(TOKEN_CACHE_KEY.service, TOKEN_CACHE_KEY.account)).toMatch(/^[A-Za-z0-9+/]{43}=$/);

  const restarted = k.build();
  expect(restarted.account.isConnected()).toBe(true);
  expect(await restarted.account.accessToken()).toBe(token);
  expect(k.authority.grants).toEqual(['authorization_code']); // no network round trip

  // A cache file that does not decrypt counts as signed out on this computer, with a message that says so.
  sealed[sealed.length - 1]! ^= 0xff;
  writeFileSync(k.microsoft.account.tokenCacheFile, sealed);
  const err = await rejection(k.build().account.accessToken());
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('NOT_CONFIGURED');
  expect((err as AppError).message).toMatch(
    /avery@contoso.example is missing on this computer: an admin needs to sign in again/,
  );
});

it('renews an expired access token silently with the refresh token', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const k = await kit({ accessTokenLifetimeSec: 3600 });
  await k.configure();
  await k.microsoft.account.signIn(k.admin);
  const first = await k.microsoft.account.accessToken();
  expect(await k.microsoft.account.accessToken()).toBe(first);

  vi.setSystemTime(Date.now() + 2 * 60 * 60_000);
  expect(k.authority.checkAccessToken(first)).toEqual({ ok: false, reason: 'expired' });
  const renewed = await k.microsoft.account.accessToken();
  expect(renewed).not.toBe(first);
  expect(k.authority.checkAccessToken(renewed)).toMatchObject({ ok: true });
  expect(k.authority.grants).toEqual(['authorization_code', 'refresh_token']);
  // The renewed tokens were written back: a restarted Baton uses them without asking again.
  expect(await k.build().account.accessToken()).toBe(renewed);
});

it('a refused refresh says an admin must sign in again, and email counts as not connected until they do', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const k = await kit();
  await k.configure();
  await k.microsoft.account.signIn(k.admin);
  k.authority.refuseRefresh();
  vi.setSystemTime(Date.now() + 2 * 60 * 60_000);

  const err = await rejection(k.microsoft.account.accessToken());
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({
    code: 'NOT_CONFIGURED',
    message:
      'Microsoft 365 refused to renew the sign-in for avery@contoso.example (AADSTS700082: The refresh token has expired due to inactivity.): an admin needs to sign in again in Settings',
  });
  expect(k.microsoft.account.isConnected()).toBe(false);
  expect(k.microsoft.account.view(k.admin)).toMatchObject({
    account: { username: 'avery@contoso.example' },
    connected: false,
    notConnectedReason:
      'Microsoft 365 sign-in for avery@contoso.example has expired: an admin needs to sign in again in Settings',
  });
  expect(audit(k).at(-1)).toMatchObject({ action: 'settings.microsoft.sign_in_expired' });

  k.authority.allowRefresh();
  await k.microsoft.account.signIn(k.admin);
  expect(k.microsoft.account.isConnected()).toBe(true);
  expect(k.authority.checkAccessToken(await k.microsoft.account.accessToken())).toMatchObject({ ok: true });
});

it('an unreachable authority is a NetworkError (the outbox waits for the connection)', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const k = await kit();
  await k.configure();
  await k.microsoft.account.signIn(k.admin);
  await k.authority.server.goDown();
  vi.setSystemTime(Date.now() + 2 * 60 * 60_000);
  expect(await rejection(k.microsoft.account.accessToken())).toBeInstanceOf(NetworkError);
  expect(k.microsoft.account.isConnected()).toBe(true);
});

it('signs out: the account leaves the token cache and Settings', async () => {
  const k = await kit();
  await k.configure();
  await k.microsoft.account.signIn(k.admin);
  const signedIn = readStoredAccount(k.core.db);
  expect(await k.microsoft.account.signOut(k.admin)).toMatchObject({
    account: null,
    connected: false,
    notConnectedReason: 'Microsoft 365 is not connected',
  });
  expect(await rejection(k.build().account.accessToken())).toMatchObject({
    code: 'NOT_CONFIGURED',
    message: 'Microsoft 365 is not connected: an admin signs in under Settings → Microsoft 365',
  });
  expect(audit(k).map((a) => a.action)).toContain('settings.microsoft.sign_out');
  // The token cache itself no longer holds the account: even with the old setting put back, there is no token.
  putSetting(k.core.db, MICROSOFT_SETTING_KEYS.account, signedIn, 0, null);
  const missing = (await rejection(k.build().account.accessToken())) as AppError;
  expect(missing.code).toBe('NOT_CONFIGURED');
  expect(missing.message).toMatch(/avery@contoso.example is missing on this computer/);
});

it('a declined, abandoned or timed-out sign-in fails with a clear message and leaves nothing half done', async () => {
  const k = await kit();
  await k.configure();
  k.authority.declineNextSignIn();
  expect(await rejection(k.microsoft.account.signIn(k.admin))).toMatchObject({
    code: 'NOT_CONFIGURED',
    message:
      'Microsoft 365 sign-in was cancelled or refused: AADSTS65004: User declined to consent to access the app.',
  });
  expect(k.browser.lastPage).toBe(SIGN_IN_FAILED_PAGE);

  // The browser was opened but the admin walked away: Cancel in Baton, then a timeout.
  const opened: string[] = [];
  const idle = k.build({
    openBrowser: (url) => Promise.resolve(void opened.push(url)),
    signInTimeoutMs: 300,
  });
  const stop = new AbortController();
  const cancelled = rejection(idle.account.signIn(k.admin, stop.signal));
  await vi.waitFor(() => expect(opened).toHaveLength(1));
  expect(() => idle.account.signIn(k.admin)).toThrow(
    'A Microsoft 365 sign-in is already open in your browser',
  );
  stop.abort(new Error('Cancelled by the admin'));
  expect(await cancelled).toMatchObject({ message: 'Cancelled by the admin' });
  expect(await rejection(idle.account.signIn(k.admin))).toMatchObject({
    code: 'NOT_CONFIGURED',
    message: 'Microsoft 365 sign-in was not finished within 1 seconds: try again',
  });
  expect(k.microsoft.account.isConnected()).toBe(false);
  // And a real sign-in still works afterwards (the loopback listeners were closed).
  await k.microsoft.account.signIn(k.admin);
  expect(k.microsoft.account.isConnected()).toBe(true);
});

it('settings: owners and admins only, validated with clear messages, one audit entry per change; a new app registration signs out', async () => {
  const k = await kit();
  const tech = await k.ok<User>('profile:add', {
    name: 'Terry Tech',
    email: 'terry@example.com',
    role: 'technician',
  });
  expect(k.microsoft.account.view(tech).canEdit).toBe(false);
  expect(await rejection(k.microsoft.account.save(tech, { clientId: k.authority.clientId }))).toMatchObject({
    code: 'FORBIDDEN',
  });
  expect(() => k.microsoft.account.signIn(tech)).toThrow(
    'Only an owner or admin can sign in to Microsoft 365',
  );

  const invalid = async (input: object) =>
    ((await rejection(k.microsoft.account.save(k.admin, input))) as AppError).message;
  expect(await invalid({ clientId: 'my-app' })).toMatch(/^The application \(client\) ID is a GUID/);
  expect(await invalid({ authority: 'http://login.microsoftonline.com/organizations' })).toBe(
    'The sign-in authority must start with https://',
  );
  expect(await invalid({ authority: 'https://login.microsoftonline.com' })).toMatch(/host and one tenant/);
  expect(await invalid({ graphBaseUrl: 'https://graph.microsoft.com/v1.0' })).toBe(
    'Enter only the Graph host, like https://graph.microsoft.com (Baton adds /v1.0/…)',
  );
  expect(await invalid({ graphBaseUrl: 'http://graph.example.com' })).toMatch(/must start with https:\/\//);
  expect(audit(k)).toEqual([]);

  await k.configure();
  await k.microsoft.account.save(k.admin, {
    graphBaseUrl: `${k.graph.baseUrl}/`,
    authority: `${k.authority.authority()}/`,
  });
  expect(audit(k).map((a) => a.entityId)).toEqual([
    'microsoft.clientId',
    'microsoft.authority',
    'microsoft.graphBaseUrl',
  ]);

  await k.microsoft.account.signIn(k.admin);
  const other = 'C0FFEE00-1234-4abc-8def-001122334455';
  expect(await k.microsoft.account.save(k.admin, { clientId: other })).toMatchObject({
    clientId: other.toLowerCase(),
    account: null,
    connected: false,
  });
  expect(audit(k).slice(-2)).toEqual([
    { action: 'settings.microsoft.update', entityId: 'microsoft.clientId' },
    { action: 'settings.microsoft.sign_out', entityId: 'microsoft.account' },
  ]);
});
