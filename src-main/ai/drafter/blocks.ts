// Markdown building blocks shared by the note drafters (escalation package, resolution note, briefing).
import type { SessionView } from './analysis';
import { NO_HYPOTHESIS, NO_PROBLEM, ruledOutLines, solvedLines, workingLine } from './sections';
import { bullets, md, sentence } from './text';
import { OFFLINE_LABEL } from './types';

/** A section: its heading, then paragraphs separated by blank lines. */
export function section(heading: string, ...blocks: (string | null)[]): string {
  return [heading, ...blocks.filter((b): b is string => b !== null && b.length > 0)].join('\n\n');
}

export function listOr(lines: readonly string[], empty: string): string {
  return lines.length > 0 ? bullets(lines) : empty;
}

export function labelLine(): string {
  return `_${OFFLINE_LABEL}_`;
}

export function problemBlock(view: SessionView): string {
  return view.problem === null ? NO_PROBLEM : sentence(md(view.problem, 1_000));
}

/** The current hypothesis: active branches and any confirmed ones, then what was ruled out and why. */
export function hypothesisBlocks(view: SessionView): string[] {
  const working = [...view.active.map((b) => workingLine(md, b)), ...solvedLines(md, view)];
  const ruledOut = ruledOutLines(md, view);
  return [
    listOr(working, NO_HYPOTHESIS),
    ...(ruledOut.length > 0 ? ["**Ruled out — don't repeat:**", bullets(ruledOut)] : []),
  ];
}
