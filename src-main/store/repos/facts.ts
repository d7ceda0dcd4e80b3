import { asc, count, eq, sql } from 'drizzle-orm';
import type { Fact } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { facts } from '../schema';

type FactRow = typeof facts.$inferSelect;

export const toFact = (row: FactRow): Fact => ({
  id: row.id,
  sessionId: row.sessionId,
  text: row.text,
  source: row.source,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export function insertFact(
  db: Db,
  input: Pick<Fact, 'id' | 'sessionId' | 'text' | 'source'> & { sourceMessageId?: string | null },
  now: number,
): Fact {
  return toFact(
    db
      .insert(facts)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get(),
  );
}

export function getFact(db: Db, id: string): Fact | null {
  const row = db.select().from(facts).where(eq(facts.id, id)).get();
  return row ? toFact(row) : null;
}

export function updateFact(db: Db, id: string, text: string, now: number): Fact | null {
  const row = db.update(facts).set({ text, updatedAt: now }).where(eq(facts.id, id)).returning().get();
  return row ? toFact(row) : null;
}

export function deleteFact(db: Db, id: string): boolean {
  return db.delete(facts).where(eq(facts.id, id)).run().changes === 1;
}

export function listFacts(db: Db, sessionId: string): Fact[] {
  return db
    .select()
    .from(facts)
    .where(eq(facts.sessionId, sessionId))
    .orderBy(asc(facts.createdAt), asc(facts.id))
    .all()
    .map(toFact);
}

/** How many facts the session has (a handoff's snapshot counts them on the click path). */
export function countFacts(db: Db, sessionId: string): number {
  return prepared(db, 'facts.count', (d) =>
    d
      .select({ n: count() })
      .from(facts)
      .where(eq(facts.sessionId, sql.placeholder('sessionId')))
      .prepare(),
  ).get({ sessionId })!.n;
}
