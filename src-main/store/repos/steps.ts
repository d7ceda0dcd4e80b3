import { asc, count, eq, sql } from 'drizzle-orm';
import type { Step } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { steps } from '../schema';

type StepRow = typeof steps.$inferSelect;

export const toStep = (row: StepRow): Step => ({
  id: row.id,
  sessionId: row.sessionId,
  seq: row.seq,
  text: row.text,
  options: JSON.parse(row.options) as string[],
  selectedOption: row.selectedOption,
  freeText: row.freeText,
  skipped: row.skipped,
  hypothesisId: row.hypothesisId,
  source: row.source,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export function insertStep(
  db: Db,
  input: Pick<Step, 'id' | 'sessionId' | 'text' | 'options' | 'hypothesisId' | 'source'> & {
    sourceMessageId?: string | null;
  },
  now: number,
): Step {
  const seq = db
    .select({ next: sql<number>`coalesce(max(${steps.seq}), 0) + 1` })
    .from(steps)
    .where(eq(steps.sessionId, input.sessionId))
    .get()!.next;
  const row = db
    .insert(steps)
    .values({ ...input, options: JSON.stringify(input.options), seq, createdAt: now, updatedAt: now })
    .returning()
    .get();
  return toStep(row);
}

export function getStep(db: Db, id: string): Step | null {
  const row = db.select().from(steps).where(eq(steps.id, id)).get();
  return row ? toStep(row) : null;
}

export function updateStep(
  db: Db,
  id: string,
  changes: Partial<Pick<Step, 'text' | 'selectedOption' | 'freeText' | 'skipped' | 'hypothesisId'>>,
  now: number,
): Step | null {
  const row = db
    .update(steps)
    .set({ ...changes, updatedAt: now })
    .where(eq(steps.id, id))
    .returning()
    .get();
  return row ? toStep(row) : null;
}

export function deleteStep(db: Db, id: string): boolean {
  return db.delete(steps).where(eq(steps.id, id)).run().changes === 1;
}

export function listSteps(db: Db, sessionId: string): Step[] {
  return db
    .select()
    .from(steps)
    .where(eq(steps.sessionId, sessionId))
    .orderBy(asc(steps.seq))
    .all()
    .map(toStep);
}

/** How many steps the session has (a handoff's snapshot counts them on the click path). */
export function countSteps(db: Db, sessionId: string): number {
  return prepared(db, 'steps.count', (d) =>
    d
      .select({ n: count() })
      .from(steps)
      .where(eq(steps.sessionId, sql.placeholder('sessionId')))
      .prepare(),
  ).get({ sessionId })!.n;
}
