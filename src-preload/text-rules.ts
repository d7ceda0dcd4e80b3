// The renderer's own check of a text before it is handed over for saving. Only main validates with
// zod (the renderer bundle carries an inert stand-in for zod, see src-renderer/build/zod-stand-in.ts),
// so these rules repeat, without zod, what the contract's schemas say about these texts: the same
// limit and the same words. text-rules.test.ts holds them to the schemas.
import { TEXT_LIMITS } from './contract';

export interface TextRule {
  max: number;
  /** What to say about a text that is empty once trimmed; absent when empty is allowed. */
  empty?: string;
  /** What to say about a text over `max` once trimmed. */
  long: string;
}

const short = (label: string, max: number): TextRule => ({
  max,
  empty: `${label} cannot be empty`,
  long: `${label} must be at most ${max} characters`,
});

export const TEXT_RULES = {
  message: {
    max: TEXT_LIMITS.message,
    empty: 'Type something first',
    long: 'That message is too long (100,000 characters at most)',
  },
  fact: short('Fact', TEXT_LIMITS.fact),
  hypothesis: short('Hypothesis', TEXT_LIMITS.hypothesis),
  step: short('Step', TEXT_LIMITS.step),
  sessionTitle: {
    max: TEXT_LIMITS.sessionTitle,
    empty: 'Give the session a title',
    long: `Title must be at most ${TEXT_LIMITS.sessionTitle} characters`,
  },
  stepNote: {
    max: TEXT_LIMITS.stepNote,
    long: `A step's note must be at most ${TEXT_LIMITS.stepNote} characters`,
  },
} satisfies Record<string, TextRule>;

/** What is wrong with `value` under `rule`, in the contract's words; null when it may be sent. */
export function textProblem(rule: TextRule, value: string): string | null {
  const text = value.trim();
  if (rule.empty !== undefined && text === '') return rule.empty;
  if (text.length > rule.max) return rule.long;
  return null;
}
