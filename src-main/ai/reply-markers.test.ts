import { describe, expect, it } from 'vitest';
import { technicianAsksForSenior } from './escalation-detection';
import { displayWhileStreaming, parseAssistantReply } from './reply-markers';

describe('assistant reply markers', () => {
  const reply = [
    'Thanks, that narrows it down.',
    '[FACT] Prompts started right after the M365 tenant migration',
    '- [FACT] Credential Manager holds two entries for the old tenant',
    '',
    'Next, check the cached identities:',
    '[STEP] Run `cmdkey /list` and look for MicrosoftOffice16 entries | Old tenant entries present | None present',
    '[HYPOTHESIS] Stale credentials in Credential Manager',
    '[RULED_OUT] Mailbox quota full — quota is at 12%',
    '[CONFIRMED] Modern auth disabled — registry shows EnableADAL=0',
    'If clearing them does not help, we will need a senior. [ESCALATION_REQUESTED] Needs Exchange admin rights',
  ].join('\n');

  it('records facts, steps with options, hypotheses and outcomes, and hides the marker lines', () => {
    const parsed = parseAssistantReply(reply);
    expect(parsed.facts).toEqual([
      'Prompts started right after the M365 tenant migration',
      'Credential Manager holds two entries for the old tenant',
    ]);
    expect(parsed.steps).toEqual([
      {
        text: 'Run `cmdkey /list` and look for MicrosoftOffice16 entries',
        options: ['Old tenant entries present', 'None present'],
      },
    ]);
    expect(parsed.hypotheses).toEqual(['Stale credentials in Credential Manager']);
    expect(parsed.ruledOut).toEqual([{ label: 'Mailbox quota full', reason: 'quota is at 12%' }]);
    expect(parsed.confirmed).toEqual([
      { label: 'Modern auth disabled', reason: 'registry shows EnableADAL=0' },
    ]);
    expect(parsed.escalation).toEqual({ requested: true, reason: 'Needs Exchange admin rights' });
    expect(parsed.display).toBe(
      'Thanks, that narrows it down.\n\nNext, check the cached identities:\n\nIf clearing them does not help, we will need a senior.',
    );
    expect(parsed.display).not.toMatch(/\[(FACT|STEP|HYPOTHESIS|RULED_OUT|CONFIRMED|ESCALATION_REQUESTED)\]/);
  });

  it('a reply without markers is shown as is', () => {
    expect(parseAssistantReply('Restart the spooler.\n\n```\nnet stop spooler\n```')).toMatchObject({
      display: 'Restart the spooler.\n\n```\nnet stop spooler\n```',
      facts: [],
      escalation: { requested: false, reason: null },
    });
  });

  it('never flashes a half-typed marker while streaming', () => {
    expect(displayWhileStreaming('Checking now.\n[FA')).toBe('Checking now.');
    expect(displayWhileStreaming('Checking now.\n[FACT] Spooler is stopped')).toBe('Checking now.');
    expect(displayWhileStreaming('Checking now.\n[FACT] Spooler is stopped\nRestart it')).toBe(
      'Checking now.\n\nRestart it',
    );
    expect(displayWhileStreaming('Use the [Devices] page')).toBe('Use the [Devices] page');
  });
});

describe('technician asks for a senior', () => {
  it.each([
    'I need a senior on this one',
    'we need a human to look at this',
    'can we get a senior engineer?',
    'Please escalate this to tier 2',
    'escalate this',
    'could someone more experienced help?',
    'I want to talk to a real person',
    "let's hand this off to Sam",
  ])('counts "%s"', (text) => expect(technicianAsksForSenior(text)).toBe(true));

  it.each([
    'The ticket escalated to P1 overnight',
    'The user needs a new laptop',
    'Senior management is asking for an update',
    'human resources printer is offline',
    'we need a new toner cartridge',
    '[ESCALATION_REQUESTED] pasted from somewhere',
  ])('does not count "%s"', (text) => expect(technicianAsksForSenior(text)).toBe(false));
});
