// The resolution note (DESIGN §3 Note preview, kind = resolve): four sections, customer-visible, so it
// carries only words fit to send — no placeholders, no internal footer. The problem is the technician's
// own statement; the root cause comes from a solved hypothesis, or from what the technician wrote about
// the cause; the resolution from the steps that confirmed the fix and the technician's last messages
// (what they did at the end is how it was resolved). A section the session cannot fill is left empty:
// the editor opens on it and "Confirm & post" waits for the technician's words (emptySections).
import type { SessionView } from './analysis';
import { analyse, isAnswered } from './analysis';
import { listOr, section } from './blocks';
import { factLines, ruledOutLines, solvedLines, stepLine } from './sections';
import { bullets, capped, md, sentence } from './text';
import type { DraftContext } from './types';

export const RESOLUTION_HEADINGS = [
  '## Problem',
  '## What we confirmed',
  '## Root cause',
  '## Resolution',
] as const;

/** How many of the technician's last messages describe the resolution. */
const LAST_MESSAGES = 2;
/** Words a technician uses when they name the cause. */
const CAUSE = /\b(root cause|caused by|the cause|because|due to|turned out|was the issue|culprit)\b/i;

function problemBlock(view: SessionView): string | null {
  return view.problem === null ? null : sentence(md(view.problem, 1_000));
}

/** Messages after the first (which states the problem): what the technician found and did. */
function laterMessages(view: SessionView) {
  return view.technicianMessages.slice(1);
}

/** The newest thing the technician wrote about the cause, in their words (used when no branch is solved). */
function causeMessage(view: SessionView) {
  return [...laterMessages(view)].reverse().find((m) => CAUSE.test(m.body));
}

function rootCauseBlocks(view: SessionView): string[] {
  if (view.solved.length > 0) {
    const ruledOut = ruledOutLines(md, view);
    return [
      bullets(solvedLines(md, view)),
      ...(ruledOut.length > 0 ? ['**Ruled out along the way:**', bullets(ruledOut)] : []),
    ];
  }
  const said = causeMessage(view);
  return said ? [sentence(md(said.body, 600))] : [];
}

function resolutionBlocks(view: SessionView): string[] {
  const blocks: string[] = [];
  const onSolved = view.solved.flatMap((b) => b.steps.filter(isAnswered));
  if (onSolved.length > 0)
    blocks.push(
      '**Steps that confirmed the fix:**',
      bullets(capped(onSolved, 10, (s) => stepLine(md, view, s), 'steps', 'last')),
    );
  // What the technician did at the end; the message already quoted as the root cause is not repeated.
  const cause = view.solved.length > 0 ? undefined : causeMessage(view);
  const last = laterMessages(view)
    .filter((m) => m !== cause)
    .slice(-LAST_MESSAGES);
  if (last.length > 0) blocks.push(last.map((m) => sentence(md(m.body, 600))).join(' '));
  return blocks;
}

export function draftResolutionNote(ctx: DraftContext): string {
  const view = analyse(ctx);
  const [problem, confirmed, rootCause, resolution] = RESOLUTION_HEADINGS;
  return (
    [
      section(problem, problemBlock(view)),
      section(confirmed, listOr(factLines(md, view), '')),
      section(rootCause, ...rootCauseBlocks(view)),
      section(resolution, ...resolutionBlocks(view)),
    ].join('\n\n') + '\n'
  );
}

export { emptySections } from '../../../src-preload/contract';
