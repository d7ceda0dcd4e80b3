// What the redaction pass withheld from a stored message, sealed (redaction/at-rest.ts): placeholders'
// places in clear, the values and their previews encrypted, bound to the message id.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Withheld } from '../../../src-preload/contract';
import type { StoredSpan } from '../../redaction/at-rest';
import { atRestOf, restoreText } from '../../redaction/at-rest';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { messages, withheldSecrets } from '../schema';

export type WithheldRow = typeof withheldSecrets.$inferSelect;

export function insertWithheld(
  db: Db,
  input: { messageId: string; ownerId: string | null; spans: StoredSpan[]; values: string[] },
  now: number,
): void {
  const { sealed, keyId } = atRestOf(db.$client).seal(input.messageId, input.values);
  prepared(db, 'withheld.insert', (d) =>
    d
      .insert(withheldSecrets)
      .values({
        messageId: sql.placeholder('messageId'),
        ownerId: sql.placeholder('ownerId'),
        spans: sql.placeholder('spans'),
        sealed: sql.placeholder('sealed'),
        keyId: sql.placeholder('keyId'),
        createdAt: sql.placeholder('now'),
      })
      .onConflictDoUpdate({
        target: withheldSecrets.messageId,
        set: { spans: sql`excluded.spans`, sealed: sql`excluded.sealed`, keyId: sql`excluded.key_id` },
      })
      .prepare(),
  ).run({
    messageId: input.messageId,
    ownerId: input.ownerId,
    spans: JSON.stringify(input.spans),
    sealed,
    keyId,
    now,
  });
}

export function getWithheld(db: Db, messageId: string): WithheldRow | null {
  return (
    prepared(db, 'withheld.get', (d) =>
      d
        .select()
        .from(withheldSecrets)
        .where(eq(withheldSecrets.messageId, sql.placeholder('id')))
        .prepare(),
    ).get({ id: messageId }) ?? null
  );
}

/** The withheld rows of a session's messages, by message id. */
export function withheldOfSession(db: Db, sessionId: string): Map<string, WithheldRow> {
  const rows = prepared(db, 'withheld.bySession', (d) =>
    d
      .select({ row: withheldSecrets })
      .from(withheldSecrets)
      .innerJoin(messages, eq(messages.id, withheldSecrets.messageId))
      .where(eq(messages.sessionId, sql.placeholder('sessionId')))
      .prepare(),
  ).all({ sessionId });
  return new Map(rows.map((r) => [r.row.messageId, r.row]));
}

export function withheldOf(db: Db, messageIds: string[]): Map<string, WithheldRow> {
  if (messageIds.length === 0) return new Map();
  const rows = db.select().from(withheldSecrets).where(inArray(withheldSecrets.messageId, messageIds)).all();
  return new Map(rows.map((r) => [r.messageId, r]));
}

export const spansOf = (row: WithheldRow): StoredSpan[] => JSON.parse(row.spans) as StoredSpan[];

/** What the badge lists: label and a safe preview (from the sealed values; "hidden" when it cannot open). */
export function withheldView(db: Db, row: WithheldRow | undefined): Withheld[] {
  if (!row) return [];
  const spans = spansOf(row);
  const opened = atRestOf(db.$client).open(row.messageId, row.sealed, row.keyId);
  return spans.map((s, i) => ({ kind: s.kind, label: s.label, preview: opened?.previews[i] ?? 'hidden' }));
}

/** The message as it was typed, or null when the sealed values cannot be opened with this key. */
export function revealedBody(db: Db, row: WithheldRow, storedBody: string): string | null {
  const opened = atRestOf(db.$client).open(row.messageId, row.sealed, row.keyId);
  return opened ? restoreText(storedBody, spansOf(row), opened.values) : null;
}
