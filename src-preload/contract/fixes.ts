// Suggested fixes: what the assistant proposed, what the technician decided, and whether it worked.
import { z } from 'zod';
import { TEXT_LIMITS } from './limits';

/** A fix the assistant proposed (DESIGN §3, Suggested fixes). */
export const FIX_DECISIONS = ['apply_once', 'save_as_template', 'dismissed'] as const;
export type FixDecision = (typeof FIX_DECISIONS)[number];
export const FIX_OUTCOMES = ['worked', 'pending', 'failed'] as const;
export type FixOutcome = (typeof FIX_OUTCOMES)[number];
export interface SuggestedFix {
  id: string;
  sessionId: string;
  text: string;
  /** 0–100. */
  confidence: number;
  createdAt: number;
  superseded: boolean;
  decision: FixDecision | null;
  decidedAt: number | null;
  /** After applying: did it work (pending and failed carry a reason). */
  outcome: FixOutcome | null;
  outcomeReason: string | null;
}

export const FixDecisionInput = z.object({
  id: z.uuid('Unknown fix id'),
  decision: z.enum(FIX_DECISIONS, { error: 'Choose apply once, save as template or dismiss' }),
});
export const FixOutcomeInput = z
  .object({
    id: z.uuid('Unknown fix id'),
    outcome: z.enum(FIX_OUTCOMES, { error: 'Choose worked, pending or failed' }),
    reason: z.string().trim().max(TEXT_LIMITS.fixReason, 'The reason is at most 1,000 characters').optional(),
  })
  .refine((v) => v.outcome === 'worked' || (v.reason ?? '') !== '', {
    message: 'Say why: what is still pending, or how it failed',
    path: ['reason'],
  });
