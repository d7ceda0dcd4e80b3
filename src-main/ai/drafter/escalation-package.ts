// The escalation package (DESIGN §3 Note preview, kind = escalate): exactly five sections, built only
// from what the session recorded, ending with the offline label.
import { analyse } from './analysis';
import { hypothesisBlocks, labelLine, listOr, problemBlock, section } from './blocks';
import {
  NO_NEXT_STEPS,
  NOTHING_CONFIRMED,
  factLines,
  nextStepLines,
  noStepsText,
  triedLines,
} from './sections';
import { bullets, md } from './text';
import type { DraftContext } from './types';

export const ESCALATION_HEADINGS = [
  '## Problem',
  "## What we've confirmed",
  "## What we've tried",
  '## Current hypothesis',
  '## Suggested next steps',
] as const;

function handoffLines(ctx: DraftContext): string | null {
  const e = ctx.escalation;
  if (!e) return null;
  const lines = [`**Priority:** ${e.priority}`];
  if (e.reason?.trim())
    lines.unshift(`**Reason for ${e.intent === 'park' ? 'parking' : 'escalation'}:** ${md(e.reason, 500)}`);
  if (e.notes?.trim()) lines.push(`**Notes:** ${md(e.notes, 1_000)}`);
  return bullets(lines);
}

export function draftEscalationPackage(ctx: DraftContext): string {
  const view = analyse(ctx);
  const audience = ctx.escalation?.intent === 'park' ? 'park' : 'escalate';
  const [problem, confirmed, tried, hypothesis, next] = ESCALATION_HEADINGS;
  return (
    [
      section(problem, problemBlock(view), handoffLines(ctx)),
      section(confirmed, listOr(factLines(md, view), NOTHING_CONFIRMED)),
      section(tried, listOr(triedLines(md, view), noStepsText(view))),
      section(hypothesis, ...hypothesisBlocks(view)),
      section(next, listOr(nextStepLines(md, view, audience), NO_NEXT_STEPS)),
      labelLine(),
    ].join('\n\n') + '\n'
  );
}
