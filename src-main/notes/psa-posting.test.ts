// Posting to ConnectWise (DESIGN §3, Posting) against the loopback fake: the cases of the system this
// replaces, the retry that never duplicates a note, offline queueing and a permanent failure.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import { startConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import type { BellNotification, NotePostOutcome, SessionDetail, User } from '../../src-preload/contract';
import { createHttpClient } from '../net/http';
import { fakeConnection } from '../psa/connectwise/testing';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { callers } from '../test-support/callers';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const RESOLUTION =
  '## Problem\nPrinter offline after the firmware update.\n\n## Resolution\nRolled back the firmware.\n';
const PACKAGE = "## Problem\nPrinter offline.\n\n## What we've tried\n- Power cycle\n";

async function linkedSession(options: { mapStatuses?: boolean; postWaitMs?: number } = {}) {
  const cw: ConnectWiseFake = await startConnectWiseFake();
  cw.addTicket({ id: 501, summary: 'Printer offline', status: { id: 5, name: 'In Progress' } });
  const core = tempCore({
    http: createHttpClient({ defaultTimeoutMs: 1_500 }),
    worker: { backoff: { baseMs: 30, capMs: 120 }, probe: { minMs: 40, maxMs: 120 } },
    postWaitMs: options.postWaitMs ?? 5_000,
  });
  cleanups.push(
    () => cw.close(),
    async () => {
      await core.services.vault.delete('connectwise', 'publicKey').catch(() => undefined);
      await core.services.vault.delete('connectwise', 'privateKey').catch(() => undefined);
      await core.dispose();
    },
  );
  const { call, ok } = callers(core);
  const me = await ok<User>('profile:create', { name: 'Avery Admin', email: 'a@x.example', role: 'owner' });
  await ok('settings:connectwise-save', fakeConnection(cw));
  if (options.mapStatuses !== false)
    await ok('settings:connectwise-save-mapping', { boardId: 1, resolved: 9, escalated: 7 });
  const session = await ok<SessionDetail>('sessions:create', {});
  await ok('messages:add', { sessionId: session.id, body: 'Printer offline after the firmware update' });
  const ticket = await ok<{ summary: string; status: string }>('sessions:link-ticket', {
    sessionId: session.id,
    ticketId: 501,
  });
  expect(ticket).toMatchObject({ summary: 'Printer offline', status: 'In Progress' });
  const detail = () => core.services.sessions.get(session.id);
  return { cw, core, call, ok, me, sessionId: session.id, detail };
}

