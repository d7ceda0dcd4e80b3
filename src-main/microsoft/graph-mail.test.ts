// Graph mail (a draft, then send) through our middleware chain against the Graph fake, with tokens
// from the real msal sign-in against the authority fake.
import { afterEach, expect, it } from 'vitest';
import { graphError } from '../../e2e/fakes/microsoft/graph-fake';
import { systemClock } from '../clock';
import { PermanentJobError } from '../jobs/job-kinds';
import { HttpStatusError, NetworkError } from '../net/http';
import { createGraphMail } from './graph-mail';
import type { MicrosoftKit } from './microsoft-test-kit';
import { microsoftKit } from './microsoft-test-kit';

const kits: MicrosoftKit[] = [];
afterEach(async () => {
  for (const kit of kits.splice(0)) await kit.dispose();
});
async function signedIn() {
  const k = await microsoftKit();
  kits.push(k);
  await k.configure();
  await k.microsoft.account.signIn(k.admin);
  return k;
}
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) => err,
  );
/** A first try: no draft yet; remembers the one created. */
function firstTry() {
  const progress = {
    draftId: null as string | null,
    draftCreated: (id: string) => void (progress.draftId = id),
  };
  return progress;
}
const message = {
  subject: 'New escalation: VPN drops every 10 minutes',
  text: 'Reason: tunnel renegotiation\nPriority: high',
  to: [{ address: 'sam@contoso.example', name: 'Sam Senior' }, { address: 'olive@contoso.example' }],
};

it('creates a draft with an immutable id, then sends it, with the signed-in bearer token (also to a plain-http Graph)', async () => {
  const k = await signedIn();
  const progress = firstTry();
  expect(await k.microsoft.mail.send(message, progress)).toBe('sent');
  const [create, send] = k.graph.server.requests;
  expect(create).toMatchObject({ method: 'POST', path: '/v1.0/me/messages', status: 201 });
  expect(create!.headers.prefer).toBe('IdType="ImmutableId"');
  expect(create!.headers.authorization).toBe(`Bearer ${k.authority.issuedAccessTokens[0]}`);
  expect(create!.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(create!.body)).toEqual({
    subject: message.subject,
    body: { contentType: 'Text', content: message.text },
    toRecipients: [
      { emailAddress: { address: 'sam@contoso.example', name: 'Sam Senior' } },
      { emailAddress: { address: 'olive@contoso.example' } },
    ],
  });
  expect(progress.draftId).toMatch(/^AAMk/);
  expect(send).toMatchObject({
    method: 'POST',
    path: `/v1.0/me/messages/${encodeURIComponent(progress.draftId!)}/send`,
    status: 202,
  });
  expect(k.graph.messages).toEqual([
    expect.objectContaining({
      from: 'avery@contoso.example',
      subject: message.subject,
      to: ['sam@contoso.example', 'olive@contoso.example'],
    }),
  ]);
});

it('exactly once: when the reply to the send is lost after Graph accepted it, the retry reads the draft and does not send again', async () => {
  const k = await signedIn();
  k.graph.server.inject({ kind: 'drop', afterApply: true, match: { method: 'POST', path: /\/send$/ } });
  const progress = firstTry();
  const lost = await rejection(k.microsoft.mail.send(message, progress));
  expect(lost).toBeInstanceOf(NetworkError); // to Baton this looks like a failure…
  expect(k.graph.messages).toHaveLength(1); // …but Graph had accepted it
  expect(progress.draftId).not.toBeNull();

  expect(await k.microsoft.mail.send(message, progress)).toBe('already sent');
  expect(k.graph.messages).toHaveLength(1);
  expect(k.graph.server.requests.at(-1)).toMatchObject({
    method: 'GET',
    path: `/v1.0/me/messages/${encodeURIComponent(progress.draftId!)}`,
    status: 200,
  });
  expect([...k.graph.mailbox.values()].map((m) => m.deliveries)).toEqual([1]);

  // A retry whose draft was created but never sent (the send itself failed) sends it now, once.
  k.graph.server.inject({ status: 503, match: { method: 'POST', path: /\/send$/ } });
  const second = firstTry();
  expect(await rejection(k.microsoft.mail.send(message, second))).toMatchObject({ status: 503 });
  expect(await k.microsoft.mail.send(message, second)).toBe('sent');
  expect(k.graph.messages).toHaveLength(2);
  expect([...k.graph.mailbox.values()].map((m) => m.deliveries)).toEqual([1, 1]);
});

