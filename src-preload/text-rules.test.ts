import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  FactAddInput,
  HypothesisAddInput,
  MessagesAddInput,
  SessionRenameInput,
  StepAddInput,
  StepUpdateInput,
} from './contract';
import { TEXT_RULES, type TextRule, textProblem } from './text-rules';

const schemaSays = (schema: z.ZodType, value: string): string | null => {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Not valid');
};

// The renderer checks a text with these rules (it has no zod); main checks it with the schema. The person
// must read the same words from both, at the same lengths.
const PAIRS: [string, TextRule, z.ZodType][] = [
  ['message', TEXT_RULES.message, MessagesAddInput.shape.body],
  ['fact', TEXT_RULES.fact, FactAddInput.shape.text],
  ['hypothesis', TEXT_RULES.hypothesis, HypothesisAddInput.shape.label],
  ['step', TEXT_RULES.step, StepAddInput.shape.text],
  ['step note', TEXT_RULES.stepNote, StepUpdateInput.shape.freeText],
  ['session title', TEXT_RULES.sessionTitle, SessionRenameInput.shape.title],
];

const padded = (n: number) =>
  fc
    .tuple(
      fc.constantFrom('', ' ', '\n\t '),
      fc.string({ minLength: n, maxLength: n }),
      fc.constantFrom('', '  ', '\n'),
    )
    .map(([a, b, c]) => a + b + c);

describe('text rules say what the contract says', () => {
  for (const [name, rule, schema] of PAIRS) {
    it(`${name}: empty, at the limit, one over, and anything else`, () => {
      for (const value of [
        '',
        '   ',
        'x',
        'x'.repeat(rule.max),
        'x'.repeat(rule.max + 1),
        ` ${'y'.repeat(rule.max)} `,
      ])
        expect(textProblem(rule, value)).toBe(schemaSays(schema, value));
      fc.assert(
        fc.property(fc.oneof(fc.string(), padded(rule.max), padded(rule.max + 1)), (value) => {
          expect(textProblem(rule, value)).toBe(schemaSays(schema, value));
        }),
        { numRuns: 200 },
      );
    });
  }
});
