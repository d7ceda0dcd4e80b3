// Markdown safety and provenance: recorded text can never become markdown structure or HTML, renders
// back verbatim in the app's renderer (react-markdown + GFM), and the drafts contain no words that
// neither the session nor the drafter's fixed phrases supplied.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { BRIEFING_HEADINGS } from './briefing';
import { ESCALATION_HEADINGS } from './escalation-package';
import {
  HOSTILE,
  branch,
  empty,
  fact,
  nonsenseScenario,
  outlookScenario,
  printerScenario,
  step,
} from './fixtures';
import type { DraftContext } from './index';
import {
  draftAssessment,
  draftBriefing,
  draftEscalationPackage,
  draftResolutionNote,
  draftSummary,
} from './index';
import { RESOLUTION_HEADINGS } from './resolution-note';
import { escapeInline } from './text';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: MdNode[];
}

function parse(markdown: string): { tree: MdNode; html: string } {
  let tree: MdNode = { type: 'root' };
  const capture = () => (root: MdNode) => {
    tree = root;
  };
  const html = renderToStaticMarkup(
    createElement(Markdown, { remarkPlugins: [remarkGfm, capture] }, markdown),
  );
  return { tree, html };
}

function nodes(node: MdNode): MdNode[] {
  return [node, ...(node.children ?? []).flatMap(nodes)];
}

function text(node: MdNode): string {
  return node.value ?? (node.children ?? []).map(text).join('');
}

const HTML_LIKE = ['html', 'image', 'imageReference', 'linkReference', 'definition', 'footnoteReference'];
const STRUCTURE_FROM_TEXT = ['inlineCode', 'code', 'blockquote', 'thematicBreak', 'delete', 'table'];

/** Hostile text in every field that reaches a draft. */
function hostileContext(): DraftContext {
  const h = (i: number) => HOSTILE[i % HOSTILE.length] ?? '';
  return empty({
    title: h(0),
    problemSummary: h(1),
    technicianName: h(4),
    messages: HOSTILE.map((body, i) => ({ role: 'user' as const, authorName: h(i + 3), body, createdAt: i })),
    facts: HOSTILE.map((t, i) => fact(i, t)),
    steps: HOSTILE.map((t, i) =>
      step(i + 1, t, {
        options: [h(i + 1), h(i + 2)],
        selectedOption: i % 2 ? h(i + 1) : null,
        freeText: h(i + 5),
      }),
    ),
    hypotheses: HOSTILE.map((t, i) =>
      branch(
        i + 1,
        t,
        (['active', 'dead_end', 'untried', 'solved'] as const)[i % 4] ?? 'active',
        h(i + 7),
        i > 0 ? 'hyp-1' : null,
      ),
    ),
    escalation: { intent: 'escalate', priority: 'urgent', reason: h(2), notes: h(3) },
  });
}

