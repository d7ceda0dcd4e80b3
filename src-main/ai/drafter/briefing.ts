// The briefing for the senior who claims a handoff ("Get AI analysis", DESIGN §3 Claim): problem,
// intent, reason and notes, the snapshot with the hypothesis branch map, the assessment, and what to
// do first. Built from the session and the offline assessment; ctx.now dates the snapshot.
import type { SessionView } from './analysis';
import { SESSION_STATUS_WORDS, analyse } from './analysis';
import { draftAssessment } from './assessment';
import { labelLine, listOr, problemBlock, section } from './blocks';
import { NO_NEXT_STEPS, NOTHING_CONFIRMED, branchMapLines } from './sections';
import { bullets, duration, md, quoted } from './text';
import type { Assessment, DraftContext } from './types';

export const BRIEFING_HEADINGS = [
  '## Problem',
  '## Handoff',
  '## Snapshot',
  '## Assessment',
  '## What to do first',
] as const;

export const NO_HANDOFF = 'No handoff details recorded.';
export const NO_BRANCHES = 'No hypothesis branches recorded.';

const FIRST_STEPS = 5;
/** Assessment lines are already capped and plain; escape them whole without cutting them again. */
const WHOLE = 10_000;

function handoffBlock(ctx: DraftContext): string {
  const e = ctx.escalation;
  if (!e) return NO_HANDOFF;
  const lines = [
    `**Intent:** ${e.intent === 'park' ? 'Parked' : 'Escalated to a senior'}`,
    `**Priority:** ${e.priority}`,
  ];
  if (e.reason?.trim()) lines.push(`**Reason:** ${md(e.reason, 500)}`);
  if (e.notes?.trim()) lines.push(`**Notes:** ${md(e.notes, 1_000)}`);
  if (ctx.technicianName?.trim()) lines.push(`**From:** ${md(ctx.technicianName, 80)}`);
  return bullets(lines);
}

function snapshotBlocks(
  ctx: DraftContext,
  view: SessionView,
  confidence: Assessment['confidence'],
): string[] {
  const answered = view.done.filter((s) => !s.skipped).length;
  const skipped = view.done.length - answered;
  const lines = [
    `**Status:** ${SESSION_STATUS_WORDS[ctx.status]}`,
    `**Steps:** ${view.steps.length} recorded (${answered} answered, ${skipped} skipped, ${view.open.length} open)`,
    `**Facts:** ${view.facts.length} confirmed`,
    `**Confidence:** ${confidence}`,
  ];
  const first = [ctx.messages, view.steps, view.facts]
    .flat()
    .reduce((min, r) => Math.min(min, r.createdAt), Number.POSITIVE_INFINITY);
  if (Number.isFinite(first))
    lines.push(`**Open for:** ${duration(ctx.now - first)} (since the first record)`);
  const last = view.technicianMessages.at(-1);
  if (last) {
    lines.push(
      `**Last from the technician** (${duration(ctx.now - last.createdAt)} ago): ${quoted(md, last.body, 300)}`,
    );
  }
  const map = branchMapLines(md, view);
  const mapBlock =
    map.length > 0 ? map.map((l) => `${'  '.repeat(l.depth)}- ${l.text}`).join('\n') : NO_BRANCHES;
  return [bullets(lines), '**Hypothesis branches:**', mapBlock];
}

function assessmentBlocks(assessment: Assessment): string[] {
  const known = assessment.what_we_know.map((k) => md(k, WHOLE));
  return [
    md(assessment.summary_prose, WHOLE),
    '**What we know:**',
    listOr(known, NOTHING_CONFIRMED),
    `**Likely cause:** ${md(assessment.likely_cause, WHOLE)}`,
  ];
}

function firstBlocks(view: SessionView, assessment: Assessment): string[] {
  const steps = assessment.suggested_steps.slice(0, FIRST_STEPS).map((s, i) => `${i + 1}. ${md(s, WHOLE)}`);
  const more = assessment.suggested_steps.length - FIRST_STEPS;
  if (more > 0) steps.push(`${FIRST_STEPS + 1}. … and ${more} more in the assessment's suggestions`);
  const blocks = [steps.length > 0 ? steps.join('\n') : NO_NEXT_STEPS];
  if (view.deadEnds.length > 0) {
    const shown = view.deadEnds.slice(0, 8).map((b) => quoted(md, b.hypothesis.label, 120));
    const rest = view.deadEnds.length > 8 ? ` and ${view.deadEnds.length - 8} more` : '';
    blocks.push(`Already ruled out, don't repeat: ${shown.join(', ')}${rest}.`);
  }
  return blocks;
}

export function draftBriefing(ctx: DraftContext): string {
  const view = analyse(ctx);
  const assessment = draftAssessment(ctx);
  const [problem, handoff, snapshot, assessed, first] = BRIEFING_HEADINGS;
  return (
    [
      section(problem, problemBlock(view)),
      section(handoff, handoffBlock(ctx)),
      section(snapshot, ...snapshotBlocks(ctx, view, assessment.confidence)),
      section(assessed, ...assessmentBlocks(assessment)),
      section(first, ...firstBlocks(view, assessment)),
      labelLine(),
    ].join('\n\n') + '\n'
  );
}
