import { describe, expect, it } from 'vitest';
import {
  FactAddInput,
  FixOutcomeInput,
  HandoffCreateInput,
  HandoffSettingsInput,
  HypothesisAddInput,
  HypothesisUpdateInput,
  MessagesAddInput,
  NotePostInput,
  StepAddInput,
  StepUpdateInput,
  TEXT_LIMITS,
} from './contract';

const uuid = '5b0c1b0e-8f5a-4c55-9a43-6f1f2c7d9e01';
const text = (n: number) => 'a'.repeat(n);
const contacts = { name: '', email: '', phone: '', hours: '', emergencyLine: '' };
const minutes = { urgent: 30, high: 60, medium: 240, low: 1440 };

// Each field the UI counts against TEXT_LIMITS: the schema takes exactly the limit and refuses one more,
// so the counter and the refusal the person sees are the contract's own.
const CASES: [string, number, (value: string) => { success: boolean }][] = [
  ['message', TEXT_LIMITS.message, (v) => MessagesAddInput.safeParse({ sessionId: uuid, body: v })],
  ['fact', TEXT_LIMITS.fact, (v) => FactAddInput.safeParse({ sessionId: uuid, text: v })],
  ['step', TEXT_LIMITS.step, (v) => StepAddInput.safeParse({ sessionId: uuid, text: v })],
  ['step note', TEXT_LIMITS.stepNote, (v) => StepUpdateInput.safeParse({ id: uuid, freeText: v })],
  ['hypothesis', TEXT_LIMITS.hypothesis, (v) => HypothesisAddInput.safeParse({ sessionId: uuid, label: v })],
  [
    'hypothesis reason',
    TEXT_LIMITS.hypothesisReason,
    (v) => HypothesisUpdateInput.safeParse({ id: uuid, status: 'dead_end', reason: v }),
  ],
  [
    'handoff notes',
    TEXT_LIMITS.handoffNotes,
    (v) => HandoffCreateInput.safeParse({ sessionId: uuid, intent: 'park', priority: 'low', notes: v }),
  ],
  [
    'handoff reason',
    TEXT_LIMITS.escalationReason,
    (v) => HandoffCreateInput.safeParse({ sessionId: uuid, intent: 'escalate', priority: 'low', reason: v }),
  ],
  [
    'note',
    TEXT_LIMITS.noteMarkdown,
    (v) => NotePostInput.safeParse({ sessionId: uuid, kind: 'resolve', markdown: v }),
  ],
  [
    'fix reason',
    TEXT_LIMITS.fixReason,
    (v) => FixOutcomeInput.safeParse({ id: uuid, outcome: 'failed', reason: v }),
  ],
  [
    'expert name',
    TEXT_LIMITS.contactName,
    (v) =>
      HandoffSettingsInput.safeParse({
        ticketPrefix: 'BTN',
        expertContacts: { ...contacts, name: v },
        overdueMinutes: minutes,
      }),
  ],
];

describe('TEXT_LIMITS are the limits the schemas enforce', () => {
  it.each(CASES)('%s: %i characters pass, one more is refused', (_field, max, parse) => {
    expect(parse(text(max)).success).toBe(true);
    expect(parse(text(max + 1)).success).toBe(false);
    // Counted after trimming, as the renderer counts them.
    expect(parse(`  ${text(max)}\n`).success).toBe(true);
  });
});
