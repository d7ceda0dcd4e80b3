// Realistic MSP sessions for the drafter tests (imported only by *.test.ts).
import type { Fact, Hypothesis, Step } from '../../../src-preload/contract';
import type { DraftContext } from './types';

const T0 = Date.UTC(2025, 2, 10, 8, 30);
const MIN = 60_000;
const SESSION = 'session-1';

export function fact(n: number, text: string): Fact {
  const at = T0 + n * MIN;
  return { id: `fact-${n}`, sessionId: SESSION, text, source: 'technician', createdAt: at, updatedAt: at };
}

export function step(seq: number, text: string, answer: Partial<Step> = {}): Step {
  const at = T0 + seq * 2 * MIN;
  return {
    id: `step-${seq}`,
    sessionId: SESSION,
    seq,
    text,
    options: [],
    selectedOption: null,
    freeText: null,
    skipped: false,
    hypothesisId: null,
    source: 'assistant',
    createdAt: at,
    updatedAt: at + MIN,
    ...answer,
  };
}

export function branch(
  seq: number,
  label: string,
  status: Hypothesis['status'],
  reason: string | null = null,
  parentId: string | null = null,
): Hypothesis {
  const at = T0 + seq * 3 * MIN;
  return {
    id: `hyp-${seq}`,
    sessionId: SESSION,
    parentId,
    seq,
    label,
    status,
    reason,
    createdAt: at,
    updatedAt: at,
  };
}

export function empty(overrides: Partial<DraftContext> = {}): DraftContext {
  return {
    title: '',
    problemSummary: null,
    status: 'active',
    messages: [],
    steps: [],
    facts: [],
    hypotheses: [],
    technicianName: null,
    escalation: null,
    now: T0 + 60 * MIN,
    ...overrides,
  };
}

/** Outlook keeps prompting for a password after a cutover to Microsoft 365; escalated to a senior. */
export function outlookScenario(): DraftContext {
  return empty({
    title: 'Outlook password prompts after M365 migration',
    problemSummary:
      "Outlook on three users' laptops keeps prompting for a password since the mailbox migration to Microsoft 365 on Friday.",
    status: 'active',
    technicianName: 'Jane Doe',
    messages: [
      {
        role: 'user',
        authorName: 'Jane Doe',
        body: 'Outlook keeps asking 3 users for their password since the M365 migration\nThey type it and it comes back',
        createdAt: T0,
      },
      {
        role: 'assistant',
        authorName: null,
        body: 'Does Outlook on the web prompt too?',
        createdAt: T0 + MIN,
      },
      {
        role: 'user',
        authorName: 'Jane Doe',
        body: 'Cleared Credential Manager, still prompting.',
        createdAt: T0 + 40 * MIN,
      },
    ],
    facts: [
      fact(1, 'Prompts started the Monday after the cutover from on-prem Exchange 2016'),
      fact(2, 'Affects 3 of 40 users, all on Outlook 2016 MSI build 16.0.4266'),
      fact(3, 'Outlook on the web works for the affected users without prompts'),
      fact(4, 'Autodiscover resolves to autodiscover.outlook.com'),
      fact(5, 'EnableADAL is 0 on all three affected laptops'),
    ],
    hypotheses: [
      branch(
        1,
        'Cached credentials from the old Exchange server',
        'dead_end',
        'Cleared the MicrosoftOffice16 entries in Credential Manager on two laptops; the prompt came back within 10 minutes',
      ),
      branch(
        2,
        'Outlook 2016 is not using modern authentication',
        'active',
        'EnableADAL=0 on every affected laptop',
      ),
      branch(3, 'Conditional Access blocks the legacy client', 'untried'),
      branch(4, 'Office build too old for modern authentication', 'untried', null, 'hyp-2'),
    ],
    steps: [
      step(1, 'Does Outlook on the web prompt for credentials?', {
        options: ['Yes', 'No'],
        selectedOption: 'No',
      }),
      step(2, 'Clear the Office entries in Credential Manager and restart Outlook', {
        hypothesisId: 'hyp-1',
        selectedOption: 'Done',
        freeText: 'Prompt came back after 10 minutes',
      }),
      step(3, 'Check HKCU\\Software\\Microsoft\\Office\\16.0\\Common\\Identity\\EnableADAL', {
        hypothesisId: 'hyp-2',
        freeText: 'Value is 0',
      }),
      step(4, 'Run the Microsoft Support and Recovery Assistant', { skipped: true }),
      step(5, 'Set EnableADAL to 1 and restart Outlook on one laptop', {
        hypothesisId: 'hyp-2',
        options: ['Prompt gone', 'Still prompting'],
      }),
    ],
    escalation: {
      intent: 'escalate',
      priority: 'high',
      reason: 'Need someone with tenant admin rights to check Conditional Access',
      notes: 'The CFO is one of the affected users',
    },
  });
}

