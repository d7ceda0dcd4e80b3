// Turning recorded user text into safe output. Markdown outputs go through `md` (inline-escaped: no
// heading, list, quote, link, image, code, emphasis, strikethrough or raw HTML can come out of user
// text); plain-text outputs go through `plain`. Both fold whitespace onto one line and cap the length.

/** Renders one piece of recorded text; the drafters build every sentence through one of these. */
export type Fmt = (text: string, max?: number) => string;

const DEFAULT_MAX = 400;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const ALNUM = /[\p{L}\p{N}]/u;

/** Folds text onto one line: line breaks become " / " (or a space after punctuation), runs of spaces one. */
export function oneLine(text: string): string {
  const lines = text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
  return lines.reduce(
    (out, line) => (out === '' ? line : `${out}${/[.!?;:,…]$/.test(out) ? ' ' : ' / '}${line}`),
    '',
  );
}

/** Cuts to at most `max` UTF-16 units (never inside a surrogate pair), at a word boundary when one is near, marked with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = '';
  for (const ch of text) {
    if (head.length + ch.length > max - 1) break;
    head += ch;
  }
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length * 0.6 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}

export const plain: Fmt = (text, max = DEFAULT_MAX) => truncate(oneLine(text), max);

/**
 * Escapes text for a markdown line. Backslash-escapes the characters that start inline structure
 * (`*`, `` ` ``, `[`, `]`, `~`, `_` where it could start emphasis, and a backslash that would escape
 * what follows); writes `<` as `&lt;` so no raw HTML or autolink survives, and `&` as `&amp;` where it
 * would start an entity; escapes block markers at the start (`#`, `>`, `+`, `-`, `=`, `|`, `1.`, `1)`).
 */
export function escapeInline(text: string): string {
  const chars = Array.from(text);
  let out = '';
  chars.forEach((ch, i) => {
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if (ch === '\\') out += next === '' || ASCII_PUNCT.test(next) ? '\\\\' : '\\';
    else if (ch === '<') out += '&lt;';
    else if (ch === '&')
      out += /^&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(chars.slice(i, i + 34).join('')) ? '&amp;' : '&';
    else if ('*`[]~'.includes(ch)) out += `\\${ch}`;
    else if (ch === '_') out += ALNUM.test(prev) && ALNUM.test(next) ? '_' : '\\_';
    else out += ch;
  });
  return out.replace(/^([#>+\-=|])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Recorded text for a markdown line: one line, capped, escaped. */
export const md: Fmt = (text, max = DEFAULT_MAX) => escapeInline(truncate(oneLine(text), max));

/** `"text"` through a formatter. */
export function quoted(fmt: Fmt, text: string, max = 200): string {
  return `"${fmt(text, max)}"`;
}

/** Whole-sentence ending: adds a full stop unless the text already ends a sentence. */
export function sentence(text: string): string {
  return /[.!?…:]$/.test(text) ? text : `${text}.`;
}

/** Shows at most `max` items; the rest become one "… and N more {noun}" item at the end or start. */
export function capped<T>(
  items: readonly T[],
  max: number,
  render: (item: T) => string,
  noun: string,
  keep: 'first' | 'last' = 'first',
): string[] {
  if (items.length <= max) return items.map(render);
  const rest = items.length - max;
  if (keep === 'first') return [...items.slice(0, max).map(render), `… and ${rest} more ${noun}`];
  return [`… and ${rest} earlier ${noun}`, ...items.slice(-max).map(render)];
}

/** Markdown bullets, one per line. */
export function bullets(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

/** Elapsed time in words, deterministic and locale-free. */
export function duration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
