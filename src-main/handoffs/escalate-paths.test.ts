// One escalate path (issue 12): the handoff form, "Confirm & post" of an escalation package and
// "Reopen and escalate…" of a resolved session all create the same handoff — snapshot, support ticket,
// jobs — and on a linked ticket the same note with the team trailer. No path escalates without one.
import { afterEach, describe, expect, it } from 'vitest';
import type { NotePostOutcome, SessionDetail, User } from '../../src-preload/contract';
import type { ConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import { startConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import { createHttpClient } from '../net/http';
import { fakeConnection } from '../psa/connectwise/testing';
import { callers } from '../test-support/callers';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const PACKAGE = '## Problem\nVPN drops.\n\n## Suggested next steps\n- Check the IKE lifetime\n';
const RESOLUTION = '## Problem\nVPN drops.\n\n## Resolution\nRaised the IKE lifetime.\n';

type Path = 'handoff form' | 'confirm & post' | 'reopen and escalate';
const PATHS: Path[] = ['handoff form', 'confirm & post', 'reopen and escalate'];

async function setup(cw: ConnectWiseFake | null) {
  const core = tempCore({ http: createHttpClient({ defaultTimeoutMs: 2_000 }), postWaitMs: 5_000 });
  cleanups.push(() => core.dispose());
  const { ok, call } = callers(core);
  const me = await ok<User>('profile:create', { name: 'Terry Tech', email: 't@msp.example', role: 'owner' });
  if (cw) {
    await ok('settings:connectwise-save', fakeConnection(cw));
    await ok('settings:connectwise-save-mapping', { boardId: 1, escalated: 7, resolved: 9 });
  }
  return { core, ok, call, me };
}

async function escalateBy(t: Awaited<ReturnType<typeof setup>>, path: Path, ticket: number | null) {
  const session = await t.ok<SessionDetail>('sessions:create', {});
  await t.ok('messages:add', { sessionId: session.id, body: 'VPN drops every ten minutes' });
  if (ticket !== null) await t.ok('sessions:link-ticket', { sessionId: session.id, ticketId: ticket });
  if (path === 'handoff form')
    await t.ok('handoffs:create', {
      sessionId: session.id,
      intent: 'escalate',
      reason: 'VPN drops',
      priority: 'high',
    });
  else {
    if (path === 'reopen and escalate')
      await t.ok('notes:post', { sessionId: session.id, kind: 'resolve', markdown: RESOLUTION });
    await t.ok<NotePostOutcome>('notes:post', {
      sessionId: session.id,
      kind: 'escalate',
      markdown: PACKAGE,
      priority: 'high',
    });
  }
  return session.id;
}

describe('every escalate action creates the same handoff', () => {
  it.each(PATHS)('%s, no ticket linked: handoff, snapshot, support ticket and its jobs', async (path) => {
    const t = await setup(null);
    const sessionId = await escalateBy(t, path, null);
    const handoffs = t.core.sqlite
      .prepare('select id, intent, priority, snapshot from handoffs where session_id = ?')
      .all(sessionId) as { id: string; intent: string; priority: string; snapshot: string }[];
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({ intent: 'escalate', priority: 'high' });
    expect(JSON.parse(handoffs[0]!.snapshot)).toMatchObject({ stepCount: 0, factCount: 0 });
    const ticketNumber = t.core.sqlite
      .prepare('select ticket_number from support_tickets where handoff_id = ?')
      .pluck()
      .get(handoffs[0]!.id);
    expect(ticketNumber).toMatch(/^BTN-\d{8}-\d{4}$/);
    const kinds = t.core.sqlite
      .prepare('select kind from jobs where session_id = ? order by id')
      .pluck()
      .all(sessionId) as string[];
    expect(kinds).toEqual(expect.arrayContaining(['handoff.enrich', 'notify.in_app']));
    expect((await t.ok<SessionDetail>('sessions:get', { id: sessionId })).status).toBe('escalated');
  });

  it.each(PATHS)('%s, on a linked ticket: the same note with the team trailer', async (path) => {
    const cw = await startConnectWiseFake();
    cleanups.push(() => cw.close());
    cw.addTicket({
      id: 77,
      summary: 'VPN',
      status: { id: 5, name: 'In Progress' },
      owner: { id: 150, identifier: 'BatonAPI', name: 'Baton API' },
    });
    const t = await setup(cw);
    const sessionId = await escalateBy(t, path, 77);
    const handoffId = t.core.sqlite
      .prepare('select id from handoffs where session_id = ?')
      .pluck()
      .get(sessionId) as string;
    await until(
      t.core,
      () => cw.notes(77).some((n) => n.text.includes(`[baton:handoff] {"v":1,"handoffId":"${handoffId}"`)),
      'the escalation note with its trailer',
    );
    const note = cw.notes(77).find((n) => n.text.includes('[baton:handoff]'))!;
    expect(note).toMatchObject({ internalAnalysisFlag: true, resolutionFlag: false });
    if (path !== 'handoff form') expect(note.text).toContain('Check the IKE lifetime');
    await until(t.core, () => cw.ticket(77)!.status.id === 7, 'the escalated status');
  });
});
