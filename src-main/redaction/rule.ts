// The shape every detector has, plus a helper that turns one regex into a detector.
//
// Backtracking safety: every quantifier in the detectors is bounded ({0,N}) and every pattern starts at a
// token boundary (lookbehind), so the work per starting position is bounded and a scan stays linear even on
// adversarial input (100k "password=" or a megabyte of base64).
import type { SecretKind } from './types';
import { KIND_INFO } from './types';

export interface Candidate {
  kind: SecretKind;
  label: string;
  start: number;
  end: number;
  /** Higher wins when two candidates overlap: a recognisable token shape beats the context around it. */
  priority: number;
}

export interface Rule {
  /** Lowercase substrings; the rule only runs when the text contains one of them (cheap skip). */
  needles: readonly string[];
  find(text: string, out: Candidate[]): void;
}

/** What a pattern match turned out to be; start/end override the captured span when the secret is a part of it. */
export interface Verdict {
  kind: SecretKind;
  label?: string;
  start?: number;
  end?: number;
}

export interface PatternSpec {
  /** Must have the g and d flags (global scan, capture offsets). */
  re: RegExp;
  needles: readonly string[];
  priority: number;
  /** Capture groups that may hold the secret (alternatives); the first one that matched is used. */
  groups: readonly number[];
  judge: (value: string, m: RegExpExecArray, text: string, start: number) => Verdict | null;
}

export function patternRule(spec: PatternSpec): Rule {
  const { re } = spec;
  if (!re.global || !re.hasIndices)
    throw new Error(`redaction pattern needs the g and d flags: ${re.source}`);
  return {
    needles: spec.needles,
    find(text, out) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const group = spec.groups.find((g) => m?.[g] !== undefined);
        const span = group === undefined ? undefined : m.indices?.[group];
        const value = group === undefined ? undefined : m[group];
        const verdict = span && value !== undefined ? spec.judge(value, m, text, span[0]) : null;
        if (span && verdict) {
          const start = verdict.start ?? span[0];
          const end = verdict.end ?? span[1];
          if (end > start) {
            const label = verdict.label ?? KIND_INFO[verdict.kind].label;
            out.push({ kind: verdict.kind, label, start, end, priority: spec.priority });
          }
        } else {
          // Rejected: retry one character on, so an assignment hidden inside the rejected value is still seen.
          re.lastIndex = m.index + 1;
        }
      }
    },
  };
}

/** Shorthand for a rule whose match is always one kind, with an optional extra check on the value. */
export function fixedRule(
  re: RegExp,
  needles: readonly string[],
  priority: number,
  kind: SecretKind,
  label?: string,
  accept: (value: string) => boolean = () => true,
): Rule {
  return patternRule({
    re,
    needles,
    priority,
    groups: [1],
    judge: (value) => (accept(value) ? (label === undefined ? { kind } : { kind, label }) : null),
  });
}

/** The line containing index, without its line break; at most `radius` characters either side, so a
 * megabyte-long line does not make every lookup on it linear (and the whole scan quadratic). */
export function lineAt(text: string, index: number, radius = 2000): string {
  const from = Math.max(0, index - radius);
  const window = text.slice(from, Math.min(text.length, index + radius));
  const at = index - from;
  const start = at > 0 ? window.lastIndexOf('\n', at - 1) + 1 : 0;
  const nl = window.indexOf('\n', at);
  return window.slice(start, nl === -1 ? window.length : nl);
}
