// The session's working notes: diagnostic steps, confirmed facts and hypothesis branches, written by
// hand or recorded from the assistant's markers. Every write bumps state_version (a drafted note
// must change when they do) and is audited.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  Fact,
  Hypothesis,
  HypothesisAddInput,
  HypothesisUpdateInput,
  Step,
  StepAddInput,
  StepUpdateInput,
  User,
} from '../../src-preload/contract';
import type { ParsedReply } from '../ai/reply-markers';
import type { Clock } from '../clock';
import { AppError, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { deleteFact, getFact, insertFact, updateFact } from '../store/repos/facts';
import {
  deleteHypothesis,
  findHypothesisByLabel,
  getHypothesis,
  insertHypothesis,
  updateHypothesis,
} from '../store/repos/hypotheses';
import { bumpStateVersion, getSessionRow, toSessionSummary } from '../store/repos/sessions';
import { deleteStep, getStep, insertStep, updateStep } from '../store/repos/steps';

type Entity = 'step' | 'fact' | 'hypothesis';

export function createWorkspaceService(db: Db, clock: Clock, events: CoreEvents) {
  /** Runs one change to a session's working notes: exists-check, write, state_version, audit, events. */
  function change<T>(
    actor: User | null,
    sessionId: string,
    entity: Entity,
    action: string,
    write: (now: number) => T,
  ): T {
    const now = clock.now();
    const { result, session } = inTransaction(db, () => {
      if (!getSessionRow(db, sessionId)) throw notFound('Session', sessionId);
      const result = write(now);
      const session = bumpStateVersion(db, sessionId, now)!;
      const entityId = (result as { id?: string } | null)?.id ?? null;
      appendAudit(
        db,
        { actorId: actor?.id ?? null, action: `${entity}.${action}`, entityType: entity, entityId },
        now,
      );
      return { result, session };
    });
    events.emit('session_updated', toSessionSummary(session));
    events.emit('session_changed', { sessionId });
    return result;
  }

  const owning = <T extends { sessionId: string }>(what: string, id: string, row: T | null): T => {
    if (!row) throw notFound(what, id);
    return row;
  };

  /**
   * An add carrying the renderer's id is idempotent: when a row already has that id (an earlier
   * attempt whose answer was lost), that row is the answer and nothing is written again.
   */
  function already<T extends { sessionId: string }>(
    id: string | undefined,
    sessionId: string,
    row: (id: string) => T | null,
  ): T | null {
    const existing = id ? row(id) : null;
    if (existing && existing.sessionId !== sessionId)
      throw new AppError('CONFLICT', 'Another session already has an item with this id');
    return existing;
  }

  function checkHypothesis(sessionId: string, hypothesisId: string | null | undefined) {
    if (!hypothesisId) return;
    const branch = getHypothesis(db, hypothesisId);
    if (!branch || branch.sessionId !== sessionId)
      throw new AppError('VALIDATION', 'That hypothesis belongs to another session');
  }

  return {
    addStep(actor: User, input: z.output<typeof StepAddInput>): Step {
      const existing = already(input.id, input.sessionId, (id) => getStep(db, id));
      if (existing) return existing;
      return change(actor, input.sessionId, 'step', 'add', (now) => {
        checkHypothesis(input.sessionId, input.hypothesisId);
        return insertStep(
          db,
          {
            id: input.id ?? randomUUID(),
            sessionId: input.sessionId,
            text: input.text,
            options: input.options,
            hypothesisId: input.hypothesisId ?? null,
            source: 'technician',
          },
          now,
        );
      });
    },
    updateStep(actor: User, input: z.output<typeof StepUpdateInput>): Step {
      const step = owning('Step', input.id, getStep(db, input.id));
      const { id: _id, ...changes } = input;
      if (changes.selectedOption && !step.options.includes(changes.selectedOption)) {
        throw new AppError('VALIDATION', `“${changes.selectedOption}” is not one of this step's answers`);
      }
      return change(actor, step.sessionId, 'step', 'update', (now) => {
        checkHypothesis(step.sessionId, changes.hypothesisId);
        return updateStep(db, step.id, changes, now)!;
      });
    },
    removeStep(actor: User, id: string): null {
      const step = owning('Step', id, getStep(db, id));
      return change(actor, step.sessionId, 'step', 'remove', () => (deleteStep(db, id), null));
    },
    addFact(actor: User, sessionId: string, text: string, id?: string): Fact {
      const existing = already(id, sessionId, (factId) => getFact(db, factId));
      if (existing) return existing;
      return change(actor, sessionId, 'fact', 'add', (now) =>
        insertFact(db, { id: id ?? randomUUID(), sessionId, text, source: 'technician' }, now),
      );
    },
    updateFact(actor: User, id: string, text: string): Fact {
      const fact = owning('Fact', id, getFact(db, id));
      return change(actor, fact.sessionId, 'fact', 'update', (now) => updateFact(db, id, text, now)!);
    },
    removeFact(actor: User, id: string): null {
      const fact = owning('Fact', id, getFact(db, id));
      return change(actor, fact.sessionId, 'fact', 'remove', () => (deleteFact(db, id), null));
    },
    addHypothesis(actor: User, input: z.output<typeof HypothesisAddInput>): Hypothesis {
      const existing = already(input.id, input.sessionId, (id) => getHypothesis(db, id));
      if (existing) return existing;
      return change(actor, input.sessionId, 'hypothesis', 'add', (now) => {
        checkHypothesis(input.sessionId, input.parentId);
        return insertHypothesis(
          db,
          {
            id: input.id ?? randomUUID(),
            sessionId: input.sessionId,
            parentId: input.parentId ?? null,
            label: input.label,
          },
          now,
        );
      });
    },
    updateHypothesis(actor: User, input: z.output<typeof HypothesisUpdateInput>): Hypothesis {
      const branch = owning('Hypothesis', input.id, getHypothesis(db, input.id));
      const { id: _id, ...changes } = input;
      // Reviving a dead end (back to untried or active) clears the reason it was ruled out.
      if (
        branch.status === 'dead_end' &&
        changes.status &&
        changes.status !== 'dead_end' &&
        changes.reason === undefined
      ) {
        changes.reason = null;
      }
      return change(
        actor,
        branch.sessionId,
        'hypothesis',
        changes.status ? `status.${changes.status}` : 'update',
        (now) => updateHypothesis(db, branch.id, changes, now)!,
      );
    },
    removeHypothesis(actor: User, id: string): null {
      const branch = owning('Hypothesis', id, getHypothesis(db, id));
      return change(actor, branch.sessionId, 'hypothesis', 'remove', () => (deleteHypothesis(db, id), null));
    },

    /** Records what an assistant reply's markers carried, inside the reply's own transaction. */
    recordFromReply(sessionId: string, messageId: string, parsed: ParsedReply, now: number): void {
      for (const text of parsed.facts)
        insertFact(
          db,
          { id: randomUUID(), sessionId, text, source: 'assistant', sourceMessageId: messageId },
          now,
        );
      for (const step of parsed.steps) {
        insertStep(
          db,
          {
            id: randomUUID(),
            sessionId,
            text: step.text,
            options: step.options,
            hypothesisId: null,
            source: 'assistant',
            sourceMessageId: messageId,
          },
          now,
        );
      }
      for (const label of parsed.hypotheses) {
        if (!findHypothesisByLabel(db, sessionId, label))
          insertHypothesis(db, { id: randomUUID(), sessionId, parentId: null, label }, now);
      }
      const settle = (entry: { label: string; reason: string }, status: 'dead_end' | 'solved') => {
        const branch =
          findHypothesisByLabel(db, sessionId, entry.label) ??
          insertHypothesis(db, { id: randomUUID(), sessionId, parentId: null, label: entry.label }, now);
        updateHypothesis(db, branch.id, { status, reason: entry.reason }, now);
      };
      parsed.ruledOut.forEach((entry) => settle(entry, 'dead_end'));
      parsed.confirmed.forEach((entry) => settle(entry, 'solved'));
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
