// The one redaction gate on every path out of the machine (issue 14). Network requests pass it inside
// src-main/net/http.ts (see net/outbound-gate.ts), so a new client cannot forget it; the paths that are not
// HTTP — OS notifications, the log, exported logs and CSV files — call gateText() where their text is
// written. The stores already hold placeholders (redaction/at-rest.ts), so the gate normally finds
// nothing: it is the guarantee, not the first line.
import { findSecretsInChunks } from './chunked';
import { applySpans, redact } from './redact';
import type { Finding } from './types';

/** Every way text leaves the machine. The path-enumeration test (outbound-paths.test.ts) covers each. */
export const OUTBOUND_PATHS = [
  'ai',
  'webhook',
  'email',
  'psa',
  'diagnostic',
  'os_notification',
  'log',
  'log_export',
  'csv_export',
] as const;
export type OutboundPath = (typeof OUTBOUND_PATHS)[number];

export interface PathCount {
  /** Texts (request bodies, notification texts, log lines…) that passed the gate. */
  passed: number;
  /** Secrets the gate replaced on this path: each one would have left without it. */
  withheld: number;
}

// Module-wide on purpose: the non-HTTP paths (log lines, notifications) have no client object to hang a
// counter on, and the bench and tests read one picture of everything that left.
const counts = new Map<OutboundPath, PathCount>(OUTBOUND_PATHS.map((p) => [p, { passed: 0, withheld: 0 }]));

function count(path: OutboundPath, findings: readonly Finding[]): void {
  const c = counts.get(path)!;
  c.passed++;
  c.withheld += findings.length;
}

/** What passed the gate so far, per path (a copy). */
export function gateCounts(): Record<OutboundPath, PathCount> {
  return Object.fromEntries([...counts].map(([p, c]) => [p, { ...c }])) as Record<OutboundPath, PathCount>;
}

/** Text on its way out, redacted (synchronous: short texts such as a notification or a log line). */
export function gateText(path: OutboundPath, text: string): string {
  const result = redact(text);
  count(path, result.findings);
  return result.text;
}

/** Like gateText for texts of any size: a large one is scanned a window at a time (chunked.ts). */
export async function gateLongText(path: OutboundPath, text: string): Promise<string> {
  const result = applySpans(text, await findSecretsInChunks(text));
  count(path, result.findings);
  return result.text;
}

/**
 * A JSON value on its way out: every string in it redacted (object keys are names, not content). The
 * value is copied, never changed in place.
 */
export async function gateJson(path: OutboundPath, value: unknown): Promise<unknown> {
  const findings: Finding[] = [];
  const walk = async (v: unknown): Promise<unknown> => {
    if (typeof v === 'string') {
      const text = await gateEmbeddedJson(v, walk, findings);
      const spans = await findSecretsInChunks(text);
      if (spans.length === 0) return text;
      const result = applySpans(text, spans);
      findings.push(...result.findings);
      return result.text;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const item of v) out.push(await walk(item));
      return out;
    }
    if (v !== null && typeof v === 'object') {
      // toJSON first (Dates and the like), as JSON.stringify would.
      const plain =
        typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v;
      if (plain !== v) return walk(plain);
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = await walk(item);
      return out;
    }
    return v;
  };
  const gated = await walk(value);
  count(path, findings);
  return gated;
}

/**
 * JSON inside a string — a ConnectWise note's `[baton:handoff] {…}` trailer, a pasted JSON log line — has
 * its text escaped (\" and \n), which hides the context the rules read (a quoted value, a command at the
 * start of a line): each such line's JSON is gated as JSON, string by string, and written back.
 */
async function gateEmbeddedJson(
  text: string,
  walk: (v: unknown) => Promise<unknown>,
  findings: Finding[],
): Promise<string> {
  if (!text.includes('{') || !text.includes('}')) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = line.indexOf('{');
    if (open < 0 || !line.trimEnd().endsWith('}')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.slice(open));
    } catch {
      continue;
    }
    if (parsed === null || typeof parsed !== 'object') continue;
    const found = findings.length;
    const gated = await walk(parsed);
    if (findings.length > found) {
      lines[i] = line.slice(0, open) + JSON.stringify(gated);
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/** A log line and the error behind it, as text that may be written to a log file. */
export function gateLogLine(message: string, err?: unknown): string {
  const detail =
    err === undefined || err === ''
      ? ''
      : err instanceof Error
        ? ` ${err.stack ?? `${err.name}: ${err.message}`}`
        : ` ${typeof err === 'string' ? err : safeJson(err)}`;
  return gateText('log', `${message}${detail}`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** An OS notification (tray balloon, toast) as it may be shown: title and body redacted. */
export function gateNotification(n: { title: string; body: string }): { title: string; body: string } {
  return { title: gateText('os_notification', n.title), body: gateText('os_notification', n.body) };
}
