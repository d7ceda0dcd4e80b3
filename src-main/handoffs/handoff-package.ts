// The escalation package of a handoff (DESIGN §3): the technician's edited text when they reviewed it,
// otherwise the offline draft. Drafting reads the whole session, so it never runs on the click path:
// a local job (it runs at once, online or not) writes it right after the handoff commits, and anything
// that needs the package first (the ConnectWise note) drafts it through the same function.
import { z } from 'zod';
import type { HandoffSnapshot } from '../../src-preload/contract';
import { draftEscalationPackage } from '../ai/drafter';
import { draftContextOf } from '../ai/session-record';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import { defineJobKind } from '../jobs/job-kinds';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { getHandoffRow, setHandoffPackage } from '../store/repos/handoffs';
import { getSessionRow, setEscalationPackage } from '../store/repos/sessions';
import { getUser } from '../store/repos/users';

export const HANDOFF_PACKAGE = 'handoff.package';

export const packageJob = (target: { handoffId: string; sessionId: string }): EnqueueRequest => ({
  kind: HANDOFF_PACKAGE,
  payload: { handoffId: target.handoffId },
  idempotencyKey: `package:${target.handoffId}`,
  sessionId: target.sessionId,
});

/** The handoff's package, drafted and stored first if it has none yet; null for an unknown handoff. */
export function ensurePackage(db: Db, handoffId: string, now: number): string | null {
  const row = getHandoffRow(db, handoffId);
  if (!row) return null;
  if (row.packageMarkdown !== null) return row.packageMarkdown;
  const session = getSessionRow(db, row.sessionId);
  if (!session) return null;
  const snapshot = JSON.parse(row.snapshot) as HandoffSnapshot;
  const markdown = draftEscalationPackage(
    draftContextOf(
      db,
      { ...session, status: snapshot.status },
      {
        technicianName: getUser(db, row.handedOffById)?.name ?? null,
        escalation: {
          reason: row.reason,
          notes: row.engineerNotes,
          intent: row.intent,
          priority: row.priority,
        },
        now,
      },
    ),
  );
  return inTransaction(db, () => {
    const current = getHandoffRow(db, handoffId)!;
    if (current.packageMarkdown !== null) return current.packageMarkdown; // written meanwhile
    setHandoffPackage(db, handoffId, markdown);
    setEscalationPackage(db, row.sessionId, markdown);
    return markdown;
  });
}

export function handoffPackageKind(deps: { db: Db; clock: Clock; events: CoreEvents }) {
  return defineJobKind({
    kind: HANDOFF_PACKAGE,
    service: 'local',
    payload: z.object({ handoffId: z.uuid() }),
    describe: () => 'Draft the escalation package',
    run({ handoffId }) {
      const row = getHandoffRow(deps.db, handoffId);
      const drafted = row?.packageMarkdown === null;
      ensurePackage(deps.db, handoffId, deps.clock.now());
      if (row && drafted) deps.events.emit('session_changed', { sessionId: row.sessionId });
      return Promise.resolve();
    },
  });
}
