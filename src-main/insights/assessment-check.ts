// "Was the assessment right?" (issue 18): when an escalated session is resolved, the resolve dialog
// shows the escalation assessment's likely cause and asks right / partly / wrong. The answer is written
// in the resolution's own transaction (notes/note-posting.ts calls recordAssessmentCheck), so it exists
// exactly when the resolution was accepted; Insights turns the answers into a calibration chart.
import type { z } from 'zod';
import type {
  AssessmentConfidence,
  AssessmentToCheck,
  HandoffAssessment,
  NotePostInput,
  User,
} from '../../src-preload/contract';
import { ASSESSMENT_CONFIDENCES } from '../../src-preload/contract';
import { AppError, notFound } from '../errors';
import type { Db } from '../store/database';
import { latestAssessedEscalation, putAssessmentCheck } from '../store/repos/assessment-checks';
import { appendAudit } from '../store/repos/audit-log';
import { getHandoffRow } from '../store/repos/handoffs';
import { getSessionRow } from '../store/repos/sessions';

const confidenceOf = (data: HandoffAssessment): AssessmentConfidence =>
  ASSESSMENT_CONFIDENCES.includes(data.confidence) ? data.confidence : 'medium';

/** The assessment the resolve dialog asks about, or null when the session has none to check. */
export function assessmentToCheck(db: Db, sessionId: string): AssessmentToCheck | null {
  if (!getSessionRow(db, sessionId)) throw notFound('Session', sessionId);
  const row = latestAssessedEscalation(db, sessionId);
  if (!row?.data) return null;
  const data = JSON.parse(row.data) as HandoffAssessment;
  if (!data.likely_cause.trim()) return null;
  return {
    handoffId: row.handoffId,
    likelyCause: data.likely_cause,
    confidence: confidenceOf(data),
    draftedOffline: row.offline,
    verdict: row.verdict,
  };
}

/**
 * Stores the answer sent with a resolve post (nothing for other posts or without an answer). Call it
 * inside the resolution's transaction: a refused resolution keeps no answer.
 */
export function recordAssessmentCheck(
  db: Db,
  actor: User,
  input: Pick<z.output<typeof NotePostInput>, 'kind' | 'sessionId' | 'assessmentCheck'>,
  now: number,
): void {
  const check = input.kind === 'resolve' ? input.assessmentCheck : undefined;
  if (!check) return;
  const handoff = getHandoffRow(db, check.handoffId);
  const data =
    handoff?.sessionId === input.sessionId && handoff.intent === 'escalate' && handoff.aiAssessmentData
      ? (JSON.parse(handoff.aiAssessmentData) as HandoffAssessment)
      : null;
  if (!data)
    throw new AppError('VALIDATION', 'That assessment is not one of this session’s escalations', {
      fields: [{ path: 'assessmentCheck.handoffId', message: 'Not an assessed escalation of this session' }],
    });
  putAssessmentCheck(db, {
    handoffId: check.handoffId,
    sessionId: input.sessionId,
    verdict: check.verdict,
    confidence: confidenceOf(data),
    checkedById: actor.id,
    checkedAt: now,
  });
  appendAudit(
    db,
    {
      actorId: actor.id,
      action: 'assessment.check',
      entityType: 'handoff',
      entityId: check.handoffId,
      details: { verdict: check.verdict },
    },
    now,
  );
}
