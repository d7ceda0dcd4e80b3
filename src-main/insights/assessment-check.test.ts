// "Was the assessment right?" (issue 18): the resolve dialog's question, its answer kept with the
// resolution (never without it), and the calibration Insights draws from the answers.
import { afterEach, describe, expect, it } from 'vitest';
import type { AssessmentToCheck, InsightsReport, NotePostOutcome } from '../../src-preload/contract';
import { getAssessmentCheck } from '../store/repos/assessment-checks';
import { getSessionRow } from '../store/repos/sessions';
import { callers } from '../test-support/callers';
import { HOUR, MINUTE, insightsWorld, settableClock } from '../test-support/insights-world';
import { tempCore } from '../test-support/temp-core';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const D = Date.UTC(2026, 2, 2);
const RESOLUTION = '## Resolution\nRe-created the Outlook profile.';

function team() {
  const clock = settableClock(D);
  const core = tempCore({ clock, startWorker: false, postWaitMs: 50 });
  cleanups.push(() => core.dispose());
  const { profiles } = core.services;
  const senior = profiles.create({ name: 'Sam Senior', email: 'sam@x.example', role: 'owner' });
  const tech = profiles.add(senior, { name: 'Terry Tech', email: 'terry@x.example', role: 'technician' });
  const { call, ok } = callers(core);
  const world = insightsWorld(core, clock);
  const calibration = async () =>
    (
      await ok<InsightsReport>('insights:report', {
        range: { from: '2026-03-02', to: '2026-03-02' },
        timeZone: 'UTC',
      })
    ).calibration.rows;
  return { core, clock, call, ok, world, senior, tech, calibration };
}

describe('assessment check', () => {
  it('the resolve dialog gets the latest assessed escalation; the answer is kept with the resolution', async () => {
    const t = team();
    const { sessionId, handoffId } = t.world.escalated(t.tech, D + HOUR, 'high');
    expect(await t.ok('assessments:latest', { id: sessionId })).toBeNull(); // still computing
    t.world.assess(handoffId, 'Stale cached credentials', 'high');
    await t.world.claim(t.senior, handoffId, D + 2 * HOUR);

    expect(await t.ok<AssessmentToCheck>('assessments:latest', { id: sessionId })).toEqual({
      handoffId,
      likelyCause: 'Stale cached credentials',
      confidence: 'high',
      draftedOffline: false,
      verdict: null,
    });
    t.clock.set(D + 3 * HOUR);
    const outcome = await t.ok<NotePostOutcome>('notes:post', {
      sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
      assessmentCheck: { handoffId, verdict: 'partly' },
    });
    expect(outcome.outcome).toBe('resolved_local');
    expect(getAssessmentCheck(t.core.db, handoffId)).toMatchObject({
      verdict: 'partly',
      confidence: 'high',
      checkedById: t.senior.id,
      checkedAt: D + 3 * HOUR,
    });
    expect((await t.ok<AssessmentToCheck>('assessments:latest', { id: sessionId })).verdict).toBe('partly');
    expect(await t.calibration()).toContainEqual({
      confidence: 'high',
      checked: 1,
      right: 0,
      partly: 1,
      wrong: 0,
    });
    await new Promise((done) => setImmediate(done));
  });

  it('a refused resolution keeps no answer, and an answer about another session refuses the resolution', async () => {
    const t = team();
    const a = t.world.escalated(t.tech, D + HOUR, 'high');
    const b = t.world.escalated(t.tech, D + HOUR, 'low');
    t.world.assess(a.handoffId, 'Expired RD gateway certificate', 'medium');
    t.world.assess(b.handoffId, 'DNS suffix not pushed', 'low');

    // The answer names session A's assessment on session B: refused, B stays escalated.
    const mixed = await t.call('notes:post', {
      sessionId: b.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
      assessmentCheck: { handoffId: a.handoffId, verdict: 'right' },
    });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(getSessionRow(t.core.db, b.sessionId)!.status).toBe('escalated');
    expect(getAssessmentCheck(t.core.db, a.handoffId)).toBeUndefined();

    await t.world.resolve(t.tech, a.sessionId, D + 2 * HOUR, { handoffId: a.handoffId, verdict: 'wrong' });
    // Resolving again is refused ("already resolved"), and the first answer stands.
    const again = await t.call('notes:post', {
      sessionId: a.sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
      assessmentCheck: { handoffId: a.handoffId, verdict: 'right' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(getAssessmentCheck(t.core.db, a.handoffId)!.verdict).toBe('wrong');

    // An escalation package never carries an answer.
    const escalate = await t.call('notes:post', {
      sessionId: a.sessionId,
      kind: 'escalate',
      markdown: '## Problem\nStill failing.',
      assessmentCheck: { handoffId: a.handoffId, verdict: 'right' },
    });
    expect(escalate.ok).toBe(true);
    expect(getAssessmentCheck(t.core.db, a.handoffId)!.verdict).toBe('wrong');
    await new Promise((done) => setImmediate(done));
  });

  it('a session linked to ConnectWise: the answer travels with the queued post and counts once the session is resolved', async () => {
    const t = team();
    const { sessionId, handoffId } = t.world.escalated(t.tech, D + HOUR, 'urgent', {
      ticket: { id: 4711, board: { id: 21, name: 'Service Desk' } },
    });
    t.world.assess(handoffId, 'Mailbox over quota', 'low');
    await t.world.claim(t.senior, handoffId, D + HOUR + 5 * MINUTE);
    t.core.services.connectivity.setWorkOffline(true, null);

    t.clock.set(D + 2 * HOUR);
    const queued = await t.ok<NotePostOutcome>('notes:post', {
      sessionId,
      kind: 'resolve',
      markdown: RESOLUTION,
      assessmentCheck: { handoffId, verdict: 'right' },
    });
    expect(queued.outcome).toBe('queued');
    expect(getAssessmentCheck(t.core.db, handoffId)!.verdict).toBe('right');
    // Not resolved yet (the note waits for ConnectWise): not in the calibration.
    expect((await t.calibration())[0]).toMatchObject({ confidence: 'low', checked: 0 });

    // The post job lands and verifies the status: the session is resolved here.
    t.core.services.notePosting.applyLocally(t.senior, sessionId, RESOLUTION, 'Re-created');
    expect((await t.calibration())[0]).toEqual({
      confidence: 'low',
      checked: 1,
      right: 1,
      partly: 0,
      wrong: 0,
    });
    await new Promise((done) => setImmediate(done));
  });

  it('calibration: the share right by the stated confidence, from several resolutions', async () => {
    const t = team();
    const answers = [
      ['high', 'right'],
      ['high', 'right'],
      ['high', 'wrong'],
      ['medium', 'partly'],
      ['low', 'wrong'],
    ] as const;
    for (const [i, [confidence, verdict]] of answers.entries()) {
      const { sessionId, handoffId } = t.world.escalated(t.tech, D + i * HOUR, 'medium');
      t.world.assess(handoffId, `Cause ${i}`, confidence);
      await t.world.resolve(t.tech, sessionId, D + i * HOUR + 30 * MINUTE, { handoffId, verdict });
    }
    expect(await t.calibration()).toEqual([
      { confidence: 'low', checked: 1, right: 0, partly: 0, wrong: 1 },
      { confidence: 'medium', checked: 1, right: 0, partly: 1, wrong: 0 },
      { confidence: 'high', checked: 3, right: 2, partly: 0, wrong: 1 },
    ]);
  });
});
