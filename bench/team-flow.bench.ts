// Team escalations on a ConnectWise that does only what API-NOTES documents (issue 12): what a
// technician's follow poll costs with five open escalations and nothing new, and how long the team waits
// — escalate → every senior told, claim → the technician told — with 50 ms per ConnectWise answer and
// a 5 s poll, as multiples of the interval.
import type { ConnectWiseFake } from '../e2e/fakes/connectwise-fake';
import { startConnectWiseFake } from '../e2e/fakes/connectwise-fake';
import type { HandoffConfirmation, SessionDetail, User } from '../src-preload/contract';
import { createCore } from '../src-main/core';
import { createHttpClient } from '../src-main/net/http';
import { fakeConnection } from '../src-main/psa/connectwise/testing';
import { migrationsDir } from './lib/env';
import { countRow, ratioRow, register } from './lib/registry';
import type { BenchContext, Row } from './lib/registry';
import { memoryVault, tempDataDir } from './lib/team-fixture';

const INTERVAL_MS = 5_000;
const PEOPLE = {
  terry: { id: 21, identifier: 'ttech', firstName: 'Terry', lastName: 'Tech', email: 'terry@msp.example' },
  sam: { id: 22, identifier: 'ssenior', firstName: 'Sam', lastName: 'Senior', email: 'sam@msp.example' },
};
const TERRY = { id: 21, identifier: 'ttech', name: 'Terry Tech' };

