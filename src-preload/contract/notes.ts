// Notes to the PSA: the linked ConnectWise ticket, drafting a resolve or escalate note, posting it.
import { z } from 'zod';
import { PRIORITIES } from './handoffs';
import { ASSESSMENT_VERDICTS } from './insights';
import { TEXT_LIMITS } from './limits';
import type { SessionSummary, Withheld } from './sessions';

/** A ConnectWise ticket as the session header shows it. */
export interface PsaTicketView {
  id: number;
  summary: string;
  board: string | null;
  status: string;
  owner: string | null;
  closed: boolean;
}

/** A drafted note: resolve (four sections) or escalate (the five-section escalation package). */
export const NOTE_KINDS = ['resolve', 'escalate'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface NotePreview {
  kind: NoteKind;
  sessionId: string;
  /** The session's state_version the draft was made from (the cache key with kind and session). */
  stateVersion: number;
  markdown: string;
  /** ai: written by the configured model; offline: by the built-in drafter (labelled in the text). */
  source: 'ai' | 'offline';
  /** Served from the cache: nothing changed since the last draft, so no AI call was made. */
  cached: boolean;
  /** Why the offline draft stands in for the model's, when a model is configured. */
  notice: string | null;
  /** The secrets withheld from the note: each is a placeholder in `markdown`, posted as it reads. */
  withheld: Withheld[];
  /**
   * Required headings left empty because the session could not fill them (e.g. no cause was recorded):
   * the editor opens on the first, and the note is not posted until each has the technician's words.
   */
  needsWords: string[];
}

/**
 * The headings (of `headings`) whose section holds no words: a draft the session could not fill, or an
 * edit that emptied it. A heading the technician removed is their choice. Main refuses to post such a
 * note; the editor opens on the first and keeps "Confirm & post" off until each has words.
 */
export function emptySections(headings: readonly string[], markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  return headings.filter((heading) => {
    const from = lines.findIndex((line) => line.trim() === heading);
    if (from < 0) return false;
    const next = lines.findIndex((line, at) => at > from && /^#{1,2}\s/.test(line.trim()));
    return (
      lines
        .slice(from + 1, next < 0 ? undefined : next)
        .join('\n')
        .trim() === ''
    );
  });
}

/** A note as it would be posted: typed secrets replaced by placeholders, and the review of them. */
export interface NoteCheck {
  markdown: string;
  withheld: Withheld[];
}

export type NotePostOutcomeKind = 'resolved_local' | 'escalated_local' | 'resolved' | 'escalated' | 'queued';

export interface NotePostOutcome {
  outcome: NotePostOutcomeKind;
  session: SessionSummary;
  summary: string;
  externalNoteId: number | null;
  postedAt: number | null;
  verifiedStatus: { id: number; name: string } | null;
  /** Posted, but the ticket's status was left alone: why (e.g. no status mapped in Settings). */
  statusTransitionSkippedReason: string | null;
}

export const LinkTicketInput = z.object({
  sessionId: z.uuid('Unknown session id'),
  ticketId: z
    .number({ error: 'Enter the ticket number' })
    .int('A ticket number is a whole number')
    .positive('A ticket number is a whole number')
    .nullable(),
});

export const NotePreviewInput = z.object({
  sessionId: z.uuid('Unknown session id'),
  kind: z.enum(NOTE_KINDS, { error: 'Choose resolve or escalate' }),
});
export const NotePostInput = NotePreviewInput.extend({
  markdown: z
    .string()
    .trim()
    .min(1, 'The note is empty: write what was found and done')
    .max(TEXT_LIMITS.noteMarkdown, 'The note is at most 20,000 characters'),
  /** Defaults to the note's first line. */
  summary: z.string().trim().max(TEXT_LIMITS.noteSummary, 'The summary is at most 500 characters').optional(),
  /** An escalation's priority (default medium). */
  priority: z.enum(PRIORITIES, { error: 'Choose a priority: low, medium, high or urgent' }).optional(),
  /** Resolve only: was the escalation assessment's likely cause right? (kept with the resolution) */
  assessmentCheck: z
    .object({
      handoffId: z.uuid('Unknown handoff id'),
      verdict: z.enum(ASSESSMENT_VERDICTS, { error: 'Choose right, partly or wrong' }),
    })
    .optional(),
});

export const NoteCheckInput = z.object({ markdown: z.string().max(TEXT_LIMITS.noteMarkdown) });
