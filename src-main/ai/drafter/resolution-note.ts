// The resolution note (DESIGN §3 Note preview, kind = resolve): four sections. The root cause comes
// only from a solved hypothesis; the resolution from the last steps, findings and technician
// messages. Whatever the session did not record is said to be unknown rather than guessed.
import type { SessionView } from './analysis';
import { analyse, isAnswered } from './analysis';
import { listOr, problemBlock, section } from './blocks';
import { NOTHING_CONFIRMED, factLines, ruledOutLines, solvedLines, stepLine } from './sections';
import { bullets, capped, md, quoted } from './text';
import type { DraftContext } from './types';

export const RESOLUTION_HEADINGS = [
  '## Problem',
  '## What we confirmed',
  '## Root cause',
  '## Resolution',
] as const;

export const ROOT_CAUSE_UNKNOWN = 'Not determined: no hypothesis was confirmed.';
export const RESOLUTION_UNKNOWN =
  'How the issue was resolved was not recorded in the session; add it before posting.';
export const RESOLUTION_UNCONFIRMED =
  'No confirmed fix was recorded against a hypothesis; check this section before posting.';

const LAST_STEPS = 3;
const LAST_FACTS = 2;
const LAST_MESSAGES = 2;

function rootCauseBlocks(view: SessionView): string[] {
  const ruledOut = ruledOutLines(md, view);
  const tail = ruledOut.length > 0 ? ['**Ruled out along the way:**', bullets(ruledOut)] : [];
  if (view.solved.length > 0) return [bullets(solvedLines(md, view)), ...tail];
  const working = view.active.map((b) => quoted(md, b.hypothesis.label)).join(', ');
  const note = working ? `The working hypothesis was ${working}, not confirmed.` : null;
  return [ROOT_CAUSE_UNKNOWN, ...(note ? [note] : []), ...tail];
}

function resolutionBlocks(ctx: DraftContext, view: SessionView): string[] {
  const blocks: string[] = [];
  const onSolved = view.solved.flatMap((b) => b.steps.filter(isAnswered));
  const finalSteps = onSolved.length > 0 ? onSolved : view.steps.filter(isAnswered).slice(-LAST_STEPS);
  if (finalSteps.length > 0) {
    const heading = onSolved.length > 0 ? '**Steps that confirmed the fix:**' : '**Last steps taken:**';
    blocks.push(heading, bullets(capped(finalSteps, 10, (s) => stepLine(md, view, s), 'steps', 'last')));
  }
  const lastFacts = view.facts.slice(-LAST_FACTS);
  if (lastFacts.length > 0) blocks.push('**Latest findings:**', bullets(lastFacts.map((f) => md(f.text))));
  const lastMessages = view.technicianMessages.slice(-LAST_MESSAGES);
  if (lastMessages.length > 0) {
    blocks.push(
      "**From the technician's last messages:**",
      bullets(
        lastMessages.map((m) => {
          const who = m.authorName?.trim() || ctx.technicianName?.trim();
          return `${who ? `${md(who, 80)}: ` : ''}${quoted(md, m.body, 300)}`;
        }),
      ),
    );
  }
  if (blocks.length === 0) return [RESOLUTION_UNKNOWN];
  return view.solved.length > 0 ? blocks : [RESOLUTION_UNCONFIRMED, ...blocks];
}

export function draftResolutionNote(ctx: DraftContext): string {
  const view = analyse(ctx);
  const [problem, confirmed, rootCause, resolution] = RESOLUTION_HEADINGS;
  return (
    [
      section(problem, problemBlock(view)),
      section(confirmed, listOr(factLines(md, view), NOTHING_CONFIRMED)),
      section(rootCause, ...rootCauseBlocks(view)),
      section(resolution, ...resolutionBlocks(ctx, view)),
      // No "drafted offline" footer: this note is customer-visible (the preview shows how it was drafted).
    ].join('\n\n') + '\n'
  );
}
