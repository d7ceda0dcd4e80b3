// A shared workstation can run more than one Baton on one store (DESIGN §7's second "workstation" in
// the e2e, or two windows of two profiles). Push events stay inside the process that made the change,
// so each process watches SQLite's data_version (it moves when another connection commits) and
// announces handoffs that another process created, claimed or closed: an open queue stays live.
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { dataVersion } from '../store/database';
import type { HandoffClaimState } from '../store/repos/handoffs';
import { getHandoff, handoffClaimStates, openHandoffClaimStates } from '../store/repos/handoffs';

export const STORE_WATCH_MS = 1_000;

type Seen = Omit<HandoffClaimState, 'id'>;

export function createStoreWatch(deps: { db: Db; events: CoreEvents }) {
  const { db, events } = deps;
  let version = dataVersion(db);
  // What this process last knew of the unclaimed handoffs, to tell what changed elsewhere.
  let known = new Map<string, Seen>(openHandoffClaimStates(db).map((r) => [r.id, r]));
  let timer: NodeJS.Timeout | null = null;
  // This process's own changes do not move data_version: keep `known` current from its own events.
  const off = events.onAny((event, payload) => {
    if (event === 'handoff_created') {
      const h = payload as { id: string; claimedById: string | null };
      if (!h.claimedById) known.set(h.id, { claimed: null, closed: null });
    } else if (event === 'handoff_claimed' || event === 'handoff_closed')
      known.delete((payload as { id: string }).id);
  });

  /** Announces what other processes changed since the last check; returns how many handoffs moved. */
  function check(): number {
    const now = dataVersion(db);
    if (now === version) return 0;
    version = now;
    const current = openHandoffClaimStates(db);
    const currentIds = new Set(current.map((r) => r.id));
    let moved = 0;
    for (const row of current) {
      if (known.has(row.id)) continue;
      const handoff = getHandoff(db, row.id, '');
      if (handoff) {
        events.emit('handoff_created', handoff);
        moved++;
      }
    }
    const gone = [...known.keys()].filter((id) => !currentIds.has(id));
    for (const row of gone.length ? handoffClaimStates(db, gone) : []) {
      const handoff = getHandoff(db, row.id, '');
      if (!handoff) continue;
      if (row.claimed) events.emit('handoff_claimed', handoff);
      else events.emit('handoff_closed', { id: row.id, sessionId: handoff.sessionId });
      moved++;
    }
    known = new Map(current.map((r) => [r.id, r]));
    return moved;
  }

  return {
    check,
    start(intervalMs = STORE_WATCH_MS) {
      if (timer) return;
      timer = setInterval(check, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      off();
    },
  };
}
