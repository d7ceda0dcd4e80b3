// The team flow on a ConnectWise that does only what API-NOTES documents (issue 12): a technician and
// three seniors on separate data dirs, assigned tickets, two escalations in a row (the second after
// every cursor exists), claims, the picked-up notice, messages both ways, queues that drop a claimed
// handoff — each within one poll. Run against the fake's least convenient reading of everything
// unconfirmed, and again against its generous reading: the code must work either way.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectWiseFake, ConnectWiseFakeOptions } from '../../e2e/fakes/connectwise-fake';
import type { HandoffConfirmation, NotePostOutcome, SessionDetail } from '../../src-preload/contract';
import type { HandoffPage } from '../../src-preload/contract';
import type { Cleanups, Machine } from '../test-support/team-machines';
import { PEOPLE, TERRY_AS_OWNER, machine, sharedConnectWise } from '../test-support/team-machines';
import { until } from '../test-support/until';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const MODES: [string, ConnectWiseFakeOptions][] = [
  ['least convenient', {}],
  ['generous', { notesMoveTicket: true, noteTextConditions: 'allow', ownerIdentifierPath: 'allow' }],
];

/** The queue a senior sees (ids). */
const queue = async (m: Machine) => (await m.ok<HandoffPage>('handoffs:list', {})).items.map((h) => h.id);
const lastMessage = async (m: Machine, sessionId: string) =>
  (await m.ok<SessionDetail>('sessions:get', { id: sessionId })).messages.at(-1);

async function linkedSession(tech: Machine, ticket: number, problem: string) {
  const session = await tech.ok<SessionDetail>('sessions:create', {});
  await tech.ok('messages:add', { sessionId: session.id, body: problem });
  await tech.ok('sessions:link-ticket', { sessionId: session.id, ticketId: ticket });
  return session.id;
}

/** Waits until the technician's Baton has the escalation's note on the ticket (its post job is done). */
async function landed(cw: ConnectWiseFake, tech: Machine, ticket: number, handoffId: string) {
  await until(
    tech.core,
    () =>
      cw.notes(ticket).some((n) => n.text.includes(`"handoffId":"${handoffId}"`)) &&
      cw.ticket(ticket)!.status.id === 7,
    'the escalation note and the escalated status',
  );
}

