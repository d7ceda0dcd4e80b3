// The answer to "was the assessment's likely cause right?", one per assessed handoff (issue 18).
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { AssessmentConfidence, AssessmentVerdict } from '../../../src-preload/contract';
import type { Db } from '../database';
import { assessmentChecks, handoffs } from '../schema';

export type AssessmentCheckRow = typeof assessmentChecks.$inferSelect;

/** The session's latest escalation whose assessment is ready, with the answer given so far (if any). */
export function latestAssessedEscalation(db: Db, sessionId: string) {
  return db
    .select({
      handoffId: handoffs.id,
      data: handoffs.aiAssessmentData,
      offline: handoffs.assessmentOffline,
      verdict: assessmentChecks.verdict,
    })
    .from(handoffs)
    .leftJoin(assessmentChecks, eq(assessmentChecks.handoffId, handoffs.id))
    .where(
      and(
        eq(handoffs.sessionId, sessionId),
        eq(handoffs.intent, 'escalate'),
        eq(handoffs.assessmentState, 'ready'),
        isNotNull(handoffs.aiAssessmentData),
      ),
    )
    .orderBy(desc(handoffs.createdAt))
    .get();
}

/** Records the answer; a later answer for the same handoff replaces the earlier one. */
export function putAssessmentCheck(
  db: Db,
  row: {
    handoffId: string;
    sessionId: string;
    verdict: AssessmentVerdict;
    confidence: AssessmentConfidence;
    checkedById: string;
    checkedAt: number;
  },
): void {
  const { handoffId: _key, ...changes } = row;
  db.insert(assessmentChecks)
    .values(row)
    .onConflictDoUpdate({ target: assessmentChecks.handoffId, set: changes })
    .run();
}

export function getAssessmentCheck(db: Db, handoffId: string): AssessmentCheckRow | undefined {
  return db.select().from(assessmentChecks).where(eq(assessmentChecks.handoffId, handoffId)).get();
}