describe('markdown escaping', () => {
  it('escapes what would become structure and leaves ordinary text readable', () => {
    expect(escapeInline('# not a heading')).toBe('\\# not a heading');
    expect(escapeInline('<script>alert(1)</script>')).toBe('&lt;script>alert(1)&lt;/script>');
    expect(escapeInline('[KB](https://evil.example)')).toBe('\\[KB\\](https://evil.example)');
    expect(escapeInline('1. first')).toBe('1\\. first');
    expect(escapeInline('a_b_c and _it_ and *x*')).toBe('a_b_c and \\_it\\_ and \\*x\\*');
    expect(escapeInline('C:\\Users\\jane')).toBe('C:\\Users\\jane');
    expect(escapeInline('\\\\server\\share\\')).toBe('\\\\\\server\\share\\\\');
    expect(escapeInline('R&D &amp; ops')).toBe('R&D &amp;amp; ops');
    expect(escapeInline('Restart the Print Spooler service')).toBe('Restart the Print Spooler service');
  });

  it('a fact "# not a heading" and "<script>" stay inert in the escalation package', () => {
    const markdown = draftEscalationPackage(
      empty({ facts: [fact(1, '# not a heading'), fact(2, '<script>alert(1)</script>')] }),
    );
    expect(markdown).not.toContain('<');
    const { tree, html } = parse(markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<li># not a heading</li>');
    expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    const found = nodes(tree).filter((n) => n.type === 'heading');
    expect(found.map((n) => `${'#'.repeat(n.depth ?? 0)} ${text(n)}`)).toEqual([...ESCALATION_HEADINGS]);
  });

  const drafts: [string, (ctx: DraftContext) => string, readonly string[]][] = [
    ['escalation package', draftEscalationPackage, ESCALATION_HEADINGS],
    ['resolution note', draftResolutionNote, RESOLUTION_HEADINGS],
    ['briefing', draftBriefing, BRIEFING_HEADINGS],
  ];

  for (const [name, draft, expected] of drafts) {
    it(`${name}: hostile text in every field never becomes HTML, a link, a heading or other structure`, () => {
      const markdown = draft(hostileContext());
      expect(markdown).not.toContain('<');
      const { tree, html } = parse(markdown);
      const all = nodes(tree);
      expect(all.filter((n) => n.type === 'heading').map((n) => `## ${text(n)}`)).toEqual([...expected]);
      expect(all.filter((n) => n.type === 'heading').every((n) => n.depth === 2)).toBe(true);
      expect(
        all.filter((n) => [...HTML_LIKE, ...STRUCTURE_FROM_TEXT].includes(n.type)).map((n) => n.type),
      ).toEqual([]);
      // Only bare URLs are linked (GFM autolinks), and they show exactly where they go.
      for (const link of all.filter((n) => n.type === 'link')) expect(text(link)).toBe(link.url);
      expect(html).not.toMatch(/<(script|img|code|blockquote|hr|del|h1|h3)\b/i);
    });
  }

  it('recorded text renders back verbatim', () => {
    const { tree } = parse(draftEscalationPackage(empty({ facts: HOSTILE.map((t, i) => fact(i, t)) })));
    const items = nodes(tree)
      .filter((n) => n.type === 'listItem')
      .map(text);
    for (const hostile of HOSTILE) expect(items).toContain(hostile);
  });

  it('plain-text outputs are not markdown-escaped', () => {
    const ctx = empty({ problemSummary: '# printer_01 <offline>', facts: [fact(1, '**C:\\temp** [x]')] });
    expect(draftSummary(ctx).startsWith('# printer_01 <offline>.')).toBe(true);
    expect(draftAssessment(ctx).what_we_know).toEqual(['**C:\\temp** [x]']);
  });
});

/** Fixed phrases of the drafter: the only words a draft may use that the session did not supply. */
const TEMPLATE_WORDS = new Set(
  `a active add against ago ai along already and answer answered asking assessment before branch branches by
  cause check confidence confirmed conversation current description details determined diagnostic do don drafted
  earlier escalated escalation facts findings first fix for from h handoff high how hypotheses hypothesis in intent
  issue it know last latest lead likely low medium messages min model more next no not note nothing notes of offline
  open options or out parked parking posting priority problem reason record recorded repeat resolution resolved
  resuming root ruled s section senior session since skipped snapshot solved start status step steps strongest
  suggested supporting t taken technician that the this to tried try under untried urgent used ve was way we were what
  when with working yet active paused requested`.split(/\s+/),
);

function words(value: string): string[] {
  return value.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** Every word the session supplied: its recorded values only (no field names, no assistant text). */
function sourceWords(ctx: DraftContext): Set<string> {
  const values = [
    ctx.title,
    ctx.problemSummary,
    ctx.technicianName,
    ...ctx.messages.filter((m) => m.role === 'user').flatMap((m) => [m.body, m.authorName]),
    ...ctx.facts.map((f) => f.text),
    ...ctx.steps.flatMap((s) => [s.text, ...s.options, s.selectedOption, s.freeText]),
    ...ctx.hypotheses.flatMap((h) => [h.label, h.reason]),
    ctx.escalation?.reason,
    ctx.escalation?.notes,
  ];
  return new Set(values.flatMap((v) => words(v ?? '')));
}

describe('nothing invented', () => {
  const variants: [string, DraftContext][] = [
    ['made-up words', nonsenseScenario()],
    [
      'made-up words, parked',
      { ...nonsenseScenario(), escalation: { intent: 'park', priority: 'low', reason: null, notes: null } },
    ],
    [
      'made-up words, unsolved',
      {
        ...nonsenseScenario(),
        hypotheses: nonsenseScenario().hypotheses.filter((h) => h.status !== 'solved'),
      },
    ],
    [
      'made-up words, no branches or steps',
      { ...nonsenseScenario(), hypotheses: [], steps: [], escalation: null },
    ],
    ['Outlook', outlookScenario()],
    ['printer', printerScenario()],
    ['empty', empty()],
  ];

  for (const [name, ctx] of variants) {
    it(`${name}: every word comes from the session or a fixed phrase`, () => {
      const allowed = sourceWords(ctx);
      const assessment = draftAssessment(ctx);
      const outputs = [
        draftEscalationPackage(ctx),
        draftResolutionNote(ctx),
        draftBriefing(ctx),
        draftSummary(ctx),
        assessment.summary_prose,
        assessment.likely_cause,
        ...assessment.what_we_know,
        ...assessment.suggested_steps,
      ];
      const invented = [...new Set(outputs.flatMap(words))].filter(
        (w) => !allowed.has(w) && !TEMPLATE_WORDS.has(w),
      );
      expect(invented).toEqual([]);
    });
  }

  it('assistant text is never presented as a finding', () => {
    const ctx = nonsenseScenario();
    const all = [
      draftEscalationPackage(ctx),
      draftResolutionNote(ctx),
      draftBriefing(ctx),
      draftSummary(ctx),
    ].join('\n');
    expect(all).not.toMatch(/snorgle|plimbus the/i);
  });
});
