// Redacting a large paste (a 5 MB log) without holding the main process for the whole scan: the text is
// read in windows of about CHUNK characters, each a few milliseconds of work, with a pause between them so
// IPC, streaming replies and the UI's other requests carry on. The result is the one a single pass finds:
// each window starts LOOKBACK characters before its own part (a multi-line secret such as unattend.xml's
// <Password><Value> or a PEM block is seen whole) and reads OVERLAP past it; a secret is kept by the window
// its first character belongs to.
import type { Candidate } from './rule';
import { applySpans, findSecrets } from './redact';
import type { Redaction } from './types';

/** Characters per window: about 2–4 ms of scanning on a laptop (bench: redaction.*). */
export const CHUNK = 64_000;
const LOOKBACK = 4_000;
const OVERLAP = 16_000;

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The first line start at or after `index` (at most `limit` characters on; `index` itself past it). */
function lineStartAfter(text: string, index: number, limit = 2_000): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const nl = text.indexOf('\n', index);
  return nl === -1 || nl - index > limit ? index : nl + 1;
}

/** The line start at or before `index` (at most `limit` characters back). */
function lineStartBefore(text: string, index: number, limit = 2_000): number {
  if (index <= 0) return 0;
  const nl = text.lastIndexOf('\n', index - 1);
  return nl === -1 ? (index <= limit ? 0 : index) : index - nl - 1 > limit ? index : nl + 1;
}

export interface ChunkOptions {
  /** Called between windows (default: yield to the event loop once). */
  pause?: () => Promise<void>;
  /** Window size (tests use small ones to prove the windows agree with one pass). */
  chunk?: number;
}

/** findSecrets(text), a window at a time. Short texts are one window, scanned at once. */
export async function findSecretsInChunks(text: string, options: ChunkOptions = {}): Promise<Candidate[]> {
  const chunk = options.chunk ?? CHUNK;
  if (text.length <= chunk + OVERLAP) return findSecrets(text);
  const pause = options.pause ?? nextTick;
  const out: Candidate[] = [];
  let from = 0;
  while (from < text.length) {
    const to = lineStartAfter(text, Math.min(text.length, from + chunk));
    const windowStart = lineStartBefore(text, Math.max(0, from - LOOKBACK));
    const windowEnd = lineStartAfter(text, Math.min(text.length, to + OVERLAP));
    for (const c of findSecrets(text.slice(windowStart, windowEnd))) {
      const start = c.start + windowStart;
      if (start >= from && start < to) out.push({ ...c, start, end: c.end + windowStart });
    }
    from = Math.max(to, out.at(-1)?.end ?? 0);
    if (from < text.length) await pause();
  }
  return out;
}

/** redact(text), a window at a time (see findSecretsInChunks). */
export async function redactInChunks(text: string, options: ChunkOptions = {}): Promise<Redaction> {
  return applySpans(text, await findSecretsInChunks(text, options));
}