describe.each(MODES)('team flow on assigned tickets (%s ConnectWise)', (_mode, options) => {
  it('two escalations in a row: every senior imports each in one poll, one claim wins each, the technician hears who, messages cross, losers drop it', async () => {
    const cw = await sharedConnectWise(cleanups, options);
    for (const id of [900, 901])
      cw.addTicket({
        id,
        summary: `Ticket ${id}`,
        status: { id: 5, name: 'In Progress' },
        owner: TERRY_AS_OWNER,
      });
    const tech = await machine(cleanups, cw, PEOPLE.terry);
    const seniors = [
      await machine(cleanups, cw, PEOPLE.sam),
      await machine(cleanups, cw, PEOPLE.jane),
      await machine(cleanups, cw, PEOPLE.ann),
    ];

    // 1. From the handoff form, on a ticket assigned to the technician.
    const first = await linkedSession(tech, 900, 'Payroll app crashes on start for everyone');
    const escalation = await tech.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: first,
      intent: 'escalate',
      reason: 'Needs SQL access to the payroll database',
      priority: 'urgent',
    });
    const one = escalation.handoff.id;
    await landed(cw, tech, 900, one);
    expect(cw.ticket(900)!.owner?.identifier).toBe('ttech');
    for (const s of seniors) {
      expect((await s.poll()).imported).toEqual([one]);
      expect(await queue(s)).toEqual([one]);
    }

    const replies = await Promise.all(seniors.map((s) => s.call('handoffs:claim', { id: one })));
    const winner = seniors[replies.findIndex((r) => r.ok)]!;
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    const member = Object.values(PEOPLE).find((p) => p.email === winner.me.email)!.member;
    expect(cw.ticket(900)).toMatchObject({ owner: { identifier: member }, status: { id: 8 } });
    for (const r of replies.filter((x) => !x.ok))
      expect(r.ok ? null : r.error).toMatchObject({
        code: 'ALREADY_CLAIMED',
        message: `Already claimed by ${winner.me.name}`,
      });

    // One poll each: the technician hears who; the losers' queues drop it.
    await tech.poll();
    expect(await lastMessage(tech, first)).toMatchObject({
      role: 'system',
      body: `${winner.me.name} picked up your escalation.`,
    });
    for (const s of seniors.filter((x) => x !== winner)) {
      await s.poll();
      expect(await queue(s)).toEqual([]);
    }

    // Two messages each way, carried as internal notes; one poll carries each pair over.
    const notesBefore = cw.notes(900).length;
    await tech.ok('messages:add', { sessionId: first, body: 'It started after Tuesday’s update' });
    await tech.ok('messages:add', { sessionId: first, body: 'Only the night shift is affected' });
    await until(tech.core, () => cw.notes(900).length === notesBefore + 2, 'the technician’s two notes');
    await winner.poll();
    const atSenior = (await winner.ok<SessionDetail>('sessions:get', { id: first })).messages;
    expect(atSenior.slice(-2).map((m) => [m.body, m.authorName])).toEqual([
      ['It started after Tuesday’s update', 'Terry Tech'],
      ['Only the night shift is affected', 'Terry Tech'],
    ]);
    await winner.ok('messages:add', { sessionId: first, body: 'Rolling the update back now' });
    await winner.ok('messages:add', { sessionId: first, body: 'Done: please retest' });
    await until(winner.core, () => cw.notes(900).length === notesBefore + 4, 'the senior’s two notes');
    await tech.poll();
    const atTech = (await tech.ok<SessionDetail>('sessions:get', { id: first })).messages;
    expect(atTech.slice(-2).map((m) => [m.body, m.authorName])).toEqual([
      ['Rolling the update back now', winner.me.name],
      ['Done: please retest', winner.me.name],
    ]);
    // Nothing twice: each side skips its own notes.
    expect(atTech.filter((m) => m.body === 'It started after Tuesday’s update')).toHaveLength(1);

    // 2. Every cursor exists now. "Confirm & post" of a reviewed package, on another assigned ticket.
    const second = await linkedSession(tech, 901, 'VPN drops every ten minutes');
    const posted = await tech.ok<NotePostOutcome>('notes:post', {
      sessionId: second,
      kind: 'escalate',
      markdown:
        '## Problem\nVPN drops every ten minutes.\n\n## Suggested next steps\n- Check the IKE lifetime',
      priority: 'high',
    });
    expect(posted).toMatchObject({ outcome: 'escalated', verifiedStatus: { id: 7 } });
    const two = (await tech.ok<SessionDetail>('sessions:get', { id: second })).status;
    expect(two).toBe('escalated');
    const [handoffTwo] = (await seniors[0]!.poll()).imported;
    expect(handoffTwo).toBeDefined();
    for (const s of seniors.slice(1)) expect((await s.poll()).imported).toEqual([handoffTwo]);
    const card = (await seniors[1]!.ok<HandoffPage>('handoffs:list', {})).items[0]!;
    expect(card).toMatchObject({ priority: 'high', handedOffByName: 'Terry Tech' });
    const briefing = await seniors[1]!.ok<SessionDetail>('sessions:get', { id: card.sessionId });
    expect(briefing.messages[0]!.body).toContain('Check the IKE lifetime');

    const jane = seniors[1]!;
    await jane.ok('handoffs:claim', { id: handoffTwo });
    await tech.poll();
    expect(await lastMessage(tech, second)).toMatchObject({ body: 'Jane Doe picked up your escalation.' });
    for (const s of [seniors[0]!, seniors[2]!]) {
      await s.poll();
      expect(await queue(s)).toEqual([]);
    }
    // Each ticket has one handoff note and one claim note.
    for (const ticket of [900, 901]) {
      expect(cw.notes(ticket).filter((n) => n.text.includes('[baton:handoff]'))).toHaveLength(1);
      expect(cw.notes(ticket).filter((n) => n.text.includes('[baton:claim]'))).toHaveLength(1);
    }
  });
});

describe('the queue follows ConnectWise', () => {
  it('a ticket moved out of the escalated status by hand leaves every queue at the next poll', async () => {
    const cw = await sharedConnectWise(cleanups);
    cw.addTicket({
      id: 930,
      summary: 'Scanner',
      status: { id: 5, name: 'In Progress' },
      owner: TERRY_AS_OWNER,
    });
    const tech = await machine(cleanups, cw, PEOPLE.terry);
    const sam = await machine(cleanups, cw, PEOPLE.sam);
    const sessionId = await linkedSession(tech, 930, 'Scanner jams');
    const c = await tech.ok<HandoffConfirmation>('handoffs:create', {
      sessionId,
      intent: 'escalate',
      reason: 'Needs a senior',
      priority: 'low',
    });
    await landed(cw, tech, 930, c.handoff.id);
    await sam.poll();
    expect(await queue(sam)).toEqual([c.handoff.id]);
    // A dispatcher moves the ticket back to In Progress in ConnectWise (no claim, no note).
    const ticket = cw.state.ticketRecord(930)!;
    cw.state.setStatus(ticket, 5);
    cw.state.touch(ticket);
    expect((await sam.poll()).closed).toEqual([c.handoff.id]);
    expect(await queue(sam)).toEqual([]);
  });
});