it('a draft that is gone from the mailbox is not sent again (it may have been sent): permanent, with what to check', async () => {
  const k = await signedIn();
  const progress = firstTry();
  await k.microsoft.mail.send(message, progress);
  k.graph.mailbox.clear();
  const err = await rejection(k.microsoft.mail.send(message, progress));
  expect(err).toBeInstanceOf(PermanentJobError);
  expect((err as Error).message).toMatch(/not sent again, so nobody gets it twice/);
  expect(k.graph.messages).toHaveLength(1);
});

it('429 and 503 are retryable errors carrying Retry-After; the outbox, not Graph, retries', async () => {
  const k = await signedIn();
  k.graph.server.inject({ status: 429, retryAfter: 7 });
  const throttled = await rejection(k.microsoft.mail.send(message, firstTry()));
  expect(throttled).toBeInstanceOf(HttpStatusError);
  expect(throttled).toMatchObject({ status: 429, retryable: true, retryAfterMs: 7_000 });
  expect((throttled as Error).message).toMatch(/MailboxConcurrency/);

  k.graph.server.inject({ status: 503, retryAfter: new Date(Date.now() + 30_000) });
  const unavailable = await rejection(k.microsoft.mail.send(message, firstTry()));
  expect(unavailable).toMatchObject({ status: 503, retryable: true });
  expect((unavailable as HttpStatusError).retryAfterMs).toBeGreaterThan(25_000);
  expect(k.graph.server.requests).toHaveLength(2); // one request each: no built-in RetryHandler
  expect(k.graph.messages).toEqual([]);
});

it("a 400 is permanent, with Graph's own error message", async () => {
  const k = await signedIn();
  k.graph.server.inject({
    status: 400,
    body: graphError(400, 'ErrorInvalidRecipients', "Recipient 'sam@contoso.example' isn't resolved.").body,
  });
  const err = await rejection(k.microsoft.mail.send(message, firstTry()));
  expect(err).toBeInstanceOf(PermanentJobError);
  expect((err as Error).message).toBe(
    "Microsoft Graph refused the email (HTTP 400 ErrorInvalidRecipients): Recipient 'sam@contoso.example' isn't resolved.",
  );
});

it('a 401 gets one fresh token and one more try; a second 401 is permanent', async () => {
  const k = await signedIn();
  await k.microsoft.account.accessToken();
  // Graph stops accepting the tokens msal still holds as valid (revoked, clock skew).
  k.authority.expireAccessTokens();
  await k.microsoft.mail.send(message, firstTry());
  expect(k.graph.server.requests.map((r) => r.status)).toEqual([401, 201, 202]);
  expect(k.authority.grants).toEqual(['authorization_code', 'refresh_token']);
  expect(k.graph.messages[0]!.token).toBe(k.authority.issuedAccessTokens[1]);

  k.graph.server.inject({ status: 401, times: 2 });
  const err = await rejection(k.microsoft.mail.send(message, firstTry()));
  expect(err).toBeInstanceOf(PermanentJobError);
  expect((err as Error).message).toBe(
    "Microsoft 365 refused Baton's sign-in (Lifetime validation failed, the token is expired.): an admin needs to sign in again in Settings",
  );
});

it('an unreachable or silent Graph is a NetworkError (offline), not a failure of the email', async () => {
  const k = await signedIn();
  k.graph.server.inject({ kind: 'timeout' });
  const impatient = createGraphMail({
    http: k.http,
    clock: systemClock,
    graphBaseUrl: k.microsoft.account.graphBaseUrl,
    accessToken: k.microsoft.account.accessToken,
    timeoutMs: 200,
  });
  const timedOut = await rejection(impatient.send(message, firstTry()));
  expect(timedOut).toBeInstanceOf(NetworkError);
  expect(timedOut).toMatchObject({ failure: 'timeout' });

  await k.graph.server.goDown();
  const down = await rejection(k.microsoft.mail.send(message, firstTry()));
  expect(down).toBeInstanceOf(NetworkError);
  expect(down).toMatchObject({ failure: 'refused' });
});

it('without a sign-in it says so instead of calling Graph', async () => {
  const k = await signedIn();
  await k.microsoft.account.signOut(k.admin);
  expect(await rejection(k.microsoft.mail.send(message, firstTry()))).toMatchObject({
    code: 'NOT_CONFIGURED',
    message: 'Microsoft 365 is not connected: an admin signs in under Settings → Microsoft 365',
  });
  expect(k.graph.server.requests).toHaveLength(0);
});
