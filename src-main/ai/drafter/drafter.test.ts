// The escalation package and the resolution note: exact structure, content taken from the session
// (Outlook after an M365 migration, a printer fixed by a driver change, an empty session), fallbacks.
import { describe, expect, it } from 'vitest';
import { ESCALATION_HEADINGS } from './escalation-package';
import { branch, empty, outlookScenario, printerScenario, step } from './fixtures';
import { draftEscalationPackage, draftResolutionNote } from './index';
import type { DraftContext } from './index';
import { RESOLUTION_HEADINGS, emptySections } from './resolution-note';
import { LABEL_LINE, bulletsOf, headings, sectionOf } from './test-support';

describe('escalation package', () => {
  it('has exactly the five sections in order and ends with the offline label', () => {
    for (const ctx of [outlookScenario(), printerScenario(), empty()]) {
      const markdown = draftEscalationPackage(ctx);
      expect(headings(markdown)).toEqual([...ESCALATION_HEADINGS]);
      expect(markdown.trimEnd().split('\n').at(-1)).toBe(LABEL_LINE);
    }
  });

  it('Outlook after an M365 migration: problem, handoff, facts, steps with outcomes and branches', () => {
    const ctx = outlookScenario();
    const markdown = draftEscalationPackage(ctx);
    const problem = sectionOf(markdown, '## Problem');
    expect(problem).toContain(ctx.problemSummary);
    expect(problem).toContain(
      '**Reason for escalation:** Need someone with tenant admin rights to check Conditional Access',
    );
    expect(problem).toContain('**Priority:** high');
    expect(problem).toContain('**Notes:** The CFO is one of the affected users');

    expect(bulletsOf(sectionOf(markdown, "## What we've confirmed"))).toEqual(ctx.facts.map((f) => f.text));

    expect(bulletsOf(sectionOf(markdown, "## What we've tried"))).toEqual([
      'Does Outlook on the web prompt for credentials? → No',
      'Clear the Office entries in Credential Manager and restart Outlook → Done; note: Prompt came back after 10 minutes (branch "Cached credentials from the old Exchange server", ruled out)',
      'Check HKCU\\Software\\Microsoft\\Office\\16.0\\Common\\Identity\\EnableADAL → Value is 0 (branch "Outlook 2016 is not using modern authentication", active)',
      'Run the Microsoft Support and Recovery Assistant → skipped',
    ]);
  });

  it('Outlook: the active branch with its reason, and the ruled-out branch with why', () => {
    const hypothesis = sectionOf(draftEscalationPackage(outlookScenario()), '## Current hypothesis');
    expect(hypothesis).toBe(
      [
        '- "Outlook 2016 is not using modern authentication" — active, 1 supporting step: EnableADAL=0 on every affected laptop',
        '',
        "**Ruled out — don't repeat:**",
        '',
        '- "Cached credentials from the old Exchange server" — ruled out: Cleared the MicrosoftOffice16 entries in Credential Manager on two laptops; the prompt came back within 10 minutes',
      ].join('\n'),
    );
  });

  it('Outlook: next steps point the senior at the strongest lead, then open steps and untried branches', () => {
    expect(
      bulletsOf(sectionOf(draftEscalationPackage(outlookScenario()), '## Suggested next steps')),
    ).toEqual([
      'For the senior: start with the strongest open lead, "Outlook 2016 is not using modern authentication" (active, 1 supporting step).',
      'Answer the open step: "Set EnableADAL to 1 and restart Outlook on one laptop" (options: Prompt gone / Still prompting).',
      'Try the untried branch "Office build too old for modern authentication" (under "Outlook 2016 is not using modern authentication").',
      'Try the untried branch "Conditional Access blocks the legacy client".',
    ]);
  });

  it('a parked session speaks to whoever resumes it, and a better-supported active branch leads', () => {
    const ctx = outlookScenario();
    ctx.escalation = {
      intent: 'park',
      priority: 'low',
      reason: 'Waiting for the user to be back',
      notes: null,
    };
    ctx.hypotheses.push(branch(5, 'Stale Autodiscover cache', 'active'));
    ctx.steps.push(
      step(6, 'Rebuild the Autodiscover cache', { hypothesisId: 'hyp-5', selectedOption: 'Done' }),
    );
    ctx.steps.push(
      step(7, 'Check the Autodiscover XML', { hypothesisId: 'hyp-5', freeText: 'Points to outlook.com' }),
    );
    const markdown = draftEscalationPackage(ctx);
    expect(sectionOf(markdown, '## Problem')).toContain(
      '**Reason for parking:** Waiting for the user to be back',
    );
    const next = bulletsOf(sectionOf(markdown, '## Suggested next steps'));
    expect(next[0]).toBe(
      'When resuming: start with the strongest open lead, "Stale Autodiscover cache" (active, 2 supporting steps).',
    );
    expect(next[1]).toBe(
      'Continue testing "Outlook 2016 is not using modern authentication" (active, 1 supporting step).',
    );
    expect(bulletsOf(sectionOf(markdown, '## Current hypothesis'))).toHaveLength(3);
  });

  it('an empty session says so in every section', () => {
    const markdown = draftEscalationPackage(empty());
    expect(sectionOf(markdown, '## Problem')).toBe('No problem description recorded.');
    expect(sectionOf(markdown, "## What we've confirmed")).toBe('Nothing confirmed yet.');
    expect(sectionOf(markdown, "## What we've tried")).toBe('No diagnostic steps recorded.');
    expect(sectionOf(markdown, '## Current hypothesis')).toBe('No working hypothesis recorded.');
    expect(sectionOf(markdown, '## Suggested next steps')).toBe(
      '- For the senior: no open lead was recorded yet; start by asking the technician.',
    );
  });

  it('steps that exist but are unanswered are next steps, not things we tried', () => {
    const markdown = draftEscalationPackage(
      empty({ steps: [step(1, 'Ping the gateway', { options: ['Replies', 'Times out'] })] }),
    );
    expect(sectionOf(markdown, "## What we've tried")).toBe('No diagnostic steps answered yet.');
    expect(sectionOf(markdown, '## Suggested next steps')).toContain(
      '- Answer the open step: "Ping the gateway" (options: Replies / Times out).',
    );
  });
});