describe('following a ticket', () => {
  it('a quiet poll costs one request plus one per followed open ticket; a closed ticket is no longer followed', async () => {
    const cw = await sharedConnectWise(cleanups);
    const tech = await machine(cleanups, cw, PEOPLE.terry);
    const sessions: string[] = [];
    for (const id of [910, 911, 912]) {
      cw.addTicket({
        id,
        summary: `Ticket ${id}`,
        status: { id: 5, name: 'In Progress' },
        owner: TERRY_AS_OWNER,
      });
      const sessionId = await linkedSession(tech, id, `Problem on ticket ${id}`);
      const c = await tech.ok<HandoffConfirmation>('handoffs:create', {
        sessionId,
        intent: 'escalate',
        reason: 'Needs a senior',
        priority: 'medium',
      });
      await landed(cw, tech, id, c.handoff.id);
      sessions.push(sessionId);
    }
    await tech.poll();
    const before = cw.requests.length;
    // A technician's laptop discovers nothing (no senior works there): its own tickets only.
    expect(await tech.poll()).toEqual({ imported: [], closed: [], requests: 4 });
    const asked = cw.requests.slice(before).map((r) => `${r.path.replace(/^.*apis\/3\.0/, '')}`);
    expect(asked.sort()).toEqual([
      '/service/tickets',
      '/service/tickets/910/notes',
      '/service/tickets/911/notes',
      '/service/tickets/912/notes',
    ]);

    // Ticket 911 is closed in ConnectWise: read one last time, then no longer followed.
    const ticket = cw.state.ticketRecord(911)!;
    cw.state.setStatus(ticket, 10);
    cw.state.touch(ticket);
    await tech.poll();
    const after = cw.requests.length;
    expect((await tech.poll()).requests).toBe(3);
    expect(cw.requests.slice(after).some((r) => r.path.includes('/911/'))).toBe(false);
  });

  it('a senior with no ConnectWise member is told why the claim cannot go through and what to do', async () => {
    const cw = await sharedConnectWise(cleanups);
    cw.addTicket({
      id: 920,
      summary: 'Printer',
      status: { id: 5, name: 'In Progress' },
      owner: TERRY_AS_OWNER,
    });
    const tech = await machine(cleanups, cw, PEOPLE.terry);
    const sessionId = await linkedSession(tech, 920, 'Printer offline');
    const c = await tech.ok<HandoffConfirmation>('handoffs:create', {
      sessionId,
      intent: 'escalate',
      reason: 'Needs a senior',
      priority: 'low',
    });
    await landed(cw, tech, 920, c.handoff.id);
    const stranger = await machine(cleanups, cw, {
      name: 'Nia New',
      email: 'nia@msp.example',
      role: 'engineer',
    });
    await stranger.poll();
    const reply = await stranger.call('handoffs:claim', { id: c.handoff.id });
    expect(reply.ok ? null : reply.error.code).toBe('NOT_CONFIGURED');
    expect(reply.ok ? null : reply.error.message).toMatch(
      /no ConnectWise member has your email \(nia@msp\.example\).*Settings → ConnectWise → People/,
    );
    expect(cw.notes(920).filter((n) => n.text.includes('[baton:claim]'))).toHaveLength(0);
    // An admin maps Nia by hand; the claim goes through.
    const people = await stranger.ok<{ people: { userId: string; email: string; match: string }[] }>(
      'settings:connectwise-people',
    );
    expect(people.people.find((p) => p.email === 'nia@msp.example')?.match).toBe('none');
    const nia = stranger.me;
    const admin = people.people.find((p) => p.email.startsWith('admin.'))!;
    await stranger.ok('profile:switch', { id: admin.userId });
    await stranger.ok('settings:connectwise-map-member', { userId: nia.id, identifier: 'senior3' });
    await stranger.ok('profile:switch', { id: nia.id });
    await stranger.ok('handoffs:claim', { id: c.handoff.id });
    expect(cw.ticket(920)!.owner?.identifier).toBe('senior3');
  });
});
