import { describe, expect, it } from 'vitest';
import type { HandoffCard } from '../../src-preload/contract';
import { DEFAULT_OVERDUE_MINUTES, overdueCheck, trayModel } from './tray-menu';

const now = Date.UTC(2026, 10, 28, 12, 0, 0);
const handoff = (
  id: string,
  priority: HandoffCard['priority'],
  minutesAgo: number,
  title = `Problem ${id}`,
): HandoffCard & { claimedAt: null } =>
  ({
    id,
    priority,
    sessionTitle: title,
    handedOffByName: 'Terry Tech',
    createdAt: now - minutesAgo * 60_000,
    claimedAt: null,
  }) as HandoffCard & { claimedAt: null };

describe('tray menu', () => {
  it('lists unclaimed handoffs most urgent first with a Claim item each, and says how many wait', () => {
    const isOverdue = overdueCheck(DEFAULT_OVERDUE_MINUTES, now);
    const model = trayModel(
      [handoff('a', 'low', 5), handoff('b', 'urgent', 20), handoff('c', 'high', 3)],
      now,
      isOverdue,
    );
    expect(model.tooltip).toBe('Baton — 3 handoffs waiting');
    expect(model.badge).toBe('3');
    expect(model.handoffs.map((h) => h.id)).toEqual(['b', 'c', 'a']);
    expect(model.handoffs[0]).toEqual({
      id: 'b',
      overdue: true,
      label: 'Claim: [urgent, overdue] Problem b — Terry Tech, 20 minutes ago',
    });
    expect(model.handoffs[1]!.label).toBe('Claim: [high] Problem c — Terry Tech, 3 minutes ago');
  });

  it('keeps the menu short: at most 8 items, long titles cut, and how many more', () => {
    const many = Array.from({ length: 11 }, (_, i) => handoff(String(i), 'medium', i, 'x'.repeat(80)));
    const model = trayModel(many, now, () => false);
    expect(model.handoffs).toHaveLength(8);
    expect(model.more).toBe(3);
    expect(model.handoffs[0]!.label).toContain(`${'x'.repeat(47)}…`);
    expect(trayModel([], now, () => false)).toEqual({
      tooltip: 'Baton — no handoffs waiting',
      badge: '',
      handoffs: [],
      more: 0,
    });
  });

  it('overdue per priority: 15 min urgent, 1 h high, 4 h medium, 1 day low; never once claimed', () => {
    const isOverdue = overdueCheck(DEFAULT_OVERDUE_MINUTES, now);
    expect(isOverdue(handoff('u', 'urgent', 14))).toBe(false);
    expect(isOverdue(handoff('u', 'urgent', 16))).toBe(true);
    expect(isOverdue(handoff('h', 'high', 61))).toBe(true);
    expect(isOverdue(handoff('m', 'medium', 239))).toBe(false);
    expect(isOverdue(handoff('l', 'low', 1_441))).toBe(true);
    expect(isOverdue({ ...handoff('l', 'low', 5_000), claimedAt: now })).toBe(false);
  });
});
