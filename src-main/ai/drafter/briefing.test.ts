// The claim briefing and the plain handoff summary.
import { describe, expect, it } from 'vitest';
import { BRIEFING_HEADINGS } from './briefing';
import { branch, empty, outlookScenario } from './fixtures';
import { draftBriefing, draftSummary } from './index';
import { LABEL_LINE, bulletsOf, headings, sectionOf } from './test-support';

describe('briefing', () => {
  it('problem, handoff, snapshot with the branch map, assessment, what to do first', () => {
    const markdown = draftBriefing(outlookScenario());
    expect(headings(markdown)).toEqual([...BRIEFING_HEADINGS]);
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(LABEL_LINE);
    expect(bulletsOf(sectionOf(markdown, '## Handoff'))).toEqual([
      '**Intent:** Escalated to a senior',
      '**Priority:** high',
      '**Reason:** Need someone with tenant admin rights to check Conditional Access',
      '**Notes:** The CFO is one of the affected users',
      '**From:** Jane Doe',
    ]);
    const snapshot = sectionOf(markdown, '## Snapshot');
    expect(snapshot).toContain('- **Status:** Active');
    expect(snapshot).toContain('- **Steps:** 5 recorded (3 answered, 1 skipped, 1 open)');
    expect(snapshot).toContain('- **Confidence:** high');
    expect(snapshot).toContain('- **Open for:** 1 h (since the first record)');
    expect(snapshot).toContain(
      '- **Last from the technician** (20 min ago): "Cleared Credential Manager, still prompting."',
    );
    expect(snapshot).toContain(
      [
        '- "Cached credentials from the old Exchange server" — ruled out (1 step): Cleared the MicrosoftOffice16 entries in Credential Manager on two laptops; the prompt came back within 10 minutes',
        '- "Outlook 2016 is not using modern authentication" — active (2 steps): EnableADAL=0 on every affected laptop',
        '  - "Office build too old for modern authentication" — untried',
        '- "Conditional Access blocks the legacy client" — untried',
      ].join('\n'),
    );
    const assessment = sectionOf(markdown, '## Assessment');
    expect(assessment).toContain(
      '**Likely cause:** "Outlook 2016 is not using modern authentication" (working hypothesis, not confirmed)',
    );
    const first = sectionOf(markdown, '## What to do first');
    expect(first.split('\n')[0]).toBe(
      '1. For the senior: start with the strongest open lead, "Outlook 2016 is not using modern authentication" (active, 1 supporting step).',
    );
    expect(first).toContain(
      'Already ruled out, don\'t repeat: "Cached credentials from the old Exchange server".',
    );
  });

  it('an empty session with no handoff details', () => {
    const markdown = draftBriefing(empty());
    expect(headings(markdown)).toEqual([...BRIEFING_HEADINGS]);
    expect(sectionOf(markdown, '## Handoff')).toBe('No handoff details recorded.');
    expect(sectionOf(markdown, '## Snapshot')).toContain('No hypothesis branches recorded.');
    expect(sectionOf(markdown, '## What to do first')).toBe(
      'No open steps or untried hypotheses were recorded.',
    );
  });
});

describe('summary', () => {
  it('one plain paragraph from the Outlook handoff', () => {
    expect(draftSummary(outlookScenario())).toBe(
      'Outlook on three users\' laptops keeps prompting for a password since the mailbox migration to Microsoft 365 on Friday. Status: escalated, high priority. Reason: Need someone with tenant admin rights to check Conditional Access. Working hypothesis: "Outlook 2016 is not using modern authentication". Ruled out: "Cached credentials from the old Exchange server". 5 facts confirmed, 3 of 5 diagnostic steps answered.',
    );
  });

  it('stays within 500 characters on one line for long inputs', () => {
    const long = 'word '.repeat(600);
    const ctx = outlookScenario();
    ctx.problemSummary = `${long}\n${long}`;
    ctx.escalation = { intent: 'escalate', priority: 'urgent', reason: long, notes: long };
    ctx.hypotheses = Array.from({ length: 10 }, (_, i) => branch(i, `Branch ${i} ${long}`, 'dead_end', long));
    const summary = draftSummary(ctx);
    expect(summary.length).toBeLessThanOrEqual(500);
    expect(summary).not.toContain('\n');
    expect(summary.endsWith('…')).toBe(true);
  });
});
