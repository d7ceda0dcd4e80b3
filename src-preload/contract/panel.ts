// The side panel's items: steps, facts and the hypothesis tree, each added and edited on its own.
import { z } from 'zod';
import { clientId, id, shortText } from './fields';
import { TEXT_LIMITS } from './limits';

export const STEP_SOURCES = ['assistant', 'technician'] as const;
export interface Step {
  id: string;
  sessionId: string;
  seq: number;
  text: string;
  options: string[];
  selectedOption: string | null;
  freeText: string | null;
  skipped: boolean;
  hypothesisId: string | null;
  source: (typeof STEP_SOURCES)[number];
  createdAt: number;
  updatedAt: number;
}

export interface Fact {
  id: string;
  sessionId: string;
  text: string;
  source: (typeof STEP_SOURCES)[number];
  createdAt: number;
  updatedAt: number;
}

export const HYPOTHESIS_STATUSES = ['untried', 'active', 'dead_end', 'solved'] as const;
export type HypothesisStatus = (typeof HYPOTHESIS_STATUSES)[number];
export interface Hypothesis {
  id: string;
  sessionId: string;
  parentId: string | null;
  seq: number;
  label: string;
  status: HypothesisStatus;
  reason: string | null;
  createdAt: number;
  updatedAt: number;
}

export const StepAddInput = z.object({
  sessionId: id('session'),
  id: clientId('step'),
  text: shortText('Step', TEXT_LIMITS.step),
  options: z.array(z.string().trim().min(1).max(TEXT_LIMITS.stepOption)).max(12).default([]),
  hypothesisId: id('hypothesis').nullable().optional(),
});
export const StepUpdateInput = z.object({
  id: id('step'),
  text: shortText('Step', TEXT_LIMITS.step).optional(),
  selectedOption: z.string().trim().max(TEXT_LIMITS.stepOption).nullable().optional(),
  freeText: z
    .string()
    .trim()
    .max(TEXT_LIMITS.stepNote, `A step's note must be at most ${TEXT_LIMITS.stepNote} characters`)
    .nullable()
    .optional(),
  skipped: z.boolean().optional(),
  hypothesisId: id('hypothesis').nullable().optional(),
});
export const FactAddInput = z.object({
  sessionId: id('session'),
  id: clientId('fact'),
  text: shortText('Fact', TEXT_LIMITS.fact),
});
export const FactUpdateInput = z.object({ id: id('fact'), text: shortText('Fact', TEXT_LIMITS.fact) });
export const HypothesisAddInput = z.object({
  sessionId: id('session'),
  id: clientId('hypothesis'),
  label: shortText('Hypothesis', TEXT_LIMITS.hypothesis),
  parentId: id('hypothesis').nullable().optional(),
});
export const HypothesisUpdateInput = z
  .object({
    id: id('hypothesis'),
    label: shortText('Hypothesis', TEXT_LIMITS.hypothesis).optional(),
    status: z.enum(HYPOTHESIS_STATUSES).optional(),
    reason: z
      .string()
      .trim()
      .max(TEXT_LIMITS.hypothesisReason, `The reason is at most ${TEXT_LIMITS.hypothesisReason} characters`)
      .nullable()
      .optional(),
  })
  .refine((h) => !(h.status === 'dead_end' || h.status === 'solved') || (h.reason ?? '').length > 0, {
    message: 'Say why: a ruled-out or confirmed hypothesis needs a reason',
    path: ['reason'],
  });
export const EntityIdInput = z.object({ id: z.uuid('Unknown id') });
