// A session's handoff story (issue 15, DESIGN §3): escalated / parked, picked up, resumed, resolved —
// for the header chip (where it stands now) and the timeline in the conversation, on the technician's
// machine and the senior's alike (an imported handoff carries who escalated it and why).
import type { HandoffState, SessionTrace, TraceEvent } from '../../src-preload/contract';
import type { Db } from '../store/database';
import { lastActorOf } from '../store/repos/audit-log';
import { listSessionHandoffs } from '../store/repos/handoffs';
import { lastDonePost } from '../store/repos/note-posts';
import type { SessionRow } from '../store/repos/sessions';

export function traceOf(db: Db, session: SessionRow): SessionTrace {
  const handoffs = listSessionHandoffs(db, session.id);
  const events: TraceEvent[] = [];
  for (const h of handoffs) {
    events.push({
      kind: h.intent === 'escalate' ? 'escalated' : 'parked',
      at: h.createdAt,
      handoffId: h.id,
      byName: h.byName,
      reason: h.reason,
      notes: h.notes,
      priority: h.priority,
      ticketNumber: h.ticketNumber,
      targetName: h.targetName,
      origin: h.origin,
    });
    if (h.claimedAt !== null && h.claimerName)
      events.push({ kind: 'picked-up', at: h.claimedAt, handoffId: h.id, byName: h.claimerName });
    // A park closes when the person who parked it resumes (an imported escalation closes when it is
    // claimed or changed elsewhere: not a resume).
    else if (h.closedAt !== null && h.intent === 'park')
      events.push({ kind: 'resumed', at: h.closedAt, handoffId: h.id, byName: h.byName });
    else if (h.closedAt !== null && h.origin === 'psa')
      events.push({ kind: 'left-queue', at: h.closedAt, handoffId: h.id });
  }
  const resolved = session.status === 'resolved' && session.resolvedAt !== null;
  if (resolved) {
    const post = lastDonePost(db, session.id, 'resolve');
    events.push({
      kind: 'resolved',
      at: session.resolvedAt!,
      byName: lastActorOf(db, 'session', session.id, 'session.resolve'),
      summary: session.resolutionSummary,
      note: session.resolutionNoteMarkdown,
      place: post
        ? { kind: 'connectwise', ticketId: post.ticketId, noteId: post.externalNoteId }
        : { kind: 'baton' },
    });
  }
  events.sort((a, b) => a.at - b.at);
  return { state: stateOf(events, resolved), events };
}

/** The newest event says where the session stands. */
function stateOf(events: TraceEvent[], resolved: boolean): HandoffState | null {
  const last = events.at(-1);
  if (!last) return null;
  const latestHandoff = [...events].reverse().find((e) => e.kind === 'escalated' || e.kind === 'parked');
  const ticketNumber = latestHandoff && 'ticketNumber' in latestHandoff ? latestHandoff.ticketNumber : null;
  switch (last.kind) {
    case 'resolved':
      return resolved
        ? { kind: 'resolved', at: last.at, note: last.note, place: last.place, ticketNumber }
        : null;
    case 'picked-up':
      return { kind: 'picked-up', handoffId: last.handoffId, byName: last.byName, at: last.at, ticketNumber };
    case 'resumed':
      return { kind: 'resumed', handoffId: last.handoffId, byName: last.byName, at: last.at, ticketNumber };
    case 'left-queue':
      return { kind: 'left-queue', handoffId: last.handoffId, at: last.at, ticketNumber };
    case 'parked':
      return {
        kind: 'parked',
        handoffId: last.handoffId,
        byName: last.byName,
        at: last.at,
        reason: last.reason,
        notes: last.notes,
        ticketNumber,
      };
    case 'escalated':
      return {
        kind: 'waiting',
        handoffId: last.handoffId,
        since: last.at,
        priority: last.priority,
        targetName: last.targetName,
        ticketNumber,
      };
  }
}
