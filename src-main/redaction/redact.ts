// The redaction pass run before any text leaves the machine (AI, email, webhooks, PSA; DESIGN §5).
// Every rule proposes candidate spans; overlaps are settled by priority; secrets become "[REDACTED:kind]"
// while the words around them stay, so a model still understands the line.
import { ASSIGNMENT_RULES } from './assignments';
import { COMMAND_RULES } from './commands';
import type { Candidate, Rule } from './rule';
import { SHAPE_RULES } from './shapes';
import type { Finding, Redaction, SecretKind } from './types';
import { KIND_INFO } from './types';

const RULES: readonly Rule[] = [...SHAPE_RULES, ...COMMAND_RULES, ...ASSIGNMENT_RULES];

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

export function redact(text: string): Redaction {
  if (text.length === 0) return { text, findings: [] };
  const lower = text.toLowerCase();
  const candidates: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.needles.length === 0 || rule.needles.some((n) => lower.includes(n))) rule.find(text, candidates);
  }
  if (candidates.length === 0) return { text, findings: [] };

  const kept = settle(candidates, text);
  const parts: string[] = [];
  let at = 0;
  for (const c of kept) {
    parts.push(text.slice(at, c.start), placeholder(c.kind));
    at = c.end;
  }
  parts.push(text.slice(at));
  const findings: Finding[] = kept.map((c) => ({
    kind: c.kind,
    label: c.label,
    start: c.start,
    end: c.end,
    preview: previewOf(text.slice(c.start, c.end)),
  }));
  return { text: parts.join(''), findings };
}

/** "2 secrets withheld (password, API key)"; "" when nothing was withheld. */
export function summarizeFindings(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const nouns = [...new Set(findings.map((f) => KIND_INFO[f.kind].noun))];
  const n = findings.length;
  return `${n} ${n === 1 ? 'secret' : 'secrets'} withheld (${nouns.join(', ')})`;
}