describe('posting to a linked ConnectWise ticket', () => {
  it('resolve: a customer-visible resolution note, the status changed and verified by a re-fetch', async () => {
    const t = await linkedSession();
    const outcome = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(outcome).toMatchObject({
      outcome: 'resolved',
      verifiedStatus: { id: 9, name: 'Resolved' },
      statusTransitionSkippedReason: null,
    });
    const [note] = t.cw.notes(501);
    expect(note).toMatchObject({
      id: outcome.externalNoteId,
      resolutionFlag: true,
      internalAnalysisFlag: false,
    });
    expect(t.cw.ticket(501)!.status.id).toBe(9);
    expect(t.detail()).toMatchObject({ status: 'resolved', pendingPost: null });
  });

  it('escalate (also from resolved): an internal-analysis note and the escalated status', async () => {
    const t = await linkedSession();
    await t.ok('notes:post', { sessionId: t.sessionId, kind: 'resolve', markdown: RESOLUTION });
    const outcome = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'escalate',
      markdown: PACKAGE,
    });
    expect(outcome).toMatchObject({ outcome: 'escalated', verifiedStatus: { id: 7, name: 'Escalated' } });
    const notes = t.cw.notes(501);
    expect(notes.map((n) => [n.resolutionFlag, n.internalAnalysisFlag])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(t.detail().status).toBe('escalated');
  });

  it('no status mapped: the note is posted, the status left alone, and the reply says why', async () => {
    const t = await linkedSession({ mapStatuses: false });
    const outcome = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(outcome).toMatchObject({
      outcome: 'resolved',
      verifiedStatus: null,
      statusTransitionSkippedReason: 'no resolved status is set in Settings → ConnectWise',
    });
    expect(t.cw.ticket(501)!.status.id).toBe(5);
    expect(t.detail().status).toBe('resolved');
  });

  it('a status that does not stick: the note is on the ticket, only the status is retried; one note whatever is clicked', async () => {
    const t = await linkedSession();
    t.cw.statusWillNotStick(501, 2);
    const reply = await t.call('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(reply.ok ? null : reply.error).toMatchObject({
      code: 'PSA_STATUS_NOT_VERIFIED',
      message: 'The note is on ticket #501; ConnectWise kept the status In Progress.',
    });
    expect(t.detail()).toMatchObject({
      status: 'active',
      pendingPost: { state: 'failed', noteOnTicket: true },
    });
    const bell = t.core.services.bell.list(t.me);
    expect(bell.items.map((n: BellNotification) => n.title)).toContain(
      'Not posted to ConnectWise: Printer offline after the firmware update',
    );
    // The technician clicks "Confirm & post" again (with the text edited): it continues the same post,
    // whose note is on the ticket already, so only the status change is tried again.
    const again = await t.call('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: `${RESOLUTION}\nEdited after the failure.`,
    });
    expect(again.ok ? null : again.error.code).toBe('PSA_STATUS_NOT_VERIFIED');
    // This time the status sticks.
    const retried = await t.ok<NotePostOutcome>('notes:retry-post', { id: t.sessionId });
    expect(retried.outcome).toBe('resolved');
    expect(t.cw.notes(501)).toHaveLength(1);
    expect(t.cw.notes(501)[0]!.text).toBe(RESOLUTION.trim());
    expect(t.detail()).toMatchObject({ status: 'resolved', pendingPost: null });
  });

  it('403 on the status change: one note on the ticket, whatever the technician clicks next', async () => {
    const t = await linkedSession();
    const forbidden = t.cw.forbid('PATCH', 'service/tickets/501', 2);
    const reply = await t.call('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(reply.ok ? null : reply.error.message).toMatch(
      /^The note is on ticket #501; the status change failed \(ConnectWise: You do not have security permission/,
    );
    expect(
      await t.call('notes:post', { sessionId: t.sessionId, kind: 'resolve', markdown: RESOLUTION }),
    ).toMatchObject({
      ok: false,
    });
    expect(forbidden.remaining).toBe(0);
    expect((await t.ok<NotePostOutcome>('notes:retry-post', { id: t.sessionId })).outcome).toBe('resolved');
    expect(t.cw.notes(501)).toHaveLength(1);
  });

  it('a second "Confirm & post" continues the post on its way (with the newest text while none went out)', async () => {
    const t = await linkedSession();
    await t.ok('connection:set-work-offline', { workOffline: true });
    const first = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(first.outcome).toBe('queued');
    const edited = `${RESOLUTION}\nAlso cleared the print queue.`;
    const second = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: edited,
    });
    expect(second.outcome).toBe('queued');
    const escalating = await t.call('notes:post', {
      sessionId: t.sessionId,
      kind: 'escalate',
      markdown: PACKAGE,
    });
    expect(escalating.ok ? null : escalating.error).toMatchObject({
      code: 'CONFLICT',
      message: 'A resolution note is already on its way to ConnectWise',
    });
    await t.ok('connection:set-work-offline', { workOffline: false });
    await until(t.core, () => t.detail().status === 'resolved', 'the queued post to land');
    expect(t.cw.notes(501).map((n) => n.text)).toEqual([edited.trim()]);
    const third = await t.call('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(third.ok ? null : third.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Session is already resolved',
    });
    expect(t.cw.notes(501)).toHaveLength(1);
  });

  it('ConnectWise down: "queued" at once, not after the wait; posted once it is back', async () => {
    // A wait far beyond the test's own timeout: answering only after it would fail the test.
    const t = await linkedSession({ postWaitMs: 600_000 });
    await t.cw.goDown();
    const first = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(first.outcome).toBe('queued');
    await t.cw.comeBack();
    await until(t.core, () => t.detail().status === 'resolved', 'the queued post to land');
    expect(t.cw.notes(501)).toHaveLength(1);
  });

  it('offline: queued, "posting when online", the status flips only after post and verification', async () => {
    const t = await linkedSession();
    await t.ok('connection:set-work-offline', { workOffline: true });
    const queued = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(queued.outcome).toBe('queued');
    expect(t.detail()).toMatchObject({
      status: 'active',
      pendingPost: { kind: 'resolve', state: 'waiting' },
    });
    expect(t.cw.notes(501)).toHaveLength(0);

    await t.ok('connection:set-work-offline', { workOffline: false });
    await until(t.core, () => t.detail().status === 'resolved', 'the post once back online');
    expect(t.cw.ticket(501)!.status.id).toBe(9);
    expect(t.detail().pendingPost).toBeNull();
  });

  it('a retried post never duplicates the note: the first POST landed but its answer was lost', async () => {
    const t = await linkedSession();
    // ConnectWise stores the note, then the connection drops before the reply arrives.
    t.cw.inject({ match: t.cw.match('POST', /\/notes$/), kind: 'drop', afterApply: true });
    const outcome = await t.ok<NotePostOutcome>('notes:post', {
      sessionId: t.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
    });
    expect(outcome.outcome).toBe('queued');
    await until(
      t.core,
      () => t.detail().status === 'resolved',
      'the retry to find the note and verify the status',
    );
    // Exactly what the technician approved: no reference line, no footer.
    expect(t.cw.notes(501).map((n) => n.text)).toEqual([RESOLUTION.trim()]);
    const posted = t.cw.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/notes'));
    expect(posted).toHaveLength(1);
    expect(JSON.parse(posted[0]!.body)).toMatchObject({ resolutionFlag: true, processNotifications: true });
  });

  it('closing Baton while a post is on its way never throws: the call answers, the note waits in the queue', async () => {
    const t = await linkedSession({ postWaitMs: 600_000 });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      // ConnectWise takes its time with the note: Baton is closed meanwhile.
      t.cw.inject({ match: t.cw.match('POST', /\/notes$/), delayMs: 1_000 });
      const since = t.cw.requests.length;
      const reply = t.call('notes:post', { sessionId: t.sessionId, kind: 'resolve', markdown: RESOLUTION });
      await t.cw.waitForRequest(t.cw.match('POST', /\/notes$/), 5_000, { since });
      await t.core.close();
      const answer = await reply;
      expect(answer.ok ? answer.value : answer.error).toMatchObject(
        answer.ok ? { outcome: 'queued' } : { code: 'OFFLINE' },
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
