// Suggested fixes (DESIGN §3): the assistant proposes, the technician decides. At most one active fix
// per session (a newer one supersedes it); a decision or an outcome bumps state_version because the
// notes say what was applied and whether it worked.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { FixDecisionInput, FixOutcomeInput, SuggestedFix, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { bumpStateVersion } from '../store/repos/sessions';
import {
  activeFix,
  getFixRow,
  insertFixTemplate,
  insertSuggestion,
  toSuggestedFix,
  updateFix,
} from '../store/repos/suggested-fixes';

const APPLIED = new Set(['apply_once', 'save_as_template']);

/** Records the assistant's proposal (inside the reply's transaction). */
export function recordSuggestedFix(
  db: Db,
  sessionId: string,
  messageId: string,
  fix: { text: string; confidence: number },
  now: number,
): void {
  insertSuggestion(db, { id: randomUUID(), sessionId, messageId, ...fix }, now);
}

/**
 * Before an escalation: a fix that was applied but whose outcome nobody recorded must be settled
 * first, so the senior knows whether it worked.
 */
export function assertFixSettled(db: Db, sessionId: string): void {
  const fix = activeFix(db, sessionId);
  if (fix?.userDecision && APPLIED.has(fix.userDecision) && fix.outcome === null)
    throw new AppError('CONFLICT', 'Record whether the suggested fix worked before escalating', {
      fixId: fix.id,
    });
}

/** Resolving promotes a pending fix to worked (call inside the resolve transaction). */
export function promotePendingFix(db: Db, sessionId: string, now: number): void {
  const fix = activeFix(db, sessionId);
  if (fix?.outcome === 'pending') updateFix(db, fix.id, { outcome: 'worked', outcomeAt: now });
}

export function createFixService(deps: { db: Db; clock: Clock; events: CoreEvents }) {
  const { db, clock, events } = deps;

  function write(actor: User, id: string, action: string, change: (fix: SuggestedFix) => void) {
    const now = clock.now();
    const fix = inTransaction(db, () => {
      const row = getFixRow(db, id);
      if (!row) throw notFound('Suggested fix', id);
      change(toSuggestedFix(row));
      bumpStateVersion(db, row.sessionId, now);
      appendAudit(db, { actorId: actor.id, action, entityType: 'suggested_fix', entityId: id }, now);
      return toSuggestedFix(getFixRow(db, id)!);
    });
    events.emit('session_changed', { sessionId: fix.sessionId });
    return fix;
  }

  function decide(actor: User, input: z.output<typeof FixDecisionInput>): SuggestedFix {
    const now = clock.now();
    return write(actor, input.id, `fix.${input.decision}`, (fix) => {
      if (input.decision === 'dismissed' && fix.superseded)
        throw new AppError('CONFLICT', 'This fix was already superseded by a newer suggestion');
      if (fix.decision !== null)
        throw new AppError(
          'CONFLICT',
          `A decision was already recorded: ${fix.decision.replaceAll('_', ' ')}`,
        );
      updateFix(db, fix.id, {
        userDecision: input.decision,
        decidedById: actor.id,
        decidedAt: now,
        ...(input.decision === 'dismissed' ? { supersededAt: now } : {}),
      });
      if (input.decision === 'save_as_template')
        insertFixTemplate(
          db,
          { id: randomUUID(), text: fix.text, sourceFixId: fix.id, createdById: actor.id },
          now,
        );
    });
  }

  function recordOutcome(actor: User, input: z.output<typeof FixOutcomeInput>): SuggestedFix {
    const now = clock.now();
    return write(actor, input.id, `fix.outcome.${input.outcome}`, (fix) => {
      if (!fix.decision || !APPLIED.has(fix.decision))
        throw new AppError('CONFLICT', 'Apply the fix before recording whether it worked');
      updateFix(db, fix.id, {
        outcome: input.outcome,
        outcomeReason: input.outcome === 'worked' ? null : (input.reason ?? null),
        outcomeAt: now,
      });
    });
  }

  return { decide, recordOutcome, active: (sessionId: string) => activeFix(db, sessionId) };
}

export type FixService = ReturnType<typeof createFixService>;
