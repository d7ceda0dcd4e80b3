// Escalate or park (DESIGN §3): one transaction writes the snapshot, the status change, the support
// ticket, a first escalation package (drafted offline, so the click path never waits on AI or
// network) and the enrichment job; claiming is a conditional write so exactly one senior wins.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  Handoff,
  HandoffCard,
  HandoffConfirmation,
  HandoffPage,
  MyHandoff,
  HandoffCreateInput,
  HandoffSnapshot,
  SessionSummary,
  User,
} from '../../src-preload/contract';
import type { Clock } from '../clock';
import { assertFixSettled } from '../fixes/fix-service';
import { overdueCheck } from './tray-menu';
import type { AnnounceChannels } from './handoff-notifications';
import { enqueueHandoffAnnouncements, enrichmentJob } from './handoff-notifications';
import { followTicket } from '../store/repos/team-follows';
import { queueNotePost } from '../notes/psa-post-job';
import { assertTransition } from '../services/session-status';
import { packageJob } from './handoff-package';
import { searchIndexJob } from './handoff-search-index';
import { expertContacts, overdueMinutes, ticketPrefix } from './handoff-settings';
import { AppError, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { countFacts } from '../store/repos/facts';
import {
  claimHandoffRow,
  closeHandoffRow,
  findOpenParkHandoff,
  getHandoff,
  getHandoffRow,
  insertHandoff,
  countWaitingHandoffs,
  listHandoffCards,
  listHandoffsBy,
  markHandoffRead,
} from '../store/repos/handoffs';
import { listHypotheses } from '../store/repos/hypotheses';
import type { CardCursor, HandoffRow } from '../store/repos/handoffs';
import type { SessionRow } from '../store/repos/sessions';
import {
  getSessionRow,
  recordClaim,
  recordHandoff,
  setSessionStatus,
  toSessionSummary,
} from '../store/repos/sessions';
import { countSteps } from '../store/repos/steps';
import { insertSupportTicket, nextTicketNumber } from '../store/repos/support-tickets';
import { getUser } from '../store/repos/users';

export { HANDOFF_ENRICH } from './handoff-notifications';

import { isSenior } from '../../src-preload/contract';

export function createHandoffService(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  enqueue: (request: EnqueueRequest) => { id: number };
  /** Which announcement channels are set up; unset ones are skipped with a reason. */
  channels: AnnounceChannels;
  /** Claims an imported handoff on its ConnectWise ticket (team escalations, DESIGN §6). */
  team?: { claim(actor: User, row: HandoffRow): Promise<void> };
  /** Tells the person who handed it off that someone picked it up (the bell). */
  tell?: (userId: string, title: string, body: string) => void;
}) {
  const { db, clock, events } = deps;

  /** What the session looked like at the handoff (counts and the branch map: the click path reads no more). */
  function snapshotOf(session: SessionRow): HandoffSnapshot {
    return {
      summary: session.problemSummary ?? session.title,
      domain: session.problemDomain,
      status: session.status,
      stepCount: countSteps(db, session.id),
      factCount: countFacts(db, session.id),
      confidence: session.confidenceTier,
      branches: listHypotheses(db, session.id).map((h) => ({
        id: h.id,
        parentId: h.parentId,
        label: h.label,
        status: h.status,
        reason: h.reason,
      })),
    };
  }

  /**
   * Escalate or park: the one path every escalate action takes (the handoff form, "Confirm & post" of
   * an escalation package, "Reopen and escalate…"). One transaction writes the handoff with its snapshot,
   * the status change, the support ticket and every job; the package is the technician's reviewed text
   * (`packageMarkdown`) or drafted by a local job right after, never on the click path. On a linked
   * ticket the package goes to ConnectWise with the team trailer (psa-post-job.ts).
   */
  function create(
    actor: User,
    input: z.output<typeof HandoffCreateInput>,
    options: { packageMarkdown?: string } = {},
  ): HandoffConfirmation & { postId: string | null } {
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
      if (!target || !target.active || !isSenior(target.role)) {
        throw new AppError('VALIDATION', 'Choose an active engineer, admin or owner', {
          fields: [{ path: 'targetUserId', message: 'Choose an active engineer, admin or owner' }],
        });
      }
    }
    const now = clock.now();
    const handoffId = randomUUID();
    const { ticketNumber, notifications, postId } = inTransaction(db, () => {
      const session = getSessionRow(db, input.sessionId);
      if (!session) throw notFound('Session', input.sessionId);
      const nextStatus = assertTransition(input.intent, session.status);
      if (escalate) assertFixSettled(db, session.id);
      const reason = input.reason || (escalate ? '' : 'Parked for later');
      const snapshot = snapshotOf(session);
      const packageMarkdown = options.packageMarkdown ?? null;
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
        packageMarkdown,
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
      recordHandoff(
        db,
        session.id,
        {
          status: nextStatus,
          escalationReason: escalate ? reason : session.escalationReason,
          escalatedToId: escalate ? (input.targetUserId ?? null) : session.escalatedToId,
          packageMarkdown,
        },
        now,
      );
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
      const target = { handoffId, sessionId: session.id };
      if (packageMarkdown === null) deps.enqueue(packageJob(target));
      deps.enqueue(searchIndexJob(target));
      deps.enqueue(enrichmentJob(target));
      // Each notification is its own job, written with the handoff: never sent for a rolled-back one.
      const notifications = enqueueHandoffAnnouncements(deps.enqueue, deps.channels, target);
      // Linked to a ConnectWise ticket: the team on other machines learns of it from the ticket (§6).
      let postId: string | null = null;
      if (escalate && session.psaTicketId !== null) {
        postId = randomUUID();
        const jobId = queueNotePost(db, deps.enqueue, {
          id: postId,
          sessionId: session.id,
          kind: 'escalate',
          handoffId,
          ticketId: session.psaTicketId,
          markdown: packageMarkdown ?? '',
          summary: reason.slice(0, 500),
          actorId: actor.id,
          createdAt: now,
          updatedAt: now,
        });
        followTicket(db, { handoffId, sessionId: session.id, ticketId: session.psaTicketId }, now);
        notifications.unshift({ channel: 'connectwise', state: 'queued', reason: null, jobId });
      }
      return { ticketNumber: number, notifications, postId };
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
      postId,
    };
  }

  /**
   * A handoff the team shares through a ConnectWise ticket (imported, or escalated here once its note
   * is on the ticket) is claimed on the ticket first (DESIGN §6), so exactly one senior wins across
   * machines; the local write follows, as for a local handoff.
   */
  async function claimAny(actor: User, id: string): Promise<Handoff> {
    const row = getHandoffRow(db, id);
    if (!row) throw notFound('Handoff', id);
    if (!isSenior(actor.role))
      throw new AppError('FORBIDDEN', 'Only engineers, admins and owners claim handoffs');
    if (row.handedOffById === actor.id) throw new AppError('FORBIDDEN', 'You cannot claim your own handoff');
    const shared = row.psaTicketId !== null && row.psaNoteId !== null;
    if (shared && row.claimedById === null && row.closedAt === null && deps.team) {
      // Losing here leaves the card to the next poll: a winner that crashed before owning the
      // ticket must not hide it from this queue for good.
      await deps.team.claim(actor, row);
    }
    return claim(actor, id);
  }

  function claim(actor: User, id: string): Handoff {
    if (!isSenior(actor.role))
      throw new AppError('FORBIDDEN', 'Only engineers, admins and owners claim handoffs');
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
      const session = getSessionRow(db, row.sessionId)!;
      const nextStatus = assertTransition('claim', session.status);
      markHandoffRead(db, id, actor.id, now);
      recordClaim(db, row.sessionId, nextStatus, actor.id, now);
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
      // The escalator hears it here when they share this computer (a team escalation's technician
      // hears it from the ticket on theirs: team-notes.ts).
      if (handoff.handedOffById !== actor.id && getUser(db, handoff.handedOffById)?.active) {
        const what = handoff.intent === 'escalate' ? 'escalation' : 'parked session';
        deps.tell?.(handoff.handedOffById, `${actor.name} picked up your ${what}`, handoff.sessionTitle);
        events.emit('handoff_picked_up', {
          handoffId: handoff.id,
          sessionId: handoff.sessionId,
          byName: actor.name,
          escalatorId: handoff.handedOffById,
        });
      }
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
      const nextStatus = assertTransition('resume', session.status);
      const park = findOpenParkHandoff(db, sessionId);
      if (park && park.handedOffById !== actor.id) {
        const parker = getUser(db, park.handedOffById);
        throw new AppError(
          'FORBIDDEN',
          `Parked by ${parker?.name ?? 'someone else'}: claim it from the Handoffs queue to take it over`,
        );
      }
      if (park) closeHandoffRow(db, park.id, now);
      setSessionStatus(db, sessionId, nextStatus, now);
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

  /**
   * A page of the queue: light cards in the sort order, with a cursor for the next page (DESIGN §3
   * Claim: the escalator does not see their own handoffs; only seniors see the queue at all).
   */
  function page(
    actor: User,
    input: { sort: 'newest' | 'priority'; cursor?: string; limit: number },
  ): HandoffPage {
    if (!isSenior(actor.role)) return { items: [], total: 0, unread: 0, nextCursor: null };
    const after = input.cursor === undefined ? null : parseCardCursor(input.cursor);
    const rows = listHandoffCards(db, actor.id, { sort: input.sort, after, limit: input.limit });
    const isOverdue = overdueCheck(overdueMinutes(db), clock.now());
    const last = rows.at(-1);
    return {
      items: rows.map(({ rank: _rank, seq: _seq, ...card }) => ({
        ...card,
        overdue: isOverdue({ ...card, claimedAt: null }),
      })),
      ...countWaitingHandoffs(db, actor.id),
      nextCursor: last && rows.length === input.limit ? `${last.rank}.${last.createdAt}.${last.seq}` : null,
    };
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
    page,
    /** What the actor handed off, newest first (the last 200), and where each stands. */
    mine(actor: User): MyHandoff[] {
      return listHandoffsBy(db, actor.id, 200).map((h) => ({
        id: h.id,
        sessionId: h.sessionId,
        sessionTitle: h.sessionTitle,
        intent: h.intent,
        priority: h.priority,
        reason: h.reason,
        ticketNumber: h.ticketNumber,
        targetUserName: h.targetUserName,
        createdAt: h.createdAt,
        state:
          h.claimedAt !== null
            ? h.sessionStatus === 'resolved'
              ? 'resolved'
              : 'picked-up'
            : h.closedAt !== null
              ? 'resumed'
              : h.sessionStatus === 'resolved'
                ? 'resolved'
                : 'waiting',
        claimedByName: h.claimedByName,
        claimedAt: h.claimedAt,
      }));
    },
    /** Every waiting card (the tray's list); the queue screen reads pages. */
    list(actor: User, sort: 'newest' | 'priority'): HandoffCard[] {
      return page(actor, { sort, limit: Number.MAX_SAFE_INTEGER }).items;
    },
  };
}

export type HandoffService = ReturnType<typeof createHandoffService>;

/** "rank.createdAt.seq" from a page's nextCursor; anything else is a VALIDATION refusal. */
function parseCardCursor(cursor: string): CardCursor {
  const match = /^(\d)\.(\d{1,16})\.(\d{1,16})$/.exec(cursor);
  if (!match)
    throw new AppError('VALIDATION', 'That page cursor is not one Baton gave out: load the queue again', {
      fields: [{ path: 'cursor', message: 'Unknown page cursor' }],
    });
  return { rank: Number(match[1]), createdAt: Number(match[2]), seq: Number(match[3]) };
}
