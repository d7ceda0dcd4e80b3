import { and, asc, eq, sql } from 'drizzle-orm';
import type { MessageRole } from '../../../src-preload/contract';
import type { PreparedText } from '../../redaction/at-rest';
import { prepareText } from '../../redaction/at-rest';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { messages, users, withheldSecrets } from '../schema';
import { insertWithheld } from './withheld-secrets';

export type MessageRow = typeof messages.$inferSelect;
/** A stored message with its author's name; services turn it into the contract's Message. */
export type MessageRecord = MessageRow & { authorName: string | null };

/**
 * Stores a message with placeholders where it held secrets, and seals what they replaced (issue 14); a
 * body prepared beforehand (prepareTextInChunks, for a large paste) is stored as it is. Call inside the
 * caller's transaction: the message and its sealed values are written together.
 */
export function insertMessage(
  db: Db,
  input: {
    id: string;
    sessionId: string;
    role: MessageRole;
    authorId: string | null;
    body: string | PreparedText;
    seq: number;
    status?: MessageRow['status'];
    replyToId?: string | null;
    model?: string | null;
  },
  now: number,
): MessageRow {
  const body = typeof input.body === 'string' ? prepareText(input.body) : input.body;
  const row = prepared(db, 'messages.insert', (d) =>
    d
      .insert(messages)
      .values({
        id: sql.placeholder('id'),
        sessionId: sql.placeholder('sessionId'),
        role: sql.placeholder('role'),
        authorId: sql.placeholder('authorId'),
        body: sql.placeholder('body'),
        seq: sql.placeholder('seq'),
        status: sql.placeholder('status'),
        replyToId: sql.placeholder('replyToId'),
        model: sql.placeholder('model'),
        createdAt: sql.placeholder('now'),
      })
      .returning()
      .prepare(),
  ).get({ status: 'complete', replyToId: null, model: null, ...input, body: body.text, now });
  if (body.spans.length > 0)
    insertWithheld(
      db,
      { messageId: row.id, ownerId: row.authorId, spans: body.spans, values: body.values },
      now,
    );
  return row;
}

export function listMessages(db: Db, sessionId: string): MessageRecord[] {
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
    .map((r) => ({ ...r.message, authorName: r.authorName }));
}

export function getMessage(db: Db, id: string): MessageRecord | null {
  // Prepared: every note typed in the composer looks its id up first (an idempotent retry).
  const row = prepared(db, 'messages.byId', (d) =>
    d
      .select({ message: messages, authorName: users.name })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(eq(messages.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  return row ? { ...row.message, authorName: row.authorName } : null;
}

export function findReply(db: Db, replyToId: string): MessageRow | null {
  return db.select().from(messages).where(eq(messages.replyToId, replyToId)).get() ?? null;
}

/** An assistant reply's text, stored like any message: placeholders in, withheld values sealed. */
export function updateReply(
  db: Db,
  id: string,
  changes: { body: string; status: MessageRow['status']; model?: string | null },
): MessageRow | null {
  const body = prepareText(changes.body);
  const row =
    db
      .update(messages)
      .set({ ...changes, body: body.text })
      .where(and(eq(messages.id, id), eq(messages.role, 'assistant')))
      .returning()
      .get() ?? null;
  if (row && body.spans.length > 0)
    insertWithheld(
      db,
      { messageId: id, ownerId: null, spans: body.spans, values: body.values },
      row.createdAt,
    );
  else if (row) db.delete(withheldSecrets).where(eq(withheldSecrets.messageId, id)).run();
  return row;
}
