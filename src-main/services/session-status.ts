// The session status rules (DESIGN §3) in one place. Every writer of a session's status — handoffs
// (park, escalate, claim, resume), resolving, asking for a senior — asks this module first, inside its
// transaction, so the rules cannot drift apart between services.
import type { SessionStatus } from '../../src-preload/contract';
import { AppError } from '../errors';

export type SessionAction = 'park' | 'escalate' | 'request-escalation' | 'claim' | 'resume' | 'resolve';

export const SESSION_TRANSITIONS: Record<
  SessionAction,
  { from: readonly SessionStatus[]; to: SessionStatus }
> = {
  /** active → paused */
  park: { from: ['active'], to: 'paused' },
  /** active | paused (| waiting for the escalation form) → escalated; a resolved session may be reopened */
  escalate: { from: ['active', 'paused', 'requesting_escalation', 'resolved'], to: 'escalated' },
  /** the chat's "Escalate to a senior": the session waits for the escalation form */
  'request-escalation': { from: ['active', 'paused'], to: 'requesting_escalation' },
  /** escalated → active for the claimer; a parked session taken over from the queue */
  claim: { from: ['escalated', 'paused'], to: 'active' },
  /** the person who parked it carries on */
  resume: { from: ['paused'], to: 'active' },
  resolve: { from: ['active', 'paused', 'requesting_escalation', 'escalated'], to: 'resolved' },
};

export function canTransition(action: SessionAction, current: SessionStatus): boolean {
  return SESSION_TRANSITIONS[action].from.includes(current);
}

const REFUSALS: Partial<Record<SessionAction, (current: SessionStatus) => string>> = {
  resume: (current) => `Session is ${current}, not parked`,
  claim: (current) => `No longer waiting: the session is ${current}`,
};

/** The status `action` leads to from `current`, or CONFLICT "Session is already {status}". */
export function assertTransition(action: SessionAction, current: SessionStatus): SessionStatus {
  if (canTransition(action, current)) return SESSION_TRANSITIONS[action].to;
  const message = REFUSALS[action]?.(current) ?? `Session is already ${current}`;
  throw new AppError('CONFLICT', message, { status: current });
}
