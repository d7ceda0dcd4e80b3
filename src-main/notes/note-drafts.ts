// Note preview (DESIGN §3): the resolution note or the escalation package as markdown, drafted by the
// configured model or, without one, by the offline drafter; cached by (kind, session, state_version)
// so asking again with nothing changed costs no AI call. A model's draft that lacks a required section,
// or a model that cannot be reached, gives way to the offline draft with the reason shown.
import type { NoteCheck, NoteKind, NotePreview, User } from '../../src-preload/contract';
import { draftEscalationPackage, draftResolutionNote } from '../ai/drafter';
import { ESCALATION_HEADINGS } from '../ai/drafter/escalation-package';
import { RESOLUTION_HEADINGS, emptySections } from '../ai/drafter/resolution-note';
import type { ChatProvider } from '../ai/providers/chat-provider';
import { draftContextOf, recordForModel } from '../ai/session-record';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import { NetworkError } from '../net/http';
import type { Db } from '../store/database';
import { getCachedPreview, putCachedPreview } from '../store/repos/preview-cache';
import { getSessionRow } from '../store/repos/sessions';
import { placeholdersIn } from '../redaction/placeholders';
import { redact } from '../redaction/redact';

export const NOTE_HEADINGS: Record<NoteKind, readonly string[]> = {
  resolve: RESOLUTION_HEADINGS,
  escalate: ESCALATION_HEADINGS,
};

const PURPOSE: Record<NoteKind, string> = {
  resolve:
    'a resolution note for the customer-visible ticket history: what the problem was, what was confirmed, the root cause and what fixed it',
  escalate:
    'an escalation package for the senior engineer who takes the ticket over: what is known, what was tried and ruled out, the current hypothesis and what to try next',
};

/** A customer-visible note's sections that hold no words yet (an internal package may leave some). */
export function needsWords(kind: NoteKind, markdown: string): string[] {
  return kind === 'resolve' ? emptySections(RESOLUTION_HEADINGS, markdown) : [];
}

export function noteSystemPrompt(kind: NoteKind): string {
  return `You write ${PURPOSE[kind]}, for a managed service provider's ticket.
Answer in markdown with exactly these second-level headings, in this order, and nothing before the first:
${NOTE_HEADINGS[kind].join('\n')}
Use only what the session record shows; where something is unknown, say so. Plain, specific, no filler.`;
}

/** Every required heading, in order, each on its own line. */
export function hasSections(kind: NoteKind, markdown: string): boolean {
  let from = 0;
  for (const heading of NOTE_HEADINGS[kind]) {
    const at = markdown.slice(from).search(new RegExp(`^${escapeRegExp(heading)}\\s*$`, 'm'));
    if (at < 0) return false;
    from += at + heading.length;
  }
  return true;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stripFences = (text: string) =>
  text
    .trim()
    .replace(/^```(?:markdown|md)?\s*\n/, '')
    .replace(/\n```\s*$/, '')
    .trim();

export function createNoteDrafts(deps: {
  db: Db;
  clock: Clock;
  provider: () => Promise<ChatProvider | null>;
  timeoutMs?: number;
}) {
  const { db, clock } = deps;

  async function preview(actor: User, kind: NoteKind, sessionId: string): Promise<NotePreview> {
    const session = getSessionRow(db, sessionId);
    if (!session) throw notFound('Session', sessionId);
    const base = { kind, sessionId, stateVersion: session.stateVersion };
    const cached = getCachedPreview(db, kind, sessionId, session.stateVersion);
    if (cached)
      return {
        ...base,
        markdown: cached.markdown,
        source: cached.source,
        cached: true,
        notice: null,
        withheld: placeholdersIn(cached.markdown),
        needsWords: needsWords(kind, cached.markdown),
      };

    const context = draftContextOf(db, session, { technicianName: actor.name, now: clock.now() });
    const offline = () =>
      kind === 'resolve' ? draftResolutionNote(context) : draftEscalationPackage(context);
    const provider = await deps.provider();
    let markdown: string;
    let source: NotePreview['source'] = 'offline';
    let notice: string | null = null;
    if (!provider) {
      markdown = offline();
    } else {
      try {
        const reply = await provider.streamChat(
          {
            system: noteSystemPrompt(kind),
            messages: [{ role: 'user', content: recordForModel(context) }],
            signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000),
          },
          () => undefined,
        );
        const text = stripFences(reply.text);
        if (hasSections(kind, text)) {
          markdown = `${text}\n`;
          source = 'ai';
        } else {
          markdown = offline();
          notice = `${provider.label}'s draft was missing required sections, so this is the offline draft.`;
        }
      } catch (err) {
        markdown = offline();
        notice =
          err instanceof NetworkError
            ? `${provider.label} could not be reached (${err.message}), so this is the offline draft.`
            : `${provider.label} could not draft the note (${err instanceof Error ? err.message : String(err)}), so this is the offline draft.`;
      }
    }
    // The preview is exactly what will be posted: placeholders for anything the draft itself holds (the
    // store and the AI already saw placeholders; this catches what a model made up that looks like one).
    markdown = redact(markdown).text;
    // A stand-in for an unreachable model is not cached: the next preview asks the model again.
    if (notice === null)
      putCachedPreview(db, {
        kind,
        sessionId,
        stateVersion: session.stateVersion,
        markdown,
        source,
        createdAt: clock.now(),
      });
    return {
      ...base,
      markdown,
      source,
      cached: false,
      notice,
      withheld: placeholdersIn(markdown),
      needsWords: needsWords(kind, markdown),
    };
  }

  /** What notes:post would post for an edited note (its inbound redaction, run without storing). */
  function check(markdown: string): NoteCheck {
    const redacted = redact(markdown).text;
    return { markdown: redacted, withheld: placeholdersIn(redacted) };
  }

  return { preview, check };
}

export type NoteDrafts = ReturnType<typeof createNoteDrafts>;
