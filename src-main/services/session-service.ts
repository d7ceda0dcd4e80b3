import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  Message,
  RevealedMessage,
  SessionDetail,
  SessionSummary,
  SessionsCreateInput,
  User,
} from '../../src-preload/contract';
import { UNTITLED_SESSION } from '../../src-preload/contract';
import { technicianAsksForSenior } from '../ai/escalation-detection';
import { assertTransition } from './session-status';
import { traceOf } from '../handoffs/handoff-trace';
import type { Clock } from '../clock';
import { AppError, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { listFacts } from '../store/repos/facts';
import { findOpenParkHandoff } from '../store/repos/handoffs';
import { activeFix, toSuggestedFix } from '../store/repos/suggested-fixes';
import { followOfSession } from '../store/repos/team-follows';
import { listHypotheses } from '../store/repos/hypotheses';
import type { MessageRow } from '../store/repos/messages';
import { getMessage, insertMessage } from '../store/repos/messages';
import { getWithheld, revealedBody } from '../store/repos/withheld-secrets';
import type { ListSessionsQuery, SessionRow } from '../store/repos/sessions';
import {
  bumpForNewMessage,
  renameSession,
  flagEscalationRequest,
  getSessionRow,
  insertSession,
  listSessions,
  setSessionStatus,
  setSessionTitle,
  toSessionSummary,
} from '../store/repos/sessions';
import { listSteps } from '../store/repos/steps';
import { getUser } from '../store/repos/users';
import type { PreparedText } from '../redaction/at-rest';
import { prepareText } from '../redaction/at-rest';
import type { MessageViews } from './message-views';

const TITLE_MAX = 80;
/** The problem statement kept whole beside the title (the first message, as the technician wrote it). */
const PROBLEM_MAX = 2_000;

/** The first non-empty line, cut at a word boundary to fit the list. */
export function titleFrom(body: string): string {
  const line =
    body
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? UNTITLED_SESSION;
  if (line.length <= TITLE_MAX) return line;
  const cut = line.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 40 ? cut.slice(0, space) : cut}…`;
}

export interface SessionEffects {
  /** Called inside the transaction that stores a technician message: enqueue its external effects here. */
  onNoteAdded?: (message: MessageRow) => void;
  /** Whether an AI provider is configured (the chat says so when not). */
  assistantAvailable?: () => boolean;
  /** A note on its way to ConnectWise, or failed (see notes/note-posting.ts). */
  pendingPost?: (sessionId: string) => SessionDetail['pendingPost'];
}

/** Troubleshooting sessions and their conversation, written locally first (works offline). */
export function createSessionService(
  db: Db,
  clock: Clock,
  events: CoreEvents,
  views: MessageViews,
  effects: SessionEffects = {},
) {
  function list(query: ListSessionsQuery) {
    return listSessions(db, query);
  }

  const activeFixOf = (sessionId: string) => {
    const fix = activeFix(db, sessionId);
    return fix && toSuggestedFix(fix);
  };

  function parkedBy(sessionId: string): SessionDetail['parked'] {
    const park = findOpenParkHandoff(db, sessionId);
    const parker = park && getUser(db, park.handedOffById);
    return park && parker
      ? { handoffId: park.id, byId: parker.id, byName: parker.name, at: park.createdAt }
      : null;
  }

  /** `fresh`: a session just created has nothing to read back. */
  function detail(row: SessionRow, fresh = false): SessionDetail {
    return {
      ...toSessionSummary(row),
      problemSummary: row.problemSummary,
      stateVersion: row.stateVersion,
      createdById: row.createdById,
      messages: fresh ? [] : views.forSession(row.id),
      steps: fresh ? [] : listSteps(db, row.id),
      facts: fresh ? [] : listFacts(db, row.id),
      hypotheses: fresh ? [] : listHypotheses(db, row.id),
      escalationRequest: {
        requested: row.escalationRequested,
        reason: row.escalationRequestedReason,
        at: row.escalationRequestedAt,
      },
      assistantAvailable: effects.assistantAvailable?.() ?? false,
      parked: row.status === 'paused' ? parkedBy(row.id) : null,
      activeFix: fresh ? null : (activeFixOf(row.id) ?? null),
      psaTicketId: row.psaTicketId,
      teamTicket: !fresh && followOfSession(db, row.id) !== undefined,
      pendingPost: fresh ? null : (effects.pendingPost?.(row.id) ?? null),
      trace: fresh ? { state: null, events: [] } : traceOf(db, row),
    };
  }

  function get(id: string): SessionDetail {
    const row = getSessionRow(db, id);
    if (!row) throw notFound('Session', id);
    return detail(row);
  }

  function create(actor: User, input: z.output<typeof SessionsCreateInput>): SessionDetail {
    const now = clock.now();
    if (input.id) {
      const existing = getSessionRow(db, input.id);
      // The same request again (a retry after a lost answer): the session it made.
      if (existing?.createdById === actor.id) return detail(existing);
      if (existing) throw new AppError('CONFLICT', 'That session id is already in use.', { id: input.id });
    }
    const row = inTransaction(db, () => {
      const created = insertSession(
        db,
        { id: input.id ?? randomUUID(), title: input.title || UNTITLED_SESSION, createdById: actor.id },
        now,
      );
      appendAudit(
        db,
        { actorId: actor.id, action: 'session.create', entityType: 'session', entityId: created.id },
        now,
      );
      return created;
    });
    events.emit('session_created', toSessionSummary(row));
    return detail(row, true);
  }

  /**
   * The session row exists before any message is stored: a message for an unknown session is refused.
   * `id` (chosen by the renderer) makes a retry idempotent: the message already stored under it is
   * answered again, never stored twice.
   */
  function addMessage(
    actor: User,
    sessionId: string,
    typed: string | PreparedText,
    clientId?: string,
  ): Message {
    const existing = clientId === undefined ? null : getMessage(db, clientId);
    if (existing) {
      if (existing.sessionId !== sessionId || existing.authorId !== actor.id || existing.role !== 'user')
        throw new AppError('CONFLICT', 'A different message is already stored under this id');
      return views.fromRow(existing, existing.authorName);
    }
    const now = clock.now();
    // Secrets become placeholders before anything is stored (issue 14): the title, the escalation
    // excerpt and the search index see the placeholders; the values are sealed with the message.
    const prepared = typeof typed === 'string' ? prepareText(typed) : typed;
    const body = prepared.text;
    const { stored, session } = inTransaction(db, () => {
      let bumped = bumpForNewMessage(db, sessionId, now);
      if (!bumped) throw notFound('Session', sessionId);
      if (bumped.messageCount === 1 && bumped.title === UNTITLED_SESSION) {
        // An untitled session takes its name from the first thing the technician wrote.
        const problem = body.trim().slice(0, PROBLEM_MAX);
        bumped = { ...bumped, title: titleFrom(body), problemSummary: bumped.problemSummary ?? problem };
        setSessionTitle(db, sessionId, bumped.title, problem);
      }
      if (!bumped.escalationRequested && technicianAsksForSenior(body)) {
        const excerpt = body.length > 160 ? `${body.slice(0, 159)}…` : body;
        bumped =
          flagEscalationRequest(db, sessionId, `Technician asked for a senior: “${excerpt}”`, now) ?? bumped;
      }
      const row = insertMessage(
        db,
        {
          id: clientId ?? randomUUID(),
          sessionId,
          role: 'user',
          authorId: actor.id,
          body: prepared,
          seq: bumped.messageCount,
        },
        now,
      );
      effects.onNoteAdded?.(row);
      return { stored: row, session: bumped };
    });
    const message = views.fromRow(stored, actor.name);
    events.emit('message_added', message);
    events.emit('session_updated', toSessionSummary(session));
    if (session.escalationRequested) events.emit('session_changed', { sessionId });
    return message;
  }

  /** The chat's "Escalate to a senior": the session waits for the escalation form (or a senior). */
  function requestEscalation(actor: User, id: string, reason: string | undefined): SessionDetail {
    const now = clock.now();
    const row = inTransaction(db, () => {
      const current = getSessionRow(db, id);
      if (!current) throw notFound('Session', id);
      if (current.status === 'requesting_escalation') return current;
      const nextStatus = assertTransition('request-escalation', current.status);
      if (!current.escalationRequested || reason) {
        flagEscalationRequest(
          db,
          id,
          reason || current.escalationRequestedReason || 'Technician asked for a senior',
          now,
        );
      }
      const updated = setSessionStatus(db, id, nextStatus, now)!;
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'session.request_escalation',
          entityType: 'session',
          entityId: id,
          details: { from: current.status },
        },
        now,
      );
      return updated;
    });
    events.emit('session_updated', toSessionSummary(row));
    events.emit('session_changed', { sessionId: id });
    return detail(row);
  }

  /**
   * "Show withheld": the message as its author typed it, placeholders filled back in. Only the person
   * who pasted the secrets may see them; each reveal is audited.
   */
  function revealWithheld(actor: User, messageId: string): RevealedMessage {
    const message = getMessage(db, messageId);
    if (!message) throw notFound('Message', messageId);
    const row = getWithheld(db, messageId);
    if (!row) throw new AppError('NOT_FOUND', 'Nothing was withheld from this message');
    if (row.ownerId === null || row.ownerId !== actor.id)
      throw new AppError('FORBIDDEN', 'Only the person who pasted these secrets can show them');
    const body = revealedBody(db, row, message.body);
    if (body === null)
      throw new AppError(
        'NOT_CONFIGURED',
        'These secrets were sealed with a key this computer does not have (or the keychain is locked), so they cannot be shown.',
      );
    appendAudit(
      db,
      { actorId: actor.id, action: 'message.reveal-withheld', entityType: 'message', entityId: messageId },
      clock.now(),
    );
    return { messageId, body };
  }

  /** A title the technician chose (the problem statement is kept as it was). */
  function rename(actor: User, id: string, title: string): SessionSummary {
    const now = clock.now();
    const row = inTransaction(db, () => {
      const before = getSessionRow(db, id);
      if (!before) throw notFound('Session', id);
      const renamed = renameSession(db, id, title, now)!;
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'session.rename',
          entityType: 'session',
          entityId: id,
          details: { from: before.title, to: title },
        },
        now,
      );
      return renamed;
    });
    const summary = toSessionSummary(row);
    events.emit('session_updated', summary);
    events.emit('session_changed', { sessionId: id });
    return summary;
  }

  return { list, get, create, addMessage, requestEscalation, revealWithheld, rename };
}

export type SessionService = ReturnType<typeof createSessionService>;
