// Team escalations across machines (DESIGN §6): separate cores (each its own data dir, as on separate
// laptops) share one ConnectWise fake and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import type { Handoff, HandoffConfirmation, SessionDetail } from '../../src-preload/contract';
import type { HandoffPage } from '../../src-preload/contract';
import { createHttpClient } from '../net/http';
import { fakeConnection } from '../psa/connectwise/testing';
import { manualClock, tempCore, tempDir } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { TEAM_CURSOR_KEY } from './team-poller';
import type { Person } from '../test-support/team-machines';
import {
  PEOPLE,
  machine as teamMachine,
  sharedConnectWise as sharedTeamConnectWise,
} from '../test-support/team-machines';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const TICKET = 900;

async function sharedConnectWise(now?: () => Date) {
  const cw = await sharedTeamConnectWise(cleanups, now ? { now } : {});
  cw.addTicket({
    id: TICKET,
    summary: 'Payroll app crashes on start',
    status: { id: 5, name: 'In Progress' },
  });
  return cw;
}

const machine = (
  cw: ConnectWiseFake,
  person: Person | { name: string; email: string; role: string },
  dataDir?: string,
  clock?: ReturnType<typeof manualClock>,
) => teamMachine(cleanups, cw, person, { dataDir, clock });

async function technicianEscalates(cw: ConnectWiseFake) {
  const tech = await machine(cw, PEOPLE.terry);
  const session = await tech.ok<SessionDetail>('sessions:create', {});
  await tech.ok('messages:add', { sessionId: session.id, body: 'Payroll app crashes on start for everyone' });
  await tech.ok('sessions:link-ticket', { sessionId: session.id, ticketId: TICKET });
  const confirmation = await tech.ok<HandoffConfirmation>('handoffs:create', {
    sessionId: session.id,
    intent: 'escalate',
    reason: 'Needs SQL access to the payroll database',
    priority: 'urgent',
  });
  expect(confirmation.notifications[0]).toMatchObject({
    channel: 'connectwise',
    state: 'queued',
    reason: null,
  });
  await until(tech.core, () => cw.ticket(TICKET)!.status.id === 7, 'the ticket in the escalated status');
  return { tech, sessionId: session.id, handoffId: confirmation.handoff.id };
}