/** A laptop: its own data dir, ConnectWise set up by its owner, then `person` working on it. */
async function laptop(
  cw: ConnectWiseFake,
  person: { name: string; email: string; role: 'technician' | 'engineer' },
  options: { pollMs?: number } = {},
) {
  const traffic = { requests: 0, bytes: 0 };
  const countingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const body = await res.arrayBuffer();
    traffic.requests++;
    traffic.bytes += body.byteLength;
    return new Response(res.status === 204 ? null : body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
  const dir = tempDataDir();
  const core = createCore({
    dataDir: dir.path,
    migrationsDir,
    vault: memoryVault(),
    host: 'browser',
    version: 'bench',
    http: createHttpClient({ fetch: countingFetch, defaultTimeoutMs: 10_000 }),
    teamPoll: options.pollMs !== undefined,
    teamPollMs: options.pollMs,
    worker: { backoff: { baseMs: 50, capMs: 200 } },
    log: () => undefined,
  });
  const owner: User = core.services.profiles.create({
    name: `${person.name}'s admin`,
    email: `admin.${person.email}`,
    role: 'owner',
  });
  await core.services.connectwise.saveConnection(owner, fakeConnection(cw));
  await core.services.connectwise.saveStatusMapping(owner, { boardId: 1, escalated: 7, claimed: 8 });
  const me = core.services.profiles.add(owner, person);
  core.services.profiles.switchTo(me.id);
  const ok = async <T>(channel: string, input?: unknown): Promise<T> => {
    const reply = await core.dispatch(channel, input);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.value as T;
  };
  return {
    core,
    me,
    ok,
    traffic,
    async dispose() {
      await core.close();
      dir.remove();
    },
  };
}
type Laptop = Awaited<ReturnType<typeof laptop>>;

/** Escalates a session linked to `ticket`; resolves once its note and status are on the ticket. */
async function escalate(
  cw: ConnectWiseFake,
  tech: Laptop,
  ticket: number,
): Promise<{ handoffId: string; at: number }> {
  const session = await tech.ok<SessionDetail>('sessions:create', {});
  await tech.ok('messages:add', { sessionId: session.id, body: `Problem on ticket ${ticket}` });
  await tech.ok('sessions:link-ticket', { sessionId: session.id, ticketId: ticket });
  const confirmation = await tech.ok<HandoffConfirmation>('handoffs:create', {
    sessionId: session.id,
    intent: 'escalate',
    reason: 'Needs a senior',
    priority: 'high',
  });
  const at = performance.now();
  const handoffId = confirmation.handoff.id;
  await waitFor(
    () => cw.notes(ticket).some((n) => n.text.includes(handoffId)) && cw.ticket(ticket)!.status.id === 7,
    30_000,
  );
  return { handoffId, at };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The worst of the runs, as a multiple of the poll interval. */
const intervalRow = (name: string, ms: number[], target: number): Row =>
  ratioRow(`${name}, worst of ${ms.length}`, Math.max(...ms), INTERVAL_MS, target, 'the poll interval');

register('team.follow', async (ctx: BenchContext) => {
  const cw = await startConnectWiseFake({ members: [PEOPLE.terry, PEOPLE.sam] });
  const tech = await laptop(cw, { name: 'Terry Tech', email: PEOPLE.terry.email, role: 'technician' });
  try {
    for (let ticket = 1; ticket <= 5; ticket++) {
      cw.addTicket({
        id: ticket,
        summary: `Ticket ${ticket}`,
        status: { id: 5, name: 'In Progress' },
        owner: TERRY,
      });
      await escalate(cw, tech, ticket);
    }
    ctx.log('team.follow: 5 escalations on assigned tickets; settling the cursor');
    await tech.core.services.team.poll();
    await new Promise((r) => setTimeout(r, 2_100));
    await tech.core.services.team.poll();
    tech.traffic.requests = 0;
    tech.traffic.bytes = 0;
    const quiet = await tech.core.services.team.poll();
    if (quiet.imported.length || quiet.closed.length) throw new Error('a quiet poll changed something');
    ctx.note(
      'follow poll: one ticket query (changes to followed tickets) plus one note list per followed open ticket',
    );
    return [
      countRow('follow poll, 5 open escalations: requests', tech.traffic.requests, 6, 'requests'),
      countRow('follow poll, 5 open escalations: bytes received', tech.traffic.bytes, 1_024, 'bytes'),
    ];
  } finally {
    await tech.dispose();
    await cw.close();
  }
});

register('team.latency', async (ctx: BenchContext) => {
  const cw = await startConnectWiseFake({ latencyMs: 50, members: [PEOPLE.terry, PEOPLE.sam] });
  const tech = await laptop(
    cw,
    { name: 'Terry Tech', email: PEOPLE.terry.email, role: 'technician' },
    {
      pollMs: INTERVAL_MS,
    },
  );
  const senior = await laptop(
    cw,
    { name: 'Sam Senior', email: PEOPLE.sam.email, role: 'engineer' },
    {
      pollMs: INTERVAL_MS,
    },
  );
  const announced = new Map<string, number>();
  const pickedUp = new Map<string, number>();
  senior.core.events.onAny((event, payload) => {
    if (event === 'handoff_created') announced.set((payload as { id: string }).id, performance.now());
  });
  tech.core.events.onAny((event, payload) => {
    if (event === 'handoff_picked_up')
      pickedUp.set((payload as { handoffId: string }).handoffId, performance.now());
  });
  try {
    const told: number[] = [];
    const heard: number[] = [];
    for (let ticket = 1; ticket <= 3; ticket++) {
      ctx.log(`team.latency: escalation ${ticket} of 3`);
      cw.addTicket({
        id: ticket,
        summary: `Ticket ${ticket}`,
        status: { id: 5, name: 'In Progress' },
        owner: TERRY,
      });
      const { handoffId, at } = await escalate(cw, tech, ticket);
      await waitFor(() => announced.has(handoffId), 4 * INTERVAL_MS);
      told.push(announced.get(handoffId)! - at);
      await senior.ok('handoffs:claim', { id: handoffId });
      const claimed = performance.now();
      await waitFor(() => pickedUp.has(handoffId), 4 * INTERVAL_MS);
      heard.push(pickedUp.get(handoffId)! - claimed);
    }
    return [
      intervalRow('escalate → senior notified (50 ms per CW answer)', told, 1.25),
      intervalRow('claim → technician notified (50 ms per CW answer)', heard, 1.25),
    ];
  } finally {
    await tech.dispose();
    await senior.dispose();
    await cw.close();
  }
});
