// Caps on long sessions, and determinism (no clock, no randomness, no dependence on input order).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { branch, empty, fact, outlookScenario, step } from './fixtures';
import {
  draftAssessment,
  draftBriefing,
  draftEscalationPackage,
  draftResolutionNote,
  draftSummary,
} from './index';
import type { DraftContext } from './index';
import { bulletsOf, sectionOf } from './test-support';

describe('long sessions', () => {
  const ctx = () =>
    empty({
      title: 'Slow file server',
      facts: Array.from({ length: 25 }, (_, i) => fact(i, `Fact number ${i + 1}`)),
      steps: Array.from({ length: 40 }, (_, i) =>
        step(i + 1, `Step number ${i + 1}`, { selectedOption: 'Ok' }),
      ),
      hypotheses: Array.from({ length: 24 }, (_, i) => branch(i + 1, `Ruled out ${i + 1}`, 'dead_end', 'No')),
    });

  it('caps facts at 20, steps at the latest 30, ruled-out branches at 20, with "… and N more"', () => {
    const markdown = draftEscalationPackage(ctx());
    const facts = bulletsOf(sectionOf(markdown, "## What we've confirmed"));
    expect(facts).toHaveLength(21);
    expect(facts.at(-1)).toBe('… and 5 more facts');
    const steps = bulletsOf(sectionOf(markdown, "## What we've tried"));
    expect(steps).toHaveLength(31);
    expect(steps[0]).toBe('… and 10 earlier steps');
    expect(steps[1]).toBe('Step number 11 → Ok');
    expect(steps.at(-1)).toBe('Step number 40 → Ok');
    const ruledOut = bulletsOf(sectionOf(markdown, '## Current hypothesis'));
    expect(ruledOut).toHaveLength(21);
    expect(ruledOut.at(-1)).toBe('… and 4 more ruled-out branches');
  });

  it('cuts one very long fact with "…"', () => {
    const markdown = draftEscalationPackage(
      empty({ facts: [fact(1, `Event log: ${'0x80070005 '.repeat(200)}`)] }),
    );
    const [only] = bulletsOf(sectionOf(markdown, "## What we've confirmed"));
    expect(only?.length).toBeLessThanOrEqual(400);
    expect(only?.endsWith('…')).toBe(true);
  });
});

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const all = (ctx: DraftContext) => [
    draftEscalationPackage(ctx),
    draftResolutionNote(ctx),
    JSON.stringify(draftAssessment(ctx)),
    draftBriefing(ctx),
    draftSummary(ctx),
  ];

  it('the same context gives the same drafts, whatever the clock, without randomness', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('the drafter must not use randomness');
    });
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2020, 0, 1));
    const before = all(outlookScenario());
    vi.setSystemTime(Date.UTC(2031, 5, 6));
    expect(all(outlookScenario())).toEqual(before);
  });

  it('does not depend on the order the records arrive in', () => {
    const ctx = outlookScenario();
    const reversed = {
      ...ctx,
      facts: [...ctx.facts].reverse(),
      steps: [...ctx.steps].reverse(),
      hypotheses: [...ctx.hypotheses].reverse(),
      messages: [...ctx.messages].reverse(),
    };
    expect(all(reversed)).toEqual(all(ctx));
  });

  it('does not modify its input', () => {
    const ctx = outlookScenario();
    const copy = structuredClone(ctx);
    all(ctx);
    expect(ctx).toEqual(copy);
  });
});

describe('odd records', () => {
  it('survives a parent cycle, an unknown parent and a step on an unknown branch', () => {
    const ctx = empty({
      hypotheses: [
        branch(1, 'Loop A', 'untried', null, 'hyp-2'),
        branch(2, 'Loop B', 'dead_end', 'Nope', 'hyp-1'),
        branch(3, 'Orphan', 'active', null, 'hyp-99'),
      ],
      steps: [step(1, 'Check the DNS suffix', { hypothesisId: 'hyp-42', selectedOption: 'contoso.local' })],
      facts: [fact(1, '   '), fact(2, 'Real fact')],
    });
    const markdown = draftBriefing(ctx);
    expect(markdown).toContain('- "Orphan" — active');
    expect(markdown).toContain('- "Loop A" — untried');
    expect(markdown).toContain('  - "Loop B" — ruled out: Nope');
    expect(draftEscalationPackage(ctx)).toContain('- Check the DNS suffix → contoso.local\n');
    expect(draftAssessment(ctx).what_we_know[0]).toBe('Real fact');
    expect(draftSummary(ctx)).toContain('1 fact confirmed');
  });

  it('an untried lead is named without a support count; confirmed branches stay in the current hypothesis', () => {
    const ctx = empty({
      hypotheses: [branch(1, 'Proxy PAC file', 'untried'), branch(2, 'Old cert', 'solved', 'Renewed')],
    });
    const markdown = draftEscalationPackage(ctx);
    expect(markdown).toContain(
      '- For the senior: start with the strongest open lead, "Proxy PAC file" (untried).',
    );
    expect(markdown).toContain('## Current hypothesis\n\n- "Old cert" — confirmed: Renewed\n');
  });

  it('the summary limit counts UTF-16 units and never splits a character', () => {
    const summary = draftSummary(empty({ problemSummary: '🖨️ printer '.repeat(200) }));
    expect(summary.length).toBeLessThanOrEqual(500);
    expect(summary).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
