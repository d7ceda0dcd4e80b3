// The offline enrichment assessment and its confidence heuristic.
import { describe, expect, it } from 'vitest';
import { branch, empty, fact, outlookScenario, printerScenario, step } from './fixtures';
import { draftAssessment } from './index';
import type { DraftContext } from './index';

describe('assessment', () => {
  it('has the enrichment shape, built from the Outlook session', () => {
    const assessment = draftAssessment(outlookScenario());
    expect(Object.keys(assessment).sort()).toEqual(
      ['confidence', 'likely_cause', 'suggested_steps', 'summary_prose', 'what_we_know'].sort(),
    );
    expect(assessment.summary_prose).toContain('5 facts confirmed, 3 of 5 diagnostic steps answered.');
    expect(assessment.what_we_know).toEqual([
      ...outlookScenario().facts.map((f) => f.text),
      'Ruled out: "Cached credentials from the old Exchange server" — Cleared the MicrosoftOffice16 entries in Credential Manager on two laptops; the prompt came back within 10 minutes',
    ]);
    expect(assessment.likely_cause).toBe(
      '"Outlook 2016 is not using modern authentication" (working hypothesis, not confirmed)',
    );
    expect(assessment.suggested_steps).toHaveLength(4);
    expect(assessment.confidence).toBe('high');
  });

  it('a solved branch is the likely cause; a resolved session has no next steps', () => {
    const assessment = draftAssessment({ ...printerScenario(), status: 'resolved' });
    expect(assessment.likely_cause).toBe(
      '"Wrong driver (HP Universal PCL 6 v6.9)" (confirmed: Switching to the HP PCL-6 V4 driver fixed printing on all three PCs)',
    );
    expect(assessment.suggested_steps).toEqual([]);
    expect(assessment.confidence).toBe('high');
  });

  it('an empty session: low confidence, nothing known, summary never empty', () => {
    expect(draftAssessment(empty())).toEqual({
      summary_prose:
        'No problem description recorded. Status: active. No facts or diagnostic steps recorded yet. No working hypothesis recorded.',
      what_we_know: [],
      likely_cause: 'Not determined yet.',
      suggested_steps: [],
      confidence: 'low',
    });
  });

  it('confidence follows the documented heuristic', () => {
    const facts = (n: number) => Array.from({ length: n }, (_, i) => fact(i, `Fact ${i}`));
    const active = branch(1, 'Lead', 'active', 'Because');
    const support = step(1, 'Test the lead', { hypothesisId: 'hyp-1', selectedOption: 'Confirms' });
    const unanswered = step(1, 'Test the lead', { hypothesisId: 'hyp-1' });
    const confidence = (ctx: Partial<DraftContext>) => draftAssessment(empty(ctx)).confidence;
    expect(confidence({ hypotheses: [branch(1, 'Cause', 'solved', 'Fixed it')] })).toBe('high');
    expect(confidence({ facts: facts(5), hypotheses: [active], steps: [support] })).toBe('high');
    expect(confidence({ facts: facts(5), hypotheses: [active], steps: [unanswered] })).toBe('medium');
    expect(confidence({ facts: facts(4), hypotheses: [active], steps: [support] })).toBe('medium');
    expect(confidence({ facts: facts(1), hypotheses: [active] })).toBe('medium');
    expect(confidence({ facts: facts(3) })).toBe('medium');
    expect(confidence({ facts: facts(1), hypotheses: [branch(1, 'Idea', 'untried')] })).toBe('low');
  });
});
