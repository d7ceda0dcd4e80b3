// Jobs of an ordered kind (messages to the other side of a team escalation) run one at a time per
// session, oldest first, even when the oldest fails and waits for its retry.
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import type { SessionDetail } from '../../src-preload/contract';
import { inTransaction } from '../store/database';
import { callers } from '../test-support/callers';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { NetworkError } from '../net/http';
import { defineJobKind } from './job-kinds';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

it('runs a session’s ordered jobs in order; another session’s go ahead meanwhile', async () => {
  const ran: string[] = [];
  let failFirst = true;
  const kind = defineJobKind({
    kind: 'test.ordered',
    service: 'test',
    inOrder: 'session',
    payload: z.object({ label: z.string() }),
    describe: () => 'ordered test job',
    run({ label }) {
      if (label === 'a1' && failFirst) {
        failFirst = false;
        return Promise.reject(new NetworkError('refused', 'connection refused', 'http://127.0.0.1:9/'));
      }
      ran.push(label);
      return Promise.resolve();
    },
  });
  const core = tempCore({
    jobKinds: [kind],
    worker: { backoff: { baseMs: 30, capMs: 60 }, probe: { minMs: 20, maxMs: 40 } },
  });
  cleanups.push(() => core.dispose());
  const { ok } = callers(core);
  await ok('profile:create', { name: 'Terry Tech', email: 't@x.example', role: 'owner' });
  const a = await ok<SessionDetail>('sessions:create', {});
  const b = await ok<SessionDetail>('sessions:create', {});
  inTransaction(core.db, () => {
    for (const [label, sessionId] of [
      ['a1', a.id],
      ['a2', a.id],
      ['b1', b.id],
      ['a3', a.id],
    ] as const)
      core.enqueue({ kind: 'test.ordered', payload: { label }, idempotencyKey: label, sessionId });
  });
  await until(core, () => ran.length === 4, 'every job', 10_000);
  expect(ran.filter((l) => l.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
  // b1 did not wait for session a's retry.
  expect(ran.indexOf('b1')).toBeLessThan(ran.indexOf('a1'));
});
