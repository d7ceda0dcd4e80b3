// Escalate or park (DESIGN §3): one transaction writes the snapshot, the status change, the support
// ticket, a first escalation package (drafted offline, so the click path never waits on AI or
// network) and the enrichment job; claiming is a conditional write so exactly one senior wins.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  Handoff,
  HandoffConfirmation,
  HandoffCreateInput,
  HandoffSnapshot,
  SessionSummary,
  User,
} from '../../src-preload/contract';
import { draftEscalationPackage } from '../ai/drafter';
import type { Clock } from '../clock';
import { assertFixSettled } from '../fixes/fix-service';
import { overdueCheck } from './tray-menu';
import type { AnnounceChannels } from './handoff-notifications';
import { enqueueHandoffAnnouncements, enrichmentJob } from './handoff-notifications';
import { followTicket } from '../store/repos/team-follows';
import { TEAM_POST_HANDOFF } from '../team/psa-handoff-job';
import { expertContacts, overdueMinutes, ticketPrefix } from './handoff-settings';
import { AppError, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { listFacts } from '../store/repos/facts';
import {
  claimHandoffRow,
  closeHandoffRow,
  findOpenParkHandoff,
  getHandoff,
  getHandoffRow,
  insertHandoff,
  listOpenHandoffs,
  markHandoffRead,
} from '../store/repos/handoffs';
import { listHypotheses } from '../store/repos/hypotheses';
import { listMessages } from '../store/repos/messages';
import type { HandoffRow } from '../store/repos/handoffs';
import type { SessionRow } from '../store/repos/sessions';
import { getSessionRow, toSessionSummary } from '../store/repos/sessions';
import { listSteps } from '../store/repos/steps';
import { insertSupportTicket, nextTicketNumber } from '../store/repos/support-tickets';
import { getUser } from '../store/repos/users';
import { sessions } from '../store/schema';
import { eq, sql } from 'drizzle-orm';

export { HANDOFF_ENRICH } from './handoff-notifications';

const SENIOR_ROLES = new Set<User['role']>(['owner', 'admin', 'engineer']);

export function createHandoffService(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  enqueue: (request: EnqueueRequest) => { id: number };
  /** Which announcement channels are set up; unset ones are skipped with a reason. */
  channels: AnnounceChannels;
  /** Claims an imported handoff on its ConnectWise ticket (team escalations, DESIGN §6). */
  team?: { claim(actor: User, row: HandoffRow): Promise<void> };
}) {
  const { db, clock, events } = deps;

  /** The session's record, read once for both the snapshot and the drafted package. */
  function recordOf(session: SessionRow) {
    return {
      steps: listSteps(db, session.id),
      facts: listFacts(db, session.id),
      hypotheses: listHypotheses(db, session.id),
    };
  }

  function snapshotOf(session: SessionRow, record: ReturnType<typeof recordOf>): HandoffSnapshot {
    return {
      summary: session.problemSummary ?? session.title,
      domain: session.problemDomain,
      status: session.status,
      stepCount: record.steps.length,
      factCount: record.facts.length,
      confidence: session.confidenceTier,
      branches: record.hypotheses.map((h) => ({
        id: h.id,
        parentId: h.parentId,
        label: h.label,
        status: h.status,
        reason: h.reason,
      })),
    };
  }

  function create(actor: User, input: z.output<typeof HandoffCreateInput>): HandoffConfirmation {
    const escalate = input.intent === 'escalate';
    if (escalate && input.targetUserId === actor.id) {
      throw new AppError('VALIDATION', 'Cannot escalate a session to yourself. Use park instead.', {
        fields: [
          { path: 'targetUserId', message: 'Cannot escalate a session to yourself. Use park instead.' },
        ],
      });
    }
    if (input.targetUserId) {
      const target = getUser(db, input.targetUserId);
      if (!target || !target.active || !SENIOR_ROLES.has(target.role)) {
        throw new AppError('VALIDATION', 'Choose an active engineer, admin or owner', {
          fields: [{ path: 'targetUserId', message: 'Choose an active engineer, admin or owner' }],
        });
      }
    }
    const now = clock.now();
    const handoffId = randomUUID();
    const { ticketNumber, notifications } = inTransaction(db, () => {
      const session = getSessionRow(db, input.sessionId);
      if (!session) throw notFound('Session', input.sessionId);
      if (
        session.status !== 'active' &&
        session.status !== 'paused' &&
        !(escalate && session.status === 'requesting_escalation')
      ) {
        throw new AppError('CONFLICT', `Session is already ${session.status}`, { status: session.status });
      }
      if (escalate) assertFixSettled(db, session.id);
      if (!escalate && session.status === 'paused')
        throw new AppError('CONFLICT', 'Session is already paused', { status: session.status });
      const reason = input.reason || (escalate ? '' : 'Parked for later');
      const record = recordOf(session);
      const snapshot = snapshotOf(session, record);
      insertHandoff(db, {
        id: handoffId,
        sessionId: session.id,
        intent: input.intent,
        handedOffById: actor.id,
        targetUserId: input.targetUserId ?? null,
        priority: input.priority,
        reason,
        engineerNotes: input.notes || null,
        snapshot: JSON.stringify(snapshot),
        createdAt: now,
        psaTicketId: escalate ? session.psaTicketId : null,
      });
      const number = nextTicketNumber(db, ticketPrefix(db), now);
      insertSupportTicket(
        db,
        {
          id: randomUUID(),
          ticketNumber: number,
          sessionId: session.id,
          handoffId,
          priority: input.priority,
          escalationReason: reason,
        },
        now,
      );
      const packageMarkdown = draftEscalationPackage({
        title: session.title,
        problemSummary: session.problemSummary,
        status: session.status,
        messages: listMessages(db, session.id),
        ...record,
        technicianName: actor.name,
        escalation: { reason, notes: input.notes ?? null, intent: input.intent, priority: input.priority },
        now,
      });
      db.update(sessions)
        .set({
          status: escalate ? 'escalated' : 'paused',
          handoffCount: sql`${sessions.handoffCount} + 1`,
          escalationReason: escalate ? reason : session.escalationReason,
          escalatedToId: escalate ? (input.targetUserId ?? null) : session.escalatedToId,
          escalationPackageMarkdown: packageMarkdown,
          updatedAt: now,
        })
        .where(eq(sessions.id, session.id))
        .run();
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: `handoff.${input.intent}`,
          entityType: 'session',
          entityId: session.id,
          details: { handoffId, ticketNumber: number, priority: input.priority },
        },
        now,
      );
      deps.enqueue(enrichmentJob({ handoffId, sessionId: session.id }));
      // Each notification is its own job, written with the handoff: never sent for a rolled-back one.
      const notifications = enqueueHandoffAnnouncements(deps.enqueue, deps.channels, {
        handoffId,
        sessionId: session.id,
      });
      // Linked to a ConnectWise ticket: the team on other machines learns of it from the ticket (§6).
      if (escalate && session.psaTicketId !== null) {
        const posted = deps.enqueue({
          kind: TEAM_POST_HANDOFF,
          payload: { handoffId },
          idempotencyKey: `team:handoff:${handoffId}`,
          sessionId: session.id,
        });
        followTicket(db, { handoffId, sessionId: session.id, ticketId: session.psaTicketId }, now);
        notifications.unshift({ channel: 'connectwise', state: 'queued', reason: null, jobId: posted.id });
      }
      return { ticketNumber: number, notifications };
    });
    // Only after the commit: a rolled-back handoff announces nothing.
    const handoff = getHandoff(db, handoffId, actor.id)!;
    events.emit('handoff_created', handoff);
    events.emit('session_updated', toSessionSummary(getSessionRow(db, input.sessionId)!));
    events.emit('session_changed', { sessionId: input.sessionId });
    return {
      handoff,
      ticketNumber,
      expertContacts: expertContacts(db),
      notifications,
    };
  }

  /**
   * An imported handoff is claimed on its ConnectWise ticket first (DESIGN §6); the local write
   * follows, as for a local handoff.
   */
  async function claimAny(actor: User, id: string): Promise<Handoff> {
    const row = getHandoffRow(db, id);
    if (!row) throw notFound('Handoff', id);
    if (row.origin === 'psa' && row.claimedById === null && deps.team) {
      if (!SENIOR_ROLES.has(actor.role))
        throw new AppError('FORBIDDEN', 'Only engineers and admins claim handoffs');
      // Losing here leaves the card to the next poll: a winner that crashed before owning the
      // ticket must not hide it from this queue for good.
      await deps.team.claim(actor, row);
    }
    return claim(actor, id);
  }

  function claim(actor: User, id: string): Handoff {
    if (!SENIOR_ROLES.has(actor.role))
      throw new AppError('FORBIDDEN', 'Only engineers and admins claim handoffs');
    const now = clock.now();
    const won = inTransaction(db, () => {
      const row = getHandoffRow(db, id);
      if (!row) throw notFound('Handoff', id);
      if (row.handedOffById === actor.id)
        throw new AppError('FORBIDDEN', 'You cannot claim your own handoff');
      if (!claimHandoffRow(db, id, actor.id, now)) {
        const current = getHandoffRow(db, id)!;
        if (current.claimedById === actor.id) return false; // the winner claiming again: idempotent
        if (current.closedAt !== null) {
          const parker = getUser(db, current.handedOffById);
          throw new AppError(
            'CONFLICT',
            `No longer waiting: ${parker?.name ?? 'the technician'} resumed the session`,
          );
        }
        const winner = getUser(db, current.claimedById!);
        throw new AppError('ALREADY_CLAIMED', `Already claimed by ${winner?.name ?? 'someone else'}`, {
          claimedById: current.claimedById,
          claimedByName: winner?.name ?? null,
          claimedAt: current.claimedAt,
        });
      }
      markHandoffRead(db, id, actor.id, now);
      db.update(sessions)
        .set({ status: 'active', escalatedToId: actor.id, updatedAt: now })
        .where(eq(sessions.id, row.sessionId))
        .run();
      appendAudit(
        db,
        { actorId: actor.id, action: 'handoff.claim', entityType: 'handoff', entityId: id },
        now,
      );
      return true;
    });
    const handoff = getHandoff(db, id, actor.id)!;
    if (won) {
      events.emit('handoff_claimed', handoff);
      events.emit('session_updated', toSessionSummary(getSessionRow(db, handoff.sessionId)!));
    }
    return handoff;
  }

  /**
   * Whoever parked a session resumes it from the session itself: not a claim, it closes the park
   * handoff (DESIGN §3). Someone else takes a parked session over by claiming it from the queue.
   */
  function resume(actor: User, sessionId: string): SessionSummary {
    const now = clock.now();
    const handoffId = inTransaction(db, () => {
      const session = getSessionRow(db, sessionId);
      if (!session) throw notFound('Session', sessionId);
      if (session.status !== 'paused')
        throw new AppError('CONFLICT', `Session is ${session.status}, not parked`, {
          status: session.status,
        });
      const park = findOpenParkHandoff(db, sessionId);
      if (park && park.handedOffById !== actor.id) {
        const parker = getUser(db, park.handedOffById);
        throw new AppError(
          'FORBIDDEN',
          `Parked by ${parker?.name ?? 'someone else'}: claim it from the Handoffs queue to take it over`,
        );
      }
      if (park) closeHandoffRow(db, park.id, now);
      db.update(sessions).set({ status: 'active', updatedAt: now }).where(eq(sessions.id, sessionId)).run();
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'handoff.resume',
          entityType: 'session',
          entityId: sessionId,
          details: { handoffId: park?.id ?? null },
        },
        now,
      );
      return park?.id ?? null;
    });
    const summary = toSessionSummary(getSessionRow(db, sessionId)!);
    if (handoffId) events.emit('handoff_closed', { id: handoffId, sessionId });
    events.emit('session_updated', summary);
    events.emit('session_changed', { sessionId });
    return summary;
  }

  function open(actor: User, id: string): Handoff {
    if (!getHandoffRow(db, id)) throw notFound('Handoff', id);
    markHandoffRead(db, id, actor.id, clock.now());
    return getHandoff(db, id, actor.id)!;
  }

  /** Marks what has waited too long for its priority (thresholds from Settings). */
  const withOverdue = (handoff: Handoff): Handoff => {
    return { ...handoff, overdue: overdueCheck(overdueMinutes(db), clock.now())(handoff) };
  };

  return {
    create,
    resume,
    claim: async (actor: User, id: string) => withOverdue(await claimAny(actor, id)),
    open: (actor: User, id: string) => withOverdue(open(actor, id)),
    /** The escalator does not see their own handoffs; only seniors see the queue at all. */
    list(actor: User, sort: 'newest' | 'priority'): Handoff[] {
      if (!SENIOR_ROLES.has(actor.role)) return [];
      const isOverdue = overdueCheck(overdueMinutes(db), clock.now());
      return listOpenHandoffs(db, actor.id, sort).map((h) => ({ ...h, overdue: isOverdue(h) }));
    },
  };
}

export type HandoffService = ReturnType<typeof createHandoffService>;
