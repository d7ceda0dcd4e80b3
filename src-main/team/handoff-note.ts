// The ConnectWise note that carries a handoff to the team (DESIGN §6): the package (redacted) as people
// read it in ConnectWise, and a machine-readable trailer another Baton imports it from.
import { createHash } from 'node:crypto';
import type { HandoffSnapshot } from '../../src-preload/contract';
import { ensurePackage } from '../handoffs/handoff-package';
import { redact } from '../redaction/redact';
import type { Db } from '../store/database';
import { getHandoff, getHandoffRow } from '../store/repos/handoffs';
import { getSessionRow } from '../store/repos/sessions';
import { getUser } from '../store/repos/users';
import { withTrailer } from './trailer';

export function compactSnapshot(snapshot: HandoffSnapshot) {
  return {
    summary: snapshot.summary.slice(0, 500),
    stepCount: snapshot.stepCount,
    factCount: snapshot.factCount,
    confidence: snapshot.confidence,
    branches: snapshot.branches.slice(0, 20).map((b) => ({
      label: b.label.slice(0, 300),
      status: b.status,
      reason: b.reason?.slice(0, 500) ?? null,
    })),
  };
}

/** The note's text; the same every time for one handoff, so a retry recognises its earlier post. */
export function handoffNoteText(db: Db, handoffId: string, now: number): string | null {
  const row = getHandoffRow(db, handoffId);
  const session = row && getSessionRow(db, row.sessionId);
  if (!row || !session) return null;
  const handoff = getHandoff(db, handoffId, row.handedOffById)!;
  const from = getUser(db, row.handedOffById);
  const packageText = redact(ensurePackage(db, handoffId, now) ?? row.reason).text;
  return withTrailer(packageText, 'handoff', {
    v: 1,
    handoffId,
    sessionId: session.id,
    title: redact(session.title).text.slice(0, 300),
    priority: row.priority,
    reason: redact(row.reason).text.slice(0, 2_000),
    notes: row.engineerNotes ? redact(row.engineerNotes).text.slice(0, 4_000) : null,
    from: { name: from?.name ?? 'A technician', email: from?.email ?? '' },
    ticketNumber: handoff.ticketNumber,
    snapshotRef: `sha256:${createHash('sha256').update(row.snapshot).digest('hex')}`,
    snapshot: compactSnapshot(handoff.snapshot),
  });
}
