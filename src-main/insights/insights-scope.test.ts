// Insights: what each viewer may see, what happened before a resolution, fixes by confidence band,
// the filters, and the ConnectWise boards behind the board filter (issue 18).
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import { DEFAULT_BOARD } from '../../e2e/fakes/connectwise/state';
import { CW_VAULT_SERVICE } from '../psa/connectwise/connectwise-settings';
import { fakeConnection } from '../psa/connectwise/testing';
import { closeHandoffRow } from '../store/repos/handoffs';
import { rememberTicketBoard } from '../store/repos/ticket-boards';
import { callers } from '../test-support/callers';
import { D, claimRow, insightsTeam } from '../test-support/insights-team';
import { HOUR, MINUTE } from '../test-support/insights-world';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
const team = () => insightsTeam(cleanups);

describe('who sees what', () => {
  it('a technician sees their own work only, and cannot ask for a colleague; a senior can filter by person', async () => {
    const t = team();
    t.world.escalated(t.tech, D + HOUR, 'high');
    t.world.escalated(t.tech2, D + 2 * HOUR, 'high');
    t.world.startSession(t.tech2, D + 3 * HOUR);
    const day = { range: { from: '2026-03-02', to: '2026-03-02' } };

    const own = t.report(t.tech, day, D + 12 * HOUR);
    expect(own.scope).toBe('own');
    expect(own.activity.totals).toMatchObject({ escalations: 1, sessionsStarted: 1 });
    expect(own.knows).toEqual({ localSessions: 1, importedEscalations: 0 });
    expect(own.options.technicians).toEqual([{ id: t.tech.id, name: 'Terry Tech' }]);

    const { call } = callers(t.core);
    await call('profile:switch', { id: t.tech.id });
    const refused = await call('insights:report', {
      ...day,
      timeZone: 'UTC',
      filters: { technicianId: t.tech2.id },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const teamView = t.report(t.senior, day, D + 12 * HOUR);
    expect(teamView.activity.totals).toMatchObject({ escalations: 2, sessionsStarted: 3 });
    expect(teamView.options.technicians.map((u) => u.name)).toEqual([
      'Priya Patel',
      'Sam Senior',
      'Terry Tech',
    ]);
    const priya = t.report(t.senior, { ...day, filters: { technicianId: t.tech2.id } }, D + 12 * HOUR);
    expect(priya.activity.totals).toMatchObject({ escalations: 1, sessionsStarted: 2, sessionsEscalated: 1 });
  });
});

describe('what happened', () => {
  it('resolutions by what came before, the escalation rate, and imported team escalations', async () => {
    const t = team();
    const { world, senior, tech } = t;
    const alone = world.startSession(tech, D + HOUR);
    await world.resolve(tech, alone, D + 2 * HOUR);
    const parked = world.startSession(tech, D + HOUR);
    world.handOff(tech, parked, D + 2 * HOUR, 'park', 'low');
    world.resume(tech, parked, D + 3 * HOUR);
    await world.resolve(tech, parked, D + 4 * HOUR);
    const escalated = world.escalated(tech, D + HOUR, 'high');
    await world.claim(senior, escalated.handoffId, D + 2 * HOUR);
    await world.resolve(senior, escalated.sessionId, D + 5 * HOUR);
    // A park someone else claims from the queue is still "after a park".
    const taken = world.startSession(tech, D + HOUR);
    const park = world.handOff(tech, taken, D + 2 * HOUR, 'park', 'medium');
    await world.claim(senior, park, D + 3 * HOUR);
    await world.resolve(senior, taken, D + 6 * HOUR);
    // Resolved the next day: outside the range asked for.
    const later = world.startSession(tech, D + HOUR);
    await world.resolve(tech, later, D + 30 * HOUR);
    // Imported from ConnectWise: one still waiting, one claimed on another machine (closed here).
    world.imported({ name: 'Jonas Berg', email: 'jonas@x.example' }, D + 7 * HOUR, 'high', { id: 501 });
    const elsewhere = world.imported({ name: 'Jonas Berg', email: 'jonas@x.example' }, D + 8 * HOUR, 'high', {
      id: 502,
    });
    closeHandoffRow(t.core.db, elsewhere.handoffId, D + 8.5 * HOUR);

    const r = t.report(senior, { range: { from: '2026-03-02', to: '2026-03-02' } }, D + 12 * HOUR);
    expect(r.resolvedBy).toEqual({ alone: 1, afterPark: 2, afterEscalation: 1 });
    // Five sessions started here, one escalated; the imported ones started elsewhere.
    expect(r.activity.totals).toEqual({
      escalations: 1,
      importedEscalations: 2,
      parks: 2,
      sessionsStarted: 5,
      sessionsEscalated: 1,
    });
    expect(claimRow(r, 'high')).toMatchObject({
      escalations: 3,
      claimed: 1,
      closedWithoutClaim: 1,
      waiting: 1,
      // 60 minutes allowed: the one still waiting (5 h) is overdue; claimed after 59 min and closed after
      // 30 min are not.
      overdue: 1,
    });
    expect(r.knows).toEqual({ localSessions: 5, importedEscalations: 2 });
    expect(r.options.technicians.map((u) => u.name)).toContain('Jonas Berg');
  });

  it('suggested fixes by confidence band: applied, worked, failed, pending, dismissed', () => {
    const t = team();
    const cases = [
      [30, { decision: 'dismissed' }],
      [55, { decision: 'apply_once', outcome: 'failed' }],
      [65, { decision: 'apply_once', outcome: 'worked' }],
      [79, {}],
      [80, { decision: 'apply_once', outcome: 'pending' }],
      [95, { decision: 'apply_once', outcome: 'worked' }],
    ] as const;
    for (const [i, [confidence, then]] of cases.entries()) {
      const session = t.world.startSession(t.tech, D + i * HOUR);
      t.world.fix(t.tech, session, D + i * HOUR + MINUTE, confidence, then);
    }
    const r = t.report(t.senior, {}, D + 12 * HOUR);
    expect(r.fixes.bands).toEqual([
      {
        band: 'low',
        min: 0,
        max: 49,
        suggested: 1,
        applied: 0,
        worked: 0,
        failed: 0,
        pending: 0,
        dismissed: 1,
      },
      {
        band: 'medium',
        min: 50,
        max: 79,
        suggested: 3,
        applied: 2,
        worked: 1,
        failed: 1,
        pending: 0,
        dismissed: 0,
      },
      {
        band: 'high',
        min: 80,
        max: 100,
        suggested: 2,
        applied: 2,
        worked: 1,
        failed: 0,
        pending: 1,
        dismissed: 0,
      },
    ]);
  });

  it('filters: priority, problem domain and board narrow every figure', () => {
    const t = team();
    const board = { id: 21, name: 'Service Desk' };
    const other = { id: 22, name: 'Projects' };
    t.world.escalated(t.tech, D + HOUR, 'urgent', { domain: 'Email', ticket: { id: 900, board } });
    t.world.escalated(t.tech, D + 2 * HOUR, 'low', { domain: 'Printing', ticket: { id: 901, board: other } });
    const s = t.world.startSession(t.tech, D + 3 * HOUR, { domain: 'Email' });
    t.world.fix(t.tech, s, D + 3 * HOUR, 90);
    const day = { range: { from: '2026-03-02', to: '2026-03-02' } };

    const urgent = t.report(t.senior, { ...day, filters: { priority: 'urgent' } }, D + 12 * HOUR);
    expect(urgent.activity.totals).toMatchObject({
      escalations: 1,
      sessionsStarted: 3,
      sessionsEscalated: 1,
    });
    expect(urgent.fixes.bands[2]!.suggested).toBe(0); // that session was never handed off at urgent

    const email = t.report(t.senior, { ...day, filters: { domain: 'Email' } }, D + 12 * HOUR);
    expect(email.activity.totals).toMatchObject({ escalations: 1, sessionsStarted: 2 });
    expect(email.fixes.bands[2]!.suggested).toBe(1);
    expect(email.options.domains).toEqual(['Email', 'Printing']);

    const projects = t.report(t.senior, { ...day, filters: { boardId: 22 } }, D + 12 * HOUR);
    expect(projects.activity.totals).toMatchObject({ escalations: 1, sessionsStarted: 1 });
    expect(claimRow(projects, 'low').escalations).toBe(1);
    expect(claimRow(projects, 'urgent').escalations).toBe(0);
    expect(projects.options.boards).toEqual([
      { id: 22, name: 'Projects' },
      { id: 21, name: 'Service Desk' },
    ]);
  });
});

describe('ConnectWise boards', () => {
  it('linking a session to a ticket remembers its board: the board filter offers it and narrows to it', async () => {
    const cw = await startConnectWiseFake();
    cleanups.push(() => cw.close());
    cw.addTicket({
      id: 4711,
      summary: 'Copier cannot scan to email',
      status: { id: 5, name: 'In Progress' },
    });
    const t = team();
    const { ok } = callers(t.core);
    const admin = t.core.services.profiles.add(t.senior, {
      name: 'Ann Admin',
      email: 'ann@x.example',
      role: 'admin',
    });
    cleanups.push(
      () => t.core.services.vault.delete(CW_VAULT_SERVICE, 'publicKey'),
      () => t.core.services.vault.delete(CW_VAULT_SERVICE, 'privateKey'),
    );
    await ok('profile:switch', { id: admin.id });
    await ok('settings:connectwise-save', fakeConnection(cw));
    const linked = t.world.startSession(t.tech, D + HOUR);
    t.world.startSession(t.tech, D + 2 * HOUR);
    t.clock.set(D + 3 * HOUR);
    await ok('sessions:link-ticket', { sessionId: linked, ticketId: 4711 });

    const day = { range: { from: '2026-03-02', to: '2026-03-02' } };
    const all = t.report(t.senior, day, D + 12 * HOUR);
    expect(all.options.boards).toEqual([DEFAULT_BOARD]);
    expect(all.activity.totals.sessionsStarted).toBe(2);
    const board = t.report(t.senior, { ...day, filters: { boardId: DEFAULT_BOARD.id } }, D + 12 * HOUR);
    expect(board.activity.totals.sessionsStarted).toBe(1);

    // The ticket moves to another board (as a later poll or link sees it), and a board is renamed.
    rememberTicketBoard(t.core.db, 4711, { id: 2, name: 'Projects' }, D + 4 * HOUR);
    rememberTicketBoard(t.core.db, 9999, { id: DEFAULT_BOARD.id, name: 'Help Desk' }, D + 5 * HOUR);
    const moved = t.report(t.senior, day, D + 12 * HOUR);
    expect(moved.options.boards).toEqual([
      { id: DEFAULT_BOARD.id, name: 'Help Desk' },
      { id: 2, name: 'Projects' },
    ]);
    const projects = t.report(t.senior, { ...day, filters: { boardId: 2 } }, D + 12 * HOUR);
    expect(projects.activity.totals.sessionsStarted).toBe(1);
    const old = t.report(t.senior, { ...day, filters: { boardId: DEFAULT_BOARD.id } }, D + 12 * HOUR);
    expect(old.activity.totals.sessionsStarted).toBe(0);
  });
});
