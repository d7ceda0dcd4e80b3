import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Message, SessionDetail, SessionsCreateInput, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { insertMessage, listMessages, toMessage } from '../store/repos/messages';
import type { ListSessionsQuery, SessionRow } from '../store/repos/sessions';
import {
  bumpForNewMessage,
  getSessionRow,
  insertSession,
  listSessions,
  setSessionTitle,
  toSessionSummary,
} from '../store/repos/sessions';

export const UNTITLED_SESSION = 'New session';

const TITLE_MAX = 80;

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

const toDetail = (row: SessionRow, messages: Message[]): SessionDetail => ({
  ...toSessionSummary(row),
  problemSummary: row.problemSummary,
  stateVersion: row.stateVersion,
  createdById: row.createdById,
  messages,
});

/** Troubleshooting sessions and their conversation, written locally first (works offline). */
export interface SessionEffects {
  /** Called inside the transaction that stores a note: enqueue its external effects here. */
  onNoteAdded?: (message: Message) => void;
}

export function createSessionService(db: Db, clock: Clock, events: CoreEvents, effects: SessionEffects = {}) {
  function list(query: ListSessionsQuery) {
    return listSessions(db, query);
  }

  function get(id: string): SessionDetail {
    const row = getSessionRow(db, id);
    if (!row) throw notFound('Session', id);
    return toDetail(row, listMessages(db, id));
  }

  function create(actor: User, input: z.output<typeof SessionsCreateInput>): SessionDetail {
    const now = clock.now();
    const row = inTransaction(db, () => {
      const created = insertSession(
        db,
        { id: randomUUID(), title: input.title || UNTITLED_SESSION, createdById: actor.id },
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
    return toDetail(row, []);
  }

  /** The session row exists before any message is stored: a message for an unknown session is refused. */
  function addMessage(actor: User, sessionId: string, body: string): Message {
    const now = clock.now();
    const { message, session } = inTransaction(db, () => {
      let bumped = bumpForNewMessage(db, sessionId, now);
      if (!bumped) throw notFound('Session', sessionId);
      if (bumped.messageCount === 1 && bumped.title === UNTITLED_SESSION) {
        // An untitled session takes its name from the first thing the technician wrote.
        bumped = { ...bumped, title: titleFrom(body) };
        setSessionTitle(db, sessionId, bumped.title);
      }
      const row = insertMessage(
        db,
        { id: randomUUID(), sessionId, role: 'user', authorId: actor.id, body, seq: bumped.messageCount },
        now,
      );
      const stored = toMessage(row, actor.name);
      effects.onNoteAdded?.(stored);
      return { message: stored, session: bumped };
    });
    events.emit('message_added', message);
    events.emit('session_updated', toSessionSummary(session));
    return message;
  }

  return { list, get, create, addMessage };
}

export type SessionService = ReturnType<typeof createSessionService>;
