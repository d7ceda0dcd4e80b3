import { asc, eq, sql } from 'drizzle-orm';
import type { Message, MessageRole } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { messages, users } from '../schema';

type MessageRow = typeof messages.$inferSelect;

export const toMessage = (row: MessageRow, authorName: string | null): Message => ({
  id: row.id,
  sessionId: row.sessionId,
  role: row.role,
  authorId: row.authorId,
  authorName,
  body: row.body,
  createdAt: row.createdAt,
});

export function insertMessage(
  db: Db,
  input: {
    id: string;
    sessionId: string;
    role: MessageRole;
    authorId: string | null;
    body: string;
    seq: number;
  },
  now: number,
): MessageRow {
  return prepared(db, 'messages.insert', (d) =>
    d
      .insert(messages)
      .values({
        id: sql.placeholder('id'),
        sessionId: sql.placeholder('sessionId'),
        role: sql.placeholder('role'),
        authorId: sql.placeholder('authorId'),
        body: sql.placeholder('body'),
        seq: sql.placeholder('seq'),
        createdAt: sql.placeholder('now'),
      })
      .returning()
      .prepare(),
  ).get({ ...input, now });
}

export function listMessages(db: Db, sessionId: string): Message[] {
  return prepared(db, 'messages.bySession', (d) =>
    d
      .select({ message: messages, authorName: users.name })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(eq(messages.sessionId, sql.placeholder('sessionId')))
      .orderBy(asc(messages.seq))
      .prepare(),
  )
    .all({ sessionId })
    .map((r) => toMessage(r.message, r.authorName));
}
