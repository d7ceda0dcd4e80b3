// Verified ticket changes and how ConnectWise failures reach the caller (AppError vs retryable).
import { afterEach, expect, it } from 'vitest';
import type { ConnectWiseFake } from '../../../e2e/fakes/connectwise-fake';
import { AppError } from '../../errors';
import { PermanentJobError } from '../../jobs/job-kinds';
import { HttpStatusError, NetworkError } from '../../net/http';
import { asJobError } from './errors';
import { startFakeWithClient } from './testing';
import { nextPage } from './transport';

let fake: ConnectWiseFake | undefined;
afterEach(async () => {
  expect(fake?.server.handlerErrors ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});
async function setup() {
  const started = await startFakeWithClient();
  fake = started.cw;
  return started;
}

it('changes the status and verifies it by reading the ticket back', async () => {
  const { cw, client } = await setup();
  const ticket = await client.changeStatusVerified(501, 9);
  expect(ticket).toMatchObject({ status: { id: 9, name: 'Resolved' }, closedFlag: true });
  const calls = cw.requests.filter((r) => r.path.endsWith('/service/tickets/501')).map((r) => r.method);
  expect(calls).toEqual(['PATCH', 'GET']);
  const patch = cw.requests.find((r) => r.method === 'PATCH')!;
  expect(JSON.parse(patch.body)).toEqual([{ op: 'replace', path: 'status/id', value: 9 }]);
});

it('sets the owner by id or identifier and reports whether it stuck', async () => {
  const { client } = await setup();
  const byIdentifier = await client.updateTicket(501, { ownerIdentifier: 'ASmith', statusId: 8 });
  expect(byIdentifier.verified).toBe(true);
  expect(byIdentifier.ticket).toMatchObject({ owner: { id: 7, identifier: 'asmith' }, status: { id: 8 } });
  expect((await client.updateTicket(501, { ownerId: 150 })).ticket.owner?.identifier).toBe('BatonAPI');
  await expect(client.updateTicket(501, {})).rejects.toMatchObject({ code: 'VALIDATION' });
  await expect(client.updateTicket(501, { ownerIdentifier: 'ghost' })).rejects.toMatchObject({
    code: 'PSA_FAILED',
    message: 'ConnectWise: ticket object is invalid (Member ghost not found)',
  });
});

it('a status change that does not stick (workflow rule) is PSA_STATUS_NOT_VERIFIED naming what CW shows', async () => {
  const { cw, client } = await setup();
  cw.statusWillNotStick(501);
  const plain = await client.updateTicket(501, { statusId: 9 });
  expect(plain.verified).toBe(false);
  expect(plain.patched.status.id).toBe(9); // the PATCH reply looked fine

  cw.statusWillNotStick(501);
  const err = await client.changeStatusVerified(501, 9).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({
    code: 'PSA_STATUS_NOT_VERIFIED',
    message: 'ConnectWise shows "In Progress" (id 5) instead of "Resolved" (id 9)',
    details: { ticketId: 501, expected: { id: 9, name: 'Resolved' }, actual: { id: 5, name: 'In Progress' } },
  });

  cw.addWorkflowRule({ ticketId: 501, then: { statusId: 10 } });
  await expect(client.changeStatusVerified(501, 9)).rejects.toMatchObject({
    code: 'PSA_STATUS_NOT_VERIFIED',
    message: 'ConnectWise shows "Closed" (id 10) instead of "Resolved" (id 9)',
  });
});

it('a status not on the ticket board is PSA_FAILED with CW’s message and field errors', async () => {
  const { client } = await setup();
  await expect(client.changeStatusVerified(501, 17)).rejects.toMatchObject({
    code: 'PSA_FAILED',
    message: 'ConnectWise: ticket object is invalid (Service Status 17 not found for Service Board 1)',
    details: {
      status: 400,
      code: 'InvalidObject',
      errors: [expect.objectContaining({ field: 'status/id', code: 'NotFound' })],
    },
  });
});

it('403 (security role) is PSA_FAILED with CW’s Security message', async () => {
  const { cw, client } = await setup();
  cw.forbid('POST', 'service/tickets/501/notes');
  await expect(client.postNote(501, { text: 'x', kind: 'internal' })).rejects.toMatchObject({
    code: 'PSA_FAILED',
    message: 'ConnectWise: You do not have security permission to perform this action.',
    details: { status: 403, code: 'Security' },
  });
});

it('429, 5xx and network failures are rethrown as they are, for the outbox to retry', async () => {
  const { cw, client } = await setup();
  cw.inject({ status: 429, retryAfter: 3, match: cw.match('GET', 'service/tickets/501') });
  const limited = await client.getTicket(501).catch((e: unknown) => e);
  expect(limited).toBeInstanceOf(HttpStatusError);
  expect(limited).toMatchObject({ status: 429, retryable: true, retryAfterMs: 3_000 });

  cw.inject({ status: 503, match: cw.match('PATCH', 'service/tickets/501') });
  await expect(client.changeStatusVerified(501, 9)).rejects.toMatchObject({ status: 503, retryable: true });

  await cw.goDown();
  await expect(client.getTicket(501)).rejects.toBeInstanceOf(NetworkError);
});

it('asJobError: CW refusals are permanent job errors; retryable ones pass through', async () => {
  const { cw, client } = await setup();
  cw.forbid('GET', 'service/tickets/501');
  const refused = await client.getTicket(501).catch((e: unknown) => e);
  const permanent = asJobError(refused);
  expect(permanent).toBeInstanceOf(PermanentJobError);
  expect((permanent as Error).cause).toBe(refused);
  const busy = new HttpStatusError(429, 'https://cw.example.com/x', '', 1_000);
  expect(asJobError(busy)).toBe(busy);
  const raw400 = new HttpStatusError(
    400,
    'https://cw.example.com/x',
    '{"code":"BadRequest","message":"no"}',
    null,
  );
  expect(asJobError(raw400)).toBeInstanceOf(PermanentJobError);
});

it('never follows a next-page link to another host or resource (the credentials go with it)', () => {
  const here = 'https://cw.example.com/v4_6_release/apis/3.0/service/tickets/1/notes?page=1';
  expect(
    nextPage(
      '<https://cw.example.com/v4_6_release/apis/3.0/service/tickets/1/notes?page=2>; rel="next"',
      here,
    ),
  ).toMatch(/page=2$/);
  expect(nextPage('<https://cw.example.com/x?page=2>; rel="last"', here)).toBeNull();
  expect(() =>
    nextPage(
      '<https://evil.example.com/v4_6_release/apis/3.0/service/tickets/1/notes?page=2>; rel="next"',
      here,
    ),
  ).toThrow(AppError);
});
