// Machine-readable trailers on ConnectWise notes (DESIGN §6): the last line of a note Baton posts for
// the team is `[baton:<kind>] {json}`, so another Baton reading the ticket knows what the note is.
// People reading the ticket in ConnectWise see the human text above it.
import { z } from 'zod';
import { PRIORITIES } from '../../src-preload/contract';

const person = z.object({ name: z.string().max(200), email: z.string().max(320) });

const branch = z.object({
  label: z.string().max(300),
  status: z.string().max(40),
  reason: z.string().max(500).nullable(),
});

export const HandoffTrailer = z.object({
  v: z.literal(1),
  handoffId: z.uuid(),
  sessionId: z.uuid(),
  title: z.string().max(300),
  priority: z.enum(PRIORITIES),
  reason: z.string().max(2_000),
  notes: z.string().max(4_000).nullable(),
  from: person,
  ticketNumber: z.string().max(40),
  /** sha256 of the full snapshot JSON kept on the escalating machine. */
  snapshotRef: z.string().max(80),
  /** A compact copy for the briefing: counts and the branch map (at most 20 branches). */
  snapshot: z.object({
    summary: z.string().max(500),
    stepCount: z.number().int().min(0),
    factCount: z.number().int().min(0),
    confidence: z.string().max(20).nullable(),
    branches: z.array(branch).max(20),
  }),
});
export type HandoffTrailer = z.infer<typeof HandoffTrailer>;

export const ClaimTrailer = z.object({
  v: z.literal(1),
  handoffId: z.uuid(),
  by: person.extend({ member: z.string().max(100) }),
});
export type ClaimTrailer = z.infer<typeof ClaimTrailer>;

export const MessageTrailer = z.object({
  v: z.literal(1),
  handoffId: z.uuid(),
  messageId: z.uuid(),
  from: person,
});
export type MessageTrailer = z.infer<typeof MessageTrailer>;

const SCHEMAS = { handoff: HandoffTrailer, claim: ClaimTrailer, message: MessageTrailer } as const;
export type TrailerKind = keyof typeof SCHEMAS;
type TrailerOf<K extends TrailerKind> = z.infer<(typeof SCHEMAS)[K]>;

export const trailerTag = (kind: TrailerKind) => `[baton:${kind}]`;

/** The note text with its trailer line appended. */
export function withTrailer<K extends TrailerKind>(text: string, kind: K, data: TrailerOf<K>): string {
  return `${text.trimEnd()}\n\n${trailerTag(kind)} ${JSON.stringify(SCHEMAS[kind].parse(data))}`;
}

/** The trailer of `kind` in a note's text, or null (absent, or not valid: a hand-edited note). */
export function readTrailer<K extends TrailerKind>(text: string, kind: K): TrailerOf<K> | null {
  const tag = trailerTag(kind);
  const line = text
    .split('\n')
    .reverse()
    .find((l) => l.trimStart().startsWith(tag));
  if (!line) return null;
  try {
    const parsed = SCHEMAS[kind].safeParse(JSON.parse(line.trimStart().slice(tag.length)));
    return parsed.success ? (parsed.data as TrailerOf<K>) : null;
  } catch {
    return null;
  }
}

/** The human part of a note: without its trailer and Baton's reference line. */
export function noteBody(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*\[baton:[a-z]+\] \{/.test(l) && !/^\s*baton-(ref|post|team):/.test(l))
    .join('\n')
    .trim();
}
