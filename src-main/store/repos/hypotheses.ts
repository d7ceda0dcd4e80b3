import { and, asc, eq, sql } from 'drizzle-orm';
import type { Hypothesis } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { hypotheses } from '../schema';

type HypothesisRow = typeof hypotheses.$inferSelect;

export const toHypothesis = (row: HypothesisRow): Hypothesis => ({
  id: row.id,
  sessionId: row.sessionId,
  parentId: row.parentId,
  seq: row.seq,
  label: row.label,
  status: row.status,
  reason: row.reason,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export function insertHypothesis(
  db: Db,
  input: Pick<Hypothesis, 'id' | 'sessionId' | 'parentId' | 'label'> & { status?: Hypothesis['status'] },
  now: number,
): Hypothesis {
  const seq = db
    .select({ next: sql<number>`coalesce(max(${hypotheses.seq}), 0) + 1` })
    .from(hypotheses)
    .where(eq(hypotheses.sessionId, input.sessionId))
    .get()!.next;
  return toHypothesis(
    db
      .insert(hypotheses)
      .values({ ...input, seq, createdAt: now, updatedAt: now })
      .returning()
      .get(),
  );
}

export function getHypothesis(db: Db, id: string): Hypothesis | null {
  const row = db.select().from(hypotheses).where(eq(hypotheses.id, id)).get();
  return row ? toHypothesis(row) : null;
}

export function findHypothesisByLabel(db: Db, sessionId: string, label: string): Hypothesis | null {
  const row = db
    .select()
    .from(hypotheses)
    .where(and(eq(hypotheses.sessionId, sessionId), sql`lower(${hypotheses.label}) = ${label.toLowerCase()}`))
    .get();
  return row ? toHypothesis(row) : null;
}

export function updateHypothesis(
  db: Db,
  id: string,
  changes: Partial<Pick<Hypothesis, 'label' | 'status' | 'reason'>>,
  now: number,
): Hypothesis | null {
  const row = db
    .update(hypotheses)
    .set({ ...changes, updatedAt: now })
    .where(eq(hypotheses.id, id))
    .returning()
    .get();
  return row ? toHypothesis(row) : null;
}

/** Children are re-parented to the removed branch's parent, so no branch is orphaned. */
export function deleteHypothesis(db: Db, id: string): boolean {
  const row = getHypothesis(db, id);
  if (!row) return false;
  db.update(hypotheses).set({ parentId: row.parentId }).where(eq(hypotheses.parentId, id)).run();
  return db.delete(hypotheses).where(eq(hypotheses.id, id)).run().changes === 1;
}

export function listHypotheses(db: Db, sessionId: string): Hypothesis[] {
  return prepared(db, 'hypotheses.bySession', (d) =>
    d
      .select()
      .from(hypotheses)
      .where(eq(hypotheses.sessionId, sql.placeholder('sessionId')))
      .orderBy(asc(hypotheses.seq))
      .prepare(),
  )
    .all({ sessionId })
    .map(toHypothesis);
}
