// The redaction pass run before any text leaves the machine (AI, email, webhooks, PSA; DESIGN §5).
// Every rule proposes candidate spans; overlaps are settled by priority; secrets become "[REDACTED:kind]"
// while the words around them stay, so a model still understands the line.
import { ASSIGNMENT_RULES } from './assignments';
import { COMMAND_RULES } from './commands';
import type { Candidate, Rule } from './rule';
import { NETWORK_RULES } from './network';
import { PROSE_RULES } from './prose';
import { SHAPE_RULES } from './shapes';
import { SHELL_RULES } from './shell';
import { VENDOR_RULES } from './vendors';
import type { Finding, Redaction, SecretKind } from './types';
import { KIND_INFO } from './types';

const RULES: readonly Rule[] = [
  ...SHAPE_RULES,
  ...VENDOR_RULES,
  ...COMMAND_RULES,
  ...SHELL_RULES,
  ...NETWORK_RULES,
  ...PROSE_RULES,
  ...ASSIGNMENT_RULES,
];

export function placeholder(kind: SecretKind): string {
  return `[REDACTED:${kind}]`;
}

/** First few characters and the length: enough to recognise which secret it was, never enough to use it. */
export function previewOf(secret: string): string {
  // Count code points, not UTF-16 units, so an emoji is one character and never split in half.
  const chars = /[\uD800-\uDFFF]/.test(secret) ? Array.from(secret) : null;
  const n = chars ? chars.length : secret.length;
  const shown = n >= 24 ? 4 : n >= 12 ? 3 : n >= 6 ? 2 : n >= 4 ? 1 : 0;
  const head = chars ? chars.slice(0, shown).join('') : secret.slice(0, shown);
  return `${head}… (${n} chars)`;
}

/**
 * Highest priority first; a lower candidate that overlaps keeps only its uncovered parts (so a context
 * match that is longer than the token inside it cannot leak the rest), and blank leftovers are dropped.
 */
function settle(candidates: Candidate[], text: string): Candidate[] {
  const order = candidates.sort(
    (a, b) => b.priority - a.priority || a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of order) {
    let i = c.start;
    while (i < c.end) {
      while (i < c.end && taken[i] === 1) i++;
      let j = i;
      while (j < c.end && taken[j] === 0) j++;
      const next = j;
      while (i < j && /\s/.test(text.charAt(i))) i++;
      while (j > i && /\s/.test(text.charAt(j - 1))) j--;
      if (j > i && /[A-Za-z0-9]/.test(text.slice(i, j))) {
        kept.push(i === c.start && j === c.end ? c : { ...c, start: i, end: j });
        taken.fill(1, i, j);
      }
      i = next;
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Backslashes immediately before `index`. */
function backslashesBefore(text: string, index: number): number {
  let n = 0;
  while (index - n - 1 >= 0 && text.charCodeAt(index - n - 1) === 92) n++;
  return n;
}

/** Length of the backslash escape starting at p (2, or 6 for \uXXXX), or 0 when none starts there. */
function escapeAt(text: string, p: number): number {
  if (text.charCodeAt(p) !== 92 || backslashesBefore(text, p) % 2 === 1) return 0;
  return text.charAt(p + 1) === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6)) ? 6 : 2;
}

/** Start of the escape that index i falls strictly inside, or -1. */
function escapeAround(text: string, i: number): number {
  for (let p = i - 1; p >= Math.max(0, i - 5); p--) {
    const length = escapeAt(text, p);
    if (length > 0) return p + length > i ? p : -1;
  }
  return -1;
}

/**
 * Widens a span so it never splits a backslash escape (`\"`, `\\`, `\n`, `\u00e9`): text that is itself
 * JSON-encoded (a ConnectWise note's trailer, a pasted JSON log) stays valid JSON once the span becomes a
 * placeholder, whose characters need no escaping.
 */
function escapeSafe(text: string, start: number, end: number): [number, number] {
  const s = escapeAround(text, start);
  const e = escapeAround(text, end);
  return [s >= 0 ? s : start, e >= 0 ? e + escapeAt(text, e) : end];
}

/** The secrets in `text` as ordered, non-overlapping spans of the original (the core of redact()). */
export function findSecrets(text: string): Candidate[] {
  if (text.length === 0) return [];
  const lower = text.toLowerCase();
  const candidates: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.needles.length === 0 || rule.needles.some((n) => lower.includes(n))) rule.find(text, candidates);
  }
  if (candidates.length === 0) return [];
  const kept: Candidate[] = [];
  for (const c of settle(candidates, text)) {
    const [start, end] = text.includes('\\') ? escapeSafe(text, c.start, c.end) : [c.start, c.end];
    const last = kept.at(-1);
    // Widening can make two neighbours touch: they become one placeholder (the first one's kind).
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else kept.push(start === c.start && end === c.end ? c : { ...c, start, end });
  }
  return kept;
}

/** Replaces the spans (ordered, non-overlapping) with placeholders: the text that may leave or rest. */
export function applySpans(text: string, spans: readonly Candidate[]): Redaction {
  if (spans.length === 0) return { text, findings: [] };
  const parts: string[] = [];
  let at = 0;
  for (const c of spans) {
    parts.push(text.slice(at, c.start), placeholder(c.kind));
    at = c.end;
  }
  parts.push(text.slice(at));
  const findings: Finding[] = spans.map((c) => ({
    kind: c.kind,
    label: c.label,
    start: c.start,
    end: c.end,
    preview: previewOf(text.slice(c.start, c.end)),
  }));
  return { text: parts.join(''), findings };
}

export function redact(text: string): Redaction {
  return applySpans(text, findSecrets(text));
}

/** "2 secrets withheld (password, API key)"; "" when nothing was withheld. */
export function summarizeFindings(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const nouns = [...new Set(findings.map((f) => KIND_INFO[f.kind].noun))];
  const n = findings.length;
  return `${n} ${n === 1 ? 'secret' : 'secrets'} withheld (${nouns.join(', ')})`;
}