describe('problem statement', () => {
  const first = {
    role: 'user' as const,
    authorName: 'Jane',
    createdAt: 2,
    body: '\n  VPN drops every 10 minutes  \nsince Monday',
  };
  const assistant = {
    role: 'assistant' as const,
    authorName: null,
    createdAt: 1,
    body: 'Hello, what is wrong?',
  };

  it('is the summary, else the title, else the first line of the technician’s first message', () => {
    const problem = (ctx: DraftContext) => sectionOf(draftEscalationPackage(ctx), '## Problem');
    expect(problem(empty({ problemSummary: 'VPN drops', title: 'VPN' }))).toBe('VPN drops.');
    expect(problem(empty({ problemSummary: '  ', title: 'VPN issue' }))).toBe('VPN issue.');
    expect(problem(empty({ messages: [assistant, first] }))).toBe('VPN drops every 10 minutes.');
  });
});

describe('resolution note', () => {
  it('has exactly the four sections in order and no internal footer (it is customer-visible)', () => {
    for (const ctx of [outlookScenario(), printerScenario(), empty()]) {
      const markdown = draftResolutionNote(ctx);
      expect(headings(markdown)).toEqual([...RESOLUTION_HEADINGS]);
      expect(markdown).not.toContain(LABEL_LINE);
      expect(markdown).not.toMatch(/offline|no AI model/i);
    }
  });

  it('printer fixed by a driver change: root cause from the solved branch, resolution from its steps and the last message', () => {
    const ctx = printerScenario();
    const markdown = draftResolutionNote(ctx);
    expect(sectionOf(markdown, '## Problem')).toBe('HP LaserJet on the 2nd floor prints garbage.');
    expect(bulletsOf(sectionOf(markdown, '## What we confirmed'))).toEqual(ctx.facts.map((f) => f.text));
    const rootCause = sectionOf(markdown, '## Root cause');
    expect(bulletsOf(rootCause)).toEqual([
      '"Wrong driver (HP Universal PCL 6 v6.9)" — confirmed: Switching to the HP PCL-6 V4 driver fixed printing on all three PCs',
      '"Network or cabling fault" — ruled out: Panel test page and other clients print fine',
    ]);
    const resolution = sectionOf(markdown, '## Resolution');
    expect(resolution).toContain('**Steps that confirmed the fix:**');
    expect(resolution).toContain(
      '- Install the HP PCL-6 V4 driver and reprint → Prints correctly (branch "Wrong driver (HP Universal PCL 6 v6.9)", solved)',
    );
    expect(resolution).not.toContain('Print a test page from the printer panel');
    // What the technician did at the end, in their words (no name tags, no quotes: it is the resolution).
    expect(resolution).toContain('Driver swapped on all three PCs, printing normally now.');
    expect(emptySections(RESOLUTION_HEADINGS, markdown)).toEqual([]);
  });

  it('no confirmed cause: the last messages propose the resolution; an unknown cause is left for the technician', () => {
    const ctx = outlookScenario();
    ctx.messages.push({
      role: 'user',
      authorName: 'Jane Doe',
      body: 'Found the recovery key in the on-prem AD computer object. Suspended BitLocker, updated the BIOS and the laptop boots normally again',
      createdAt: ctx.messages.at(-1)!.createdAt + 60_000,
    });
    const markdown = draftResolutionNote(ctx);
    const resolution = sectionOf(markdown, '## Resolution');
    expect(resolution).toContain(
      'Found the recovery key in the on-prem AD computer object. Suspended BitLocker',
    );
    expect(resolution).not.toMatch(/not recorded|not determined|unconfirmed|check this section/i);
    // Nothing says what caused it: the section is empty, and the editor asks for it.
    expect(sectionOf(markdown, '## Root cause')).toBe('');
    expect(emptySections(RESOLUTION_HEADINGS, markdown)).toEqual(['## Root cause']);
    // The cause in the technician's own words, once they wrote it.
    ctx.messages.push({
      role: 'user',
      authorName: 'Jane Doe',
      body: 'Root cause was a BIOS update that changed the TPM measurements',
      createdAt: ctx.messages.at(-1)!.createdAt + 60_000,
    });
    const withCause = draftResolutionNote(ctx);
    expect(sectionOf(withCause, '## Root cause')).toBe(
      'Root cause was a BIOS update that changed the TPM measurements.',
    );
    // Said once: the resolution keeps what the technician did, without the cause again.
    expect(sectionOf(withCause, '## Resolution')).not.toContain('BIOS update');
    expect(sectionOf(withCause, '## Resolution')).not.toBe('');
  });

  it('an empty session: every section is left for the technician, none carries placeholder text', () => {
    const markdown = draftResolutionNote(empty());
    for (const heading of RESOLUTION_HEADINGS) expect(sectionOf(markdown, heading)).toBe('');
    expect(emptySections(RESOLUTION_HEADINGS, markdown)).toEqual([...RESOLUTION_HEADINGS]);
  });
});