/** Garbled printing fixed by a driver change: a solved branch and a ruled-out one. */
export function printerScenario(): DraftContext {
  return empty({
    title: 'HP LaserJet on the 2nd floor prints garbage',
    status: 'active',
    technicianName: 'Sam Patel',
    messages: [
      {
        role: 'user',
        authorName: 'Sam Patel',
        body: 'Accounting PCs print pages of random characters',
        createdAt: T0,
      },
      {
        role: 'user',
        authorName: 'Sam Patel',
        body: 'Driver swapped on all three PCs, printing normally now',
        createdAt: T0 + 50 * MIN,
      },
    ],
    facts: [
      fact(1, 'Printer is an HP LaserJet M607 at 10.0.4.25'),
      fact(2, 'Garbled output only from the three Windows 11 24H2 PCs'),
      fact(3, 'A test page from the printer panel prints fine'),
    ],
    hypotheses: [
      branch(1, 'Network or cabling fault', 'dead_end', 'Panel test page and other clients print fine'),
      branch(
        2,
        'Wrong driver (HP Universal PCL 6 v6.9)',
        'solved',
        'Switching to the HP PCL-6 V4 driver fixed printing on all three PCs',
      ),
    ],
    steps: [
      step(1, 'Print a test page from the printer panel', {
        hypothesisId: 'hyp-1',
        selectedOption: 'Prints fine',
      }),
      step(2, 'Which driver do the affected PCs use?', {
        hypothesisId: 'hyp-2',
        freeText: 'HP Universal Printing PCL 6 v6.9',
      }),
      step(3, 'Install the HP PCL-6 V4 driver and reprint', {
        hypothesisId: 'hyp-2',
        options: ['Prints correctly', 'Still garbled'],
        selectedOption: 'Prints correctly',
      }),
    ],
  });
}

/** Hostile and markdown-looking text in every field that reaches the markdown. */
export const HOSTILE = [
  '# not a heading',
  '<script>alert(1)</script>',
  'see [the KB](https://evil.example/phish) for details',
  '![img](https://evil.example/x.png)',
  '**bold** _it_ `code` ~~gone~~',
  '> not a quote',
  '- not a list',
  '1. not numbered',
  '---',
  'C:\\Users\\jane\\AppData\\Local',
  '\\\\fileserver\\share\\',
  '&lt;b&gt; entity',
  'ends with a backslash \\',
];

/**
 * Every field filled with made-up words, so any real word in a draft must be one of the drafter's
 * fixed phrases: the test that nothing is invented checks the drafts against that vocabulary.
 */
export function nonsenseScenario(): DraftContext {
  return empty({
    title: 'Zorblax wibbles',
    problemSummary: 'Zorblax wibbles quorf on the glimmet',
    technicianName: 'Quux Blorp',
    messages: [
      {
        role: 'user',
        authorName: 'Quux Blorp',
        body: 'Glimmet frabbed twice',
        createdAt: Date.UTC(2025, 2, 10, 8, 30),
      },
      {
        role: 'assistant',
        authorName: null,
        body: 'Snorgle the plimbus',
        createdAt: Date.UTC(2025, 2, 10, 8, 31),
      },
    ],
    facts: [fact(1, 'Plimbus is vorpal'), fact(2, 'Glimmet snarfs at 42 zibs')],
    hypotheses: [
      branch(1, 'Frobnicator brillig', 'dead_end', 'Gyred the wabe, still frumious'),
      branch(2, 'Tumtum mimsy', 'active', 'Borogoves outgrabe'),
      branch(3, 'Jubjub slithy', 'untried', null, 'hyp-2'),
      branch(4, 'Bandersnatch tulgey', 'solved', 'Snicker snack'),
    ],
    steps: [
      step(1, 'Gimble the wabe', {
        hypothesisId: 'hyp-2',
        options: ['Uffish', 'Manxome'],
        selectedOption: 'Uffish',
      }),
      step(2, 'Chortle the beamish', { freeText: 'Galumphing callooh' }),
      step(3, 'Whiffle the tulgey', { skipped: true, hypothesisId: 'hyp-1' }),
      step(4, 'Burble the frabjous', { options: ['Callay', 'Vorpal'] }),
    ],
    escalation: { intent: 'escalate', priority: 'urgent', reason: 'Mome raths', notes: 'Jabberwock burbled' },
  });
}
