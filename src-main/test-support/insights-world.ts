// A team's history written through the real services at chosen times, for the Insights tests and the
// e2e screens: sessions, escalations and parks, claims, resumes, resolutions (with the assessment
// answer), suggested fixes with decisions and outcomes, and team escalations imported from ConnectWise.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AssessmentVerdict, HandoffAssessment, Priority, User } from '../../src-preload/contract';
import type { Core } from '../core';
import { recordSuggestedFix } from '../fixes/fix-service';
import { inTransaction } from '../store/database';
import { setAssessment } from '../store/repos/handoffs';
import { activeFix } from '../store/repos/suggested-fixes';
import { rememberTicketBoard } from '../store/repos/ticket-boards';
import { sessions } from '../store/schema';
import { importHandoff } from '../team/import-handoff';

/** A clock the world sets to each event's time. */
export function settableClock(start: number) {
  let now = start;
  return {
    now: () => now,
    set: (ms: number) => {
      now = ms;
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function insightsWorld(core: Core, clock: ReturnType<typeof settableClock>) {
  const { services, db } = core;
  const at = (ms: number) => clock.set(ms);

  /** A session started (with its first message) at `when`, optionally in a domain / on a ticket's board. */
  function startSession(
    as: User,
    when: number,
    options: {
      title?: string;
      domain?: string;
      ticket?: { id: number; board: { id: number; name: string } };
    } = {},
  ): string {
    at(when);
    const session = services.sessions.create(as, { title: options.title });
    services.sessions.addMessage(as, session.id, options.title ?? 'Printer queue stuck again');
    if (options.domain || options.ticket) {
      // Nothing in the app sets a domain yet; a linked ticket's board is remembered as the link does.
      db.update(sessions)
        .set({ problemDomain: options.domain ?? null, psaTicketId: options.ticket?.id ?? null })
        .where(eq(sessions.id, session.id))
        .run();
      if (options.ticket) rememberTicketBoard(db, options.ticket.id, options.ticket.board, when);
    }
    return session.id;
  }

  function handOff(
    as: User,
    sessionId: string,
    when: number,
    intent: 'escalate' | 'park',
    priority: Priority,
  ): string {
    at(when);
    return services.handoffs.create(as, {
      sessionId,
      intent,
      priority,
      reason: intent === 'escalate' ? 'Needs a senior' : '',
    }).handoff.id;
  }

  return {
    startSession,
    handOff,
    /** A session started at `when` and escalated `after` ms later; returns both ids. */
    escalated(
      as: User,
      when: number,
      priority: Priority,
      options: Parameters<typeof startSession>[2] & { after?: number } = {},
    ) {
      const sessionId = startSession(as, when, options);
      const handoffId = handOff(as, sessionId, when + (options.after ?? MINUTE), 'escalate', priority);
      return { sessionId, handoffId };
    },
    /** The enrichment job's result, as it would store it. */
    assess(handoffId: string, likelyCause: string, confidence: HandoffAssessment['confidence']) {
      setAssessment(db, handoffId, {
        state: 'ready',
        data: {
          summary_prose: `Probably ${likelyCause.toLowerCase()}.`,
          what_we_know: [],
          likely_cause: likelyCause,
          suggested_steps: [],
          confidence,
        },
      });
    },
    claim: async (as: User, handoffId: string, when: number) => {
      at(when);
      return services.handoffs.claim(as, handoffId);
    },
    resume(as: User, sessionId: string, when: number) {
      at(when);
      return services.handoffs.resume(as, sessionId);
    },
    /** "Confirm & post" of a resolution note (no ticket linked), with the assessment answer if given. */
    async resolve(
      as: User,
      sessionId: string,
      when: number,
      check?: { handoffId: string; verdict: AssessmentVerdict },
    ) {
      at(when);
      const outcome = await services.notePosting.post(as, {
        sessionId,
        kind: 'resolve',
        markdown: '## Resolution\nRestarted the spooler and cleared the stuck job.',
        assessmentCheck: check,
      });
      // The resolution's events go out on the next turn: let them, before the store may be closed.
      await new Promise((done) => setImmediate(done));
      return outcome;
    },
    /** The assistant proposes a fix at `when`; the technician decides and records how it went. */
    fix(
      as: User,
      sessionId: string,
      when: number,
      confidence: number,
      then: { decision?: 'apply_once' | 'dismissed'; outcome?: 'worked' | 'failed' | 'pending' } = {},
    ) {
      at(when);
      inTransaction(db, () =>
        recordSuggestedFix(
          db,
          sessionId,
          randomUUID(),
          { text: 'Clear the print spooler', confidence },
          when,
        ),
      );
      const fix = activeFix(db, sessionId)!;
      if (then.decision) services.fixes.decide(as, { id: fix.id, decision: then.decision });
      if (then.outcome)
        services.fixes.recordOutcome(as, {
          id: fix.id,
          outcome: then.outcome,
          reason: then.outcome === 'worked' ? undefined : 'Still jammed',
        });
    },
    /** A team escalation another Baton posted on ConnectWise ticket `ticketId`, imported here at `when`. */
    imported(
      from: { name: string; email: string },
      when: number,
      priority: Priority,
      ticket: { id: number; board?: { id: number; name: string } },
    ) {
      at(when);
      const handoffId = randomUUID();
      const sessionId = randomUUID();
      importHandoff(
        db,
        (request) => core.enqueue(request),
        {
          ticketId: ticket.id,
          noteId: ticket.id * 10,
          noteCreatedAt: when,
          packageText: '## Problem\nVPN drops every ten minutes.',
          trailer: {
            v: 1,
            handoffId,
            sessionId,
            title: 'VPN drops every ten minutes',
            priority,
            reason: 'Needs firewall access',
            notes: null,
            from,
            ticketNumber: 'BTN-20260301-0001',
            snapshotRef: 'sha256:0',
            snapshot: {
              summary: 'VPN drops',
              stepCount: 2,
              factCount: 1,
              confidence: 'medium',
              branches: [],
            },
          },
        },
        when,
      );
      if (ticket.board) rememberTicketBoard(db, ticket.id, ticket.board, when);
      return { sessionId, handoffId };
    },
  };
}

export type InsightsWorld = ReturnType<typeof insightsWorld>;
