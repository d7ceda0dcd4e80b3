// The handoff's AI assessment, in the background (DESIGN §3). With a model: one call, its JSON
// normalised; offline it waits and tries again; any other failure leaves it "unavailable" (the
// queue never blocks on it). With no model configured, the offline drafter writes it, labelled.
import { z } from 'zod';
import type { HandoffAssessment } from '../../src-preload/contract';
import { draftAssessment } from '../ai/drafter';
import type { ChatProvider } from '../ai/providers/chat-provider';
import { draftContextOf, recordForModel } from '../ai/session-record';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import { defineJobKind } from '../jobs/job-kinds';
import { NetworkError } from '../net/http';
import type { Db } from '../store/database';
import { getHandoff, getHandoffRow, setAssessment } from '../store/repos/handoffs';
import { getSessionRow } from '../store/repos/sessions';
import { getUser } from '../store/repos/users';
import { ENRICHMENT_SYSTEM_PROMPT, normalizeAssessment } from './assessment';
import { HANDOFF_ENRICH } from './handoff-service';

export function enrichHandoffKind(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  provider: () => Promise<ChatProvider | null>;
  timeoutMs?: number;
}) {
  const { db, events } = deps;
  return defineJobKind({
    kind: HANDOFF_ENRICH,
    service: 'ai',
    maxAttempts: 6,
    payload: z.object({ handoffId: z.uuid() }),
    describe: () => 'AI assessment for a handoff',
    async run({ handoffId }, ctx) {
      const handoff = getHandoffRow(db, handoffId);
      const session = handoff && getSessionRow(db, handoff.sessionId);
      if (!handoff || !session) return; // deleted meanwhile: nothing to assess
      const context = draftContextOf(db, session, {
        technicianName: getUser(db, handoff.handedOffById)?.name ?? null,
        escalation: {
          reason: handoff.reason,
          notes: handoff.engineerNotes,
          intent: handoff.intent,
          priority: handoff.priority,
        },
        now: deps.clock.now(),
      });
      const provider = await deps.provider();
      let result: { data: HandoffAssessment; offline: boolean } | null = null;
      if (!provider) {
        result = { data: draftAssessment(context), offline: true };
      } else {
        const record = recordForModel(context, [
          `Handoff: ${handoff.intent}, priority ${handoff.priority}. Reason: ${handoff.reason}`,
          handoff.engineerNotes ? `Notes: ${handoff.engineerNotes}` : '',
        ]);
        const timeout = AbortSignal.timeout(deps.timeoutMs ?? 60_000);
        try {
          const signal = AbortSignal.any([ctx.signal, timeout]);
          const reply = await provider.streamChat(
            {
              system: ENRICHMENT_SYSTEM_PROMPT,
              messages: [{ role: 'user', content: record }],
              signal,
            },
            () => undefined,
          );
          const data = normalizeAssessment(reply.text);
          if (data) result = { data, offline: false };
        } catch (err) {
          if (ctx.signal.aborted) throw err; // shutting down: run again next start
          // Our own time limit cut the stream: however the SDK reports it, that is the timeout below.
          if (!timeout.aborted && err instanceof NetworkError && err.failure !== 'timeout') throw err; // offline: wait for the connection
          // A timeout or an error: "Assessment unavailable", and the handoff carries on without it.
        }
      }
      setAssessment(
        db,
        handoffId,
        result ? { state: 'ready', data: result.data, offline: result.offline } : { state: 'unavailable' },
      );
      const view = getHandoff(db, handoffId, handoff.handedOffById);
      if (view) events.emit('handoff_assessment_ready', view);
    },
  });
}
