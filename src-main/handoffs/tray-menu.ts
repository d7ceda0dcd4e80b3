// What the tray shows a senior: the unclaimed handoffs, most urgent first, each with a Claim item.
// A plain function so it is tested under Node; src-main/electron/tray.ts turns it into a Menu.
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import type { Handoff, HandoffCard, Priority } from '../../src-preload/contract';

export interface TrayModel {
  tooltip: string;
  /** Shown next to the icon where the OS supports it (macOS). */
  badge: string;
  handoffs: { id: string; label: string; overdue: boolean }[];
  /** How many more are waiting than the menu lists. */
  more: number;
}

const RANK: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };
const MAX_ITEMS = 8;
const TITLE_MAX = 48;

export function trayModel(
  handoffs: readonly HandoffCard[],
  now: number,
  isOverdue: (h: HandoffCard) => boolean,
): TrayModel {
  const sorted = [...handoffs].sort(
    (a, b) => RANK[a.priority] - RANK[b.priority] || b.createdAt - a.createdAt,
  );
  const shown = sorted.slice(0, MAX_ITEMS).map((h) => {
    const title =
      h.sessionTitle.length > TITLE_MAX ? `${h.sessionTitle.slice(0, TITLE_MAX - 1)}…` : h.sessionTitle;
    const overdue = isOverdue(h);
    const age = formatDistanceStrict(h.createdAt, now);
    return {
      id: h.id,
      overdue,
      label: `Claim: [${h.priority}${overdue ? ', overdue' : ''}] ${title} — ${h.handedOffByName}, ${age} ago`,
    };
  });
  const count = handoffs.length;
  return {
    tooltip:
      count === 0
        ? 'Baton — no handoffs waiting'
        : `Baton — ${count} handoff${count === 1 ? '' : 's'} waiting`,
    badge: count === 0 ? '' : String(count),
    handoffs: shown,
    more: Math.max(0, count - MAX_ITEMS),
  };
}

/** Minutes a handoff may wait unclaimed before it counts as overdue, per priority (Settings). */
export const DEFAULT_OVERDUE_MINUTES: Record<Priority, number> = {
  urgent: 15,
  high: 60,
  medium: 240,
  low: 1_440,
};

export function overdueCheck(minutes: Record<Priority, number>, now: number) {
  // A card in the queue is unclaimed (it has no claimedAt); a full handoff says.
  return (h: Pick<Handoff, 'priority' | 'createdAt'> & { claimedAt?: number | null }) =>
    !h.claimedAt && now - h.createdAt > minutes[h.priority] * 60_000;
}