describe('team escalations through ConnectWise', () => {
  it('the package is an internal-analysis note with a trailer; seniors import it once, even after a restart', async () => {
    const cw = await sharedConnectWise();
    const { handoffId, tech: tech0 } = await technicianEscalates(cw);
    const [note] = cw.notes(TICKET);
    expect(note).toMatchObject({ internalAnalysisFlag: true, resolutionFlag: false });
    expect(note!.text).toContain('[baton:handoff] {"v":1,"handoffId":"' + handoffId);

    const clock = manualClock(Date.now());
    const sam = await machine(cw, PEOPLE.sam, undefined, clock);
    // Sam's own machine numbers its own tickets: the same number may exist here already.
    const own = await sam.ok<SessionDetail>('sessions:create', {});
    await sam.ok('messages:add', { sessionId: own.id, body: 'Local work' });
    const local = await sam.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: own.id,
      intent: 'park',
      reason: '',
      priority: 'low',
    });
    const first = await sam.core.services.team.poll();
    expect(first.imported).toEqual([handoffId]);
    const remoteNumber = (await tech0.ok<Handoff>('handoffs:get', { id: handoffId })).ticketNumber;
    expect(remoteNumber).toBe(local.ticketNumber);
    expect((await sam.ok<Handoff>('handoffs:get', { id: handoffId })).ticketNumber).toBe(remoteNumber);
    const queue = (await sam.ok<HandoffPage>('handoffs:list', {})).items;
    expect(queue).toMatchObject([
      {
        id: handoffId,
        priority: 'urgent',
        reason: 'Needs SQL access to the payroll database',
        handedOffByName: 'Terry Tech',
      },
    ]);
    const announced = (app: { events: { event: string; payload: unknown }[] }) =>
      app.events.filter((e) => e.event === 'handoff_created' && (e.payload as Handoff).id === handoffId);
    expect(announced(sam)).toHaveLength(1);
    await until(sam.core, () => sam.core.services.bell.list(sam.me).unread === 1, 'the bell');

    // Nothing new: once the change's second is surely over, one small request and nothing announced.
    clock.advance(3_000);
    await sam.core.services.team.poll();
    const again = await sam.core.services.team.poll();
    expect(again).toEqual({ imported: [], closed: [], requests: 1 });
    const cursor =
      sam.core.services.team &&
      sam.core.sqlite.prepare('select value from settings where key = ?').pluck().get(TEAM_CURSOR_KEY);
    await sam.close();
    const restarted = await machine(cw, PEOPLE.sam, sam.dataDir, clock);
    expect(
      restarted.core.sqlite.prepare('select value from settings where key = ?').pluck().get(TEAM_CURSOR_KEY),
    ).toBe(cursor);
    expect(await restarted.core.services.team.poll()).toEqual({ imported: [], closed: [], requests: 1 });
    expect(announced(restarted)).toHaveLength(0);
    expect(restarted.core.services.bell.list(restarted.me).items).toHaveLength(1);
  });

  it('3 seniors claim at once: exactly one owner in ConnectWise and one winner; the losers name the winner; the technician hears who', async () => {
    const cw = await sharedConnectWise();
    const { tech, sessionId, handoffId } = await technicianEscalates(cw);
    const seniors = [
      await machine(cw, PEOPLE.sam),
      await machine(cw, PEOPLE.jane),
      await machine(cw, PEOPLE.ann),
    ];
    for (const s of seniors) await s.core.services.team.poll();
    const replies = await Promise.all(seniors.map((s) => s.call('handoffs:claim', { id: handoffId })));
    const winners = replies.flatMap((r, i) => (r.ok ? [seniors[i]!] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    expect(cw.ticket(TICKET)!.owner?.identifier).toBe(
      Object.values(PEOPLE).find((p) => p.email === winner.me.email)!.member,
    );
    expect(cw.ticket(TICKET)!.status.id).toBe(8);
    for (const reply of replies.filter((r) => !r.ok))
      expect(reply.ok ? null : reply.error).toMatchObject({
        code: 'ALREADY_CLAIMED',
        message: `Already claimed by ${winner.me.name}`,
        details: { claimedByName: winner.me.name },
      });
    // Losers took their claim notes back; at their next poll the handoff leaves their queues.
    expect(cw.notes(TICKET).filter((n) => n.text.includes('[baton:claim]'))).toHaveLength(1);
    for (const s of seniors) {
      await s.core.services.team.poll();
      expect((await s.ok<HandoffPage>('handoffs:list', {})).items).toEqual([]);
    }

    await tech.core.services.team.poll();
    const detail = await tech.ok<SessionDetail>('sessions:get', { id: sessionId });
    expect(detail.messages.at(-1)).toMatchObject({
      role: 'system',
      body: `${winner.me.name} picked up your escalation.`,
    });
    expect(tech.events.some((e) => e.event === 'handoff_picked_up')).toBe(true);
    expect(tech.core.services.bell.list(tech.me).items[0]!.title).toBe(
      `${winner.me.name} picked up your escalation`,
    );

    // One message each way, carried as internal notes.
    await tech.ok('messages:add', { sessionId, body: 'The crash started after Tuesday’s update' });
    await until(
      tech.core,
      () => cw.notes(TICKET).some((n) => n.text.includes('Tuesday')),
      'the technician’s note',
    );
    await winner.core.services.team.poll();
    const seen = (await winner.ok<SessionDetail>('sessions:get', { id: sessionId })).messages;
    expect(seen.at(-1)).toMatchObject({
      body: 'The crash started after Tuesday’s update',
      authorName: 'Terry Tech',
    });
    await winner.ok('messages:add', { sessionId, body: 'Rolling the update back now' });
    await until(
      winner.core,
      () => cw.notes(TICKET).some((n) => n.text.includes('Rolling')),
      'the senior’s note',
    );
    await tech.core.services.team.poll();
    const back = (await tech.ok<SessionDetail>('sessions:get', { id: sessionId })).messages;
    expect(back.at(-1)).toMatchObject({ body: 'Rolling the update back now', authorName: winner.me.name });
  });

  it('10 simultaneous claims: one owner, one winner, nine told who won', async () => {
    const cw = await sharedConnectWise();
    const { handoffId } = await technicianEscalates(cw);
    const seniors = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        machine(cw, { name: `Senior ${i}`, email: `senior${i}@msp.example`, role: 'engineer' }),
      ),
    );
    for (const s of seniors) await s.core.services.team.poll();
    const replies = await Promise.all(seniors.map((s) => s.call('handoffs:claim', { id: handoffId })));
    const won = replies.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const winnerName = seniors[replies.findIndex((r) => r.ok)]!.me.name;
    expect(cw.ticket(TICKET)!.owner?.identifier).toBe(`senior${winnerName.split(' ')[1]}`);
    for (const r of replies.filter((x) => !x.ok))
      expect(r.ok ? null : r.error.message).toBe(`Already claimed by ${winnerName}`);
  });

  it('a claimer that crashed after its claim note blocks the ticket for at most two minutes', async () => {
    let now = Date.UTC(2026, 10, 28, 10, 0, 0);
    const cw = await sharedConnectWise(() => new Date(now));
    const { handoffId } = await technicianEscalates(cw);
    const sam = await machine(cw, PEOPLE.sam);
    await sam.core.services.team.poll();
    // Jane's Baton posted its claim note, then died before setting the owner.
    cw.addNote(TICKET, {
      text: `Jane Doe is taking this escalation over in Baton.\n\n[baton:claim] {"v":1,"handoffId":"${handoffId}","by":{"name":"Jane Doe","email":"jane@msp.example","member":"jdoe"}}`,
      internalAnalysisFlag: true,
    });
    now += 60_000;
    const early = await sam.call('handoffs:claim', { id: handoffId });
    expect(early.ok ? null : early.error.message).toBe('Already claimed by Jane Doe');

    // The rule: a claim note older than two minutes whose claimer never became the owner is stale.
    now += 2 * 60_000;
    const late = await sam.ok<Handoff>('handoffs:claim', { id: handoffId });
    expect(late.claimedByName).toBe('Sam Senior');
    expect(cw.ticket(TICKET)!.owner?.identifier).toBe('ssenior');
  });

  it('a senior hears of a new escalation within one poll interval', async () => {
    const cw = await sharedConnectWise();
    const dir = tempDir();
    const sam = tempCore({
      dataDir: dir.path,
      http: createHttpClient({ defaultTimeoutMs: 3_000 }),
      teamPollMs: 250,
    });
    cleanups.push(async () => {
      await sam.close();
      dir.remove();
    });
    const admin = sam.services.profiles.create({
      name: 'Sam Senior',
      email: PEOPLE.sam.email,
      role: 'owner',
    });
    await sam.services.connectwise.saveConnection(admin, fakeConnection(cw));
    await sam.services.connectwise.saveStatusMapping(admin, { boardId: 1, escalated: 7 });
    // Listening before the escalation: on a busy machine the import can beat the technician's own wait.
    const announced = new Map<string, number>();
    sam.events.onAny((event, payload) => {
      if (event === 'handoff_created') announced.set((payload as Handoff).id, Date.now());
    });
    const { handoffId } = await technicianEscalates(cw);
    const escalatedAt = Date.now(); // the technician saw the ticket escalated at the latest by now
    await until(sam, () => announced.has(handoffId), 'the escalation on the senior’s machine', 10_000);
    // One 250 ms interval, plus the poll's own requests and the import.
    expect(announced.get(handoffId)! - escalatedAt).toBeLessThan(250 + 1_000);
  });
});
