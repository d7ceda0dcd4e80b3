import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fact, Hypothesis, SessionDetail, Step } from '../../src-preload/contract';
import { tempCore } from '../test-support/temp-core';
import { callers } from '../test-support/callers';

describe('steps, facts and hypotheses by hand', () => {
  let core: ReturnType<typeof tempCore>;
  let sessionId: string;
  const ok = <T>(channel: string, input?: unknown) => callers(core).ok<T>(channel, input);
  const version = async () => (await ok<SessionDetail>('sessions:get', { id: sessionId })).stateVersion;

  beforeEach(async () => {
    core = tempCore();
    await ok('profile:create', { name: 'Jane Doe', email: 'jane@example.com' });
    sessionId = (await ok<SessionDetail>('sessions:create', {})).id;
  });
  afterEach(async () => {
    await core.dispose();
  });

  it('an add sent again under the same id is stored once (a retry after a lost answer)', async () => {
    const factId = crypto.randomUUID();
    const fact = await ok<Fact>('facts:add', { sessionId, id: factId, text: 'Only this PC' });
    const v1 = await version();
    expect(await ok<Fact>('facts:add', { sessionId, id: factId, text: 'Only this PC' })).toEqual(fact);
    const stepId = crypto.randomUUID();
    const step = await ok<Step>('steps:add', { sessionId, id: stepId, text: 'Clear the cache' });
    expect(await ok<Step>('steps:add', { sessionId, id: stepId, text: 'Clear the cache' })).toEqual(step);
    const branchId = crypto.randomUUID();
    const branch = await ok<Hypothesis>('hypotheses:add', { sessionId, id: branchId, label: 'DNS' });
    expect(await ok<Hypothesis>('hypotheses:add', { sessionId, id: branchId, label: 'DNS' })).toEqual(branch);
    const detail = await ok<SessionDetail>('sessions:get', { id: sessionId });
    expect([detail.facts.length, detail.steps.length, detail.hypotheses.length]).toEqual([1, 1, 1]);
    expect([fact.id, step.id, branch.id]).toEqual([factId, stepId, branchId]);
    expect(detail.stateVersion).toBe(v1 + 2);
    const other = (await ok<SessionDetail>('sessions:create', {})).id;
    expect(await core.dispatch('facts:add', { sessionId: other, id: factId, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('every change bumps state_version and lands in the audit log', async () => {
    const v0 = await version();
    const step = await ok<Step>('steps:add', {
      sessionId,
      text: 'Check the spooler',
      options: ['Running', 'Stopped'],
    });
    expect(step).toMatchObject({
      seq: 1,
      source: 'technician',
      options: ['Running', 'Stopped'],
      selectedOption: null,
    });
    await ok('steps:update', {
      id: step.id,
      selectedOption: 'Stopped',
      freeText: 'Stopped after every reboot',
    });
    const fact = await ok<Fact>('facts:add', { sessionId, text: 'Only floor 3 is affected' });
    await ok('facts:update', { id: fact.id, text: 'Only the floor 3 printers are affected' });
    await ok('facts:remove', { id: fact.id });
    expect(await version()).toBe(v0 + 5);
    const detail = await ok<SessionDetail>('sessions:get', { id: sessionId });
    expect(detail.steps[0]).toMatchObject({
      selectedOption: 'Stopped',
      freeText: 'Stopped after every reboot',
    });
    expect(detail.facts).toEqual([]);
    const actions = core.sqlite
      .prepare("select action from audit_log where entity_type in ('step','fact') order by rowid")
      .pluck()
      .all();
    expect(actions).toEqual(['step.add', 'step.update', 'fact.add', 'fact.update', 'fact.remove']);
  });

  it('refuses an answer the step does not offer, and empty text, with field messages', async () => {
    const step = await ok<Step>('steps:add', {
      sessionId,
      text: 'Ping the gateway',
      options: ['Replies', 'Times out'],
    });
    expect(await core.dispatch('steps:update', { id: step.id, selectedOption: 'Maybe' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: "“Maybe” is not one of this step's answers" },
    });
    expect(await core.dispatch('facts:add', { sessionId, text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Fact cannot be empty' },
    });
  });

  it('branches: ruling out needs a reason, a dead end can be revived, children survive their parent', async () => {
    const parent = await ok<Hypothesis>('hypotheses:add', { sessionId, label: 'Network' });
    const child = await ok<Hypothesis>('hypotheses:add', {
      sessionId,
      label: 'DHCP scope exhausted',
      parentId: parent.id,
    });
    expect(await core.dispatch('hypotheses:update', { id: child.id, status: 'dead_end' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'reason' }] } },
    });
    const ruledOut = await ok<Hypothesis>('hypotheses:update', {
      id: child.id,
      status: 'dead_end',
      reason: '40 of 200 leases used',
    });
    expect(ruledOut).toMatchObject({ status: 'dead_end', reason: '40 of 200 leases used' });
    const revived = await ok<Hypothesis>('hypotheses:update', { id: child.id, status: 'untried' });
    expect(revived).toMatchObject({ status: 'untried', reason: null });

    const step = await ok<Step>('steps:add', {
      sessionId,
      text: 'Check the lease table',
      hypothesisId: child.id,
    });
    expect(step.hypothesisId).toBe(child.id);
    await ok('hypotheses:remove', { id: parent.id });
    const detail = await ok<SessionDetail>('sessions:get', { id: sessionId });
    expect(detail.hypotheses).toEqual([expect.objectContaining({ id: child.id, parentId: null })]);
  });

  it('will not tie a step to another session’s hypothesis', async () => {
    const other = (await ok<SessionDetail>('sessions:create', {})).id;
    const foreign = await ok<Hypothesis>('hypotheses:add', { sessionId: other, label: 'Elsewhere' });
    expect(
      await core.dispatch('steps:add', { sessionId, text: 'x', hypothesisId: foreign.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await core.dispatch('facts:update', { id: crypto.randomUUID(), text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
