// Team escalations through ConnectWise (issue 7): what a quiet poll costs, importing 500 escalated
// tickets across pages, and the claim protocol's latency as a multiple of one round trip when every
// ConnectWise answer takes 50 ms.
import { startConnectWiseFake } from '../e2e/fakes/connectwise-fake';
import type { User } from '../src-preload/contract';
import { createCore } from '../src-main/core';
import { createHttpClient } from '../src-main/net/http';
import { fakeConnection } from '../src-main/psa/connectwise/testing';
import { handoffNote, memoryVault, tempDataDir } from './lib/team-fixture';
import { countRow, msRow, ratioRow, register } from './lib/registry';
import type { BenchContext } from './lib/registry';
import { msSince, nowNs } from './lib/stats';

const ESCALATED = 7;

/** A senior's core on its own data dir, ConnectWise set up; `http` counts requests and bytes. */
async function seniorMachine(cw: Awaited<ReturnType<typeof startConnectWiseFake>>) {
  const traffic = { requests: 0, bytes: 0 };
  const countingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const body = await res.arrayBuffer();
    traffic.requests++;
    traffic.bytes += body.byteLength;
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  const dir = tempDataDir();
  const core = createCore({
    dataDir: dir.path,
    migrationsDir: (await import('./lib/env')).migrationsDir,
    vault: memoryVault(),
    host: 'browser',
    version: 'bench',
    http: createHttpClient({ fetch: countingFetch, defaultTimeoutMs: 10_000 }),
    startWorker: false,
    log: () => undefined,
  });
  const admin: User = core.services.profiles.create({
    name: 'Sam Senior',
    email: 'sam@msp.example',
    role: 'owner',
  });
  await core.services.connectwise.saveConnection(admin, fakeConnection(cw));
  await core.services.connectwise.saveStatusMapping(admin, { boardId: 1, escalated: ESCALATED, claimed: 8 });
  return {
    core,
    admin,
    traffic,
    async dispose() {
      await core.close();
      dir.remove();
    },
  };
}

register('team.poll', async (ctx: BenchContext) => {
  const cw = await startConnectWiseFake({
    members: [
      { id: 12, identifier: 'ssenior', firstName: 'Sam', lastName: 'Senior', email: 'sam@msp.example' },
    ],
  });
  try {
    for (let i = 1; i <= 500; i++) {
      cw.addTicket({ id: i, summary: `Escalated ticket ${i}`, status: { id: ESCALATED, name: 'Escalated' } });
      cw.addNote(i, { text: handoffNote(i), internalAnalysisFlag: true });
    }
    const senior = await seniorMachine(cw);
    try {
      ctx.log('team: importing 500 escalated tickets');
      const started = nowNs();
      const first = await senior.core.services.team.poll();
      const importMs = msSince(started);
      if (first.imported.length !== 500) throw new Error(`imported ${first.imported.length} of 500`);
      const importRequests = senior.traffic.requests;

      // Quiet polls: settle the cursor, then measure one poll with nothing new.
      await new Promise((r) => setTimeout(r, 2_100));
      await senior.core.services.team.poll();
      senior.traffic.requests = 0;
      senior.traffic.bytes = 0;
      const quiet = await senior.core.services.team.poll();
      if (quiet.imported.length || quiet.closed.length) throw new Error('a quiet poll changed something');
      ctx.note(`import of 500 tickets: ${importRequests} requests (3 list pages + one note list per ticket)`);
      return [
        countRow('quiet poll: requests (nothing changed)', senior.traffic.requests, 1, 'requests'),
        countRow('quiet poll: bytes received', senior.traffic.bytes, 1_024, 'bytes'),
        msRow('import 500 escalated tickets (3 pages)', importMs, 10_000),
      ];
    } finally {
      await senior.dispose();
    }
  } finally {
    await cw.close();
  }
});

register('team.claim', async (ctx: BenchContext) => {
  const latencyMs = 50;
  const cw = await startConnectWiseFake({
    latencyMs,
    members: [
      { id: 12, identifier: 'ssenior', firstName: 'Sam', lastName: 'Senior', email: 'sam@msp.example' },
    ],
  });
  try {
    const runs = 5;
    for (let i = 1; i <= runs; i++) {
      cw.addTicket({ id: i, summary: `Escalated ticket ${i}`, status: { id: ESCALATED, name: 'Escalated' } });
      cw.addNote(i, { text: handoffNote(i), internalAnalysisFlag: true });
    }
    const senior = await seniorMachine(cw);
    try {
      const imported = (await senior.core.services.team.poll()).imported;
      // One round trip, as the client pays it (the same fake, the same latency).
      const client = await senior.core.services.connectwise.client();
      await client.getTicket(1);
      const rtt: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = nowNs();
        await client.getTicket(1);
        rtt.push(msSince(t));
      }
      const roundTrip = rtt.sort((a, b) => a - b)[2]!;
      // The member lookup happens once per person, then it is remembered.
      await client.findMemberByEmail('sam@msp.example');
      const claims: number[] = [];
      for (const id of imported) {
        const t = nowNs();
        await senior.core.services.handoffs.claim(senior.admin, id);
        claims.push(msSince(t));
      }
      const median = claims.sort((a, b) => a - b)[Math.floor(claims.length / 2)]!;
      ctx.note(
        `claim protocol: re-read, find-own-note + post claim note, read claim notes, PATCH owner+status, re-fetch: 7 round trips by design (first claim also looks up the member)`,
      );
      return [
        ratioRow(
          `claim latency (median of ${claims.length}, ${latencyMs} ms per answer)`,
          median,
          roundTrip,
          8,
          'one round trip',
        ),
      ];
    } finally {
      await senior.dispose();
    }
  } finally {
    await cw.close();
  }
});
