// Sessions and their messages: the list, search, the conversation, the request to escalate.
import { z } from 'zod';
import { clientId, id } from './fields';
import { TEXT_LIMITS } from './limits';

export const SESSION_STATUSES = [
  'active',
  'paused',
  'requesting_escalation',
  'escalated',
  'resolved',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const MESSAGE_ROLES = ['user', 'assistant', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** What a session is called until its first note names it. */
export const UNTITLED_SESSION = 'New session';

export interface SessionSummary {
  id: string;
  title: string;
  status: SessionStatus;
  messageCount: number;
  createdAt: number;
  updatedAt: number;
}

/** What became of the assistant reply a technician message asked for. */
export type ReplyState = 'none' | 'waiting' | 'sending' | 'failed' | 'answered';

/** A secret the redaction pass withheld from a message (never the secret itself). */
export interface Withheld {
  kind: string;
  label: string;
  /** A few leading characters and the length, or "hidden" when the keychain cannot open them. */
  preview: string;
}

/** "Show withheld": a message as its author typed it (only ever sent to that author). */
export interface RevealedMessage {
  messageId: string;
  body: string;
}

export interface Message {
  id: string;
  sessionId: string;
  role: MessageRole;
  authorId: string | null;
  authorName: string | null;
  /** For assistant messages: the display text (markers removed). */
  body: string;
  createdAt: number;
  /** Assistant replies: streaming while tokens arrive; incomplete when the stream was cut. */
  status: 'complete' | 'streaming' | 'incomplete';
  /** Technician messages: the state of the reply (waiting for connection, failed with Retry…). */
  reply: { state: ReplyState; error: string | null; jobId: number | null };
  replyToId: string | null;
  /**
   * Secrets the redaction pass withheld: the body holds placeholders in their place, and the values are
   * kept sealed (their author can show them with messages:reveal).
   */
  withheld: Withheld[];
}

export interface SearchHit {
  session: SessionSummary;
  /** Where the words matched, with the matches wrapped in «» (plain text, never HTML). */
  snippet: string;
}

export interface EscalationRequest {
  requested: boolean;
  reason: string | null;
  at: number | null;
}

export const SessionsListInput = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    /** Keyset cursor: the last row of the previous page. */
    before: z.object({ updatedAt: z.number().int(), id: z.string() }).optional(),
    status: z.enum(SESSION_STATUSES).optional(),
  })
  .default({ limit: 100 });

export const SessionsCreateInput = z
  .object({
    /** Chosen by the renderer, so the session's composer opens (and takes keys) before main answers;
     * a retry with the same id answers the session already made, never a second one. */
    id: z.uuid('Unknown session id').optional(),
    title: z
      .string()
      .trim()
      .max(TEXT_LIMITS.sessionTitle, `Title must be at most ${TEXT_LIMITS.sessionTitle} characters`)
      .optional(),
  })
  .default({});

export const SessionIdInput = z.object({ id: z.uuid('Unknown session id') });
export const SessionRenameInput = z.object({
  id: z.uuid('Unknown session id'),
  title: z
    .string()
    .trim()
    .min(1, 'Give the session a title')
    .max(TEXT_LIMITS.sessionTitle, `Title must be at most ${TEXT_LIMITS.sessionTitle} characters`),
});

export const MessagesAddInput = z.object({
  sessionId: z.uuid('Unknown session id'),
  id: clientId('message'),
  body: z
    .string()
    .trim()
    .min(1, 'Type something first')
    .max(TEXT_LIMITS.message, 'That message is too long (100,000 characters at most)'),
});

export const MessageIdInput = z.object({ messageId: id('message') });
export const SessionsSearchInput = z.object({
  query: z.string().trim().min(1, 'Type something to search for').max(200),
  status: z.enum(SESSION_STATUSES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const RequestEscalationInput = z.object({
  id: id('session'),
  reason: z.string().trim().max(TEXT_LIMITS.escalationReason).optional(),
});
