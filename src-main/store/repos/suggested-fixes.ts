import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { SuggestedFix } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { fixTemplates, suggestedFixes } from '../schema';

export type SuggestedFixRow = typeof suggestedFixes.$inferSelect;

export const toSuggestedFix = (r: SuggestedFixRow): SuggestedFix => ({
  id: r.id,
  sessionId: r.sessionId,
  text: r.text,
  confidence: r.confidence,
  createdAt: r.createdAt,
  superseded: r.supersededAt !== null,
  decision: r.userDecision,
  decidedAt: r.decidedAt,
  outcome: r.outcome,
  outcomeReason: r.outcomeReason,
});

export function getFixRow(db: Db, id: string): SuggestedFixRow | undefined {
  return db.select().from(suggestedFixes).where(eq(suggestedFixes.id, id)).get();
}

/** The session's one active (not superseded) fix, if any. */
export function activeFix(db: Db, sessionId: string): SuggestedFixRow | undefined {
  return prepared(db, 'suggestedFixes.active', (d) =>
    d
      .select()
      .from(suggestedFixes)
      .where(
        and(eq(suggestedFixes.sessionId, sql.placeholder('sessionId')), isNull(suggestedFixes.supersededAt)),
      )
      .orderBy(desc(suggestedFixes.createdAt))
      .limit(1)
      .prepare(),
  ).get({ sessionId });
}

/** Inserts a suggestion, superseding the active one (call inside a transaction). */
export function insertSuggestion(
  db: Db,
  row: { id: string; sessionId: string; messageId: string | null; text: string; confidence: number },
  now: number,
): void {
  db.update(suggestedFixes)
    .set({ supersededAt: now })
    .where(and(eq(suggestedFixes.sessionId, row.sessionId), isNull(suggestedFixes.supersededAt)))
    .run();
  db.insert(suggestedFixes)
    .values({ ...row, createdAt: now })
    .run();
}

export function updateFix(db: Db, id: string, patch: Partial<SuggestedFixRow>): void {
  db.update(suggestedFixes).set(patch).where(eq(suggestedFixes.id, id)).run();
}

export function insertFixTemplate(
  db: Db,
  row: { id: string; text: string; sourceFixId: string; createdById: string },
  now: number,
): void {
  db.insert(fixTemplates)
    .values({ ...row, createdAt: now })
    .run();
}
