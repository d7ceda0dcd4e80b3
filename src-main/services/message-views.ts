// Messages as the chat shows them: a technician message carries the state of the reply it asked
// for (from its ai.reply job) and what the redaction pass withheld from it (the body is stored with
// placeholders; the values stay sealed until their author asks to see them); assistant text is display text.
import type { Message, ReplyState } from '../../src-preload/contract';
import type { Connectivity } from '../jobs/connectivity';
import type { Db } from '../store/database';
import { jobProgressByKey, jobProgressOfSession } from '../store/repos/jobs';
import type { MessageRecord, MessageRow } from '../store/repos/messages';
import { getMessage, listMessages } from '../store/repos/messages';
import type { WithheldRow } from '../store/repos/withheld-secrets';
import { getWithheld, withheldOfSession, withheldView } from '../store/repos/withheld-secrets';

export const AI_REPLY = 'ai.reply';
export const replyKey = (messageId: string) => `ai-reply:${messageId}`;

interface ReplyJob {
  id: number;
  state: 'queued' | 'running' | 'done' | 'dead';
  lastError: string | null;
}

export function createMessageViews(db: Db, connectivity: Connectivity) {
  function replyJobs(sessionId: string): Map<string, ReplyJob> {
    const rows = jobProgressOfSession(db, AI_REPLY, sessionId);
    return new Map(rows.map((r) => [r.key, r]));
  }

  function replyOf(job: ReplyJob | undefined): Message['reply'] {
    if (!job) return { state: 'none', error: null, jobId: null };
    const ai = connectivity.state().ai;
    const states: Record<ReplyJob['state'], ReplyState> = {
      queued: connectivity.canSend() && ai.reachable ? 'sending' : 'waiting',
      running: 'sending',
      done: 'answered',
      dead: 'failed',
    };
    const state = states[job.state];
    // Waiting on the AI endpoint itself (not the network): say so, with why.
    const error =
      job.state === 'dead'
        ? job.lastError
        : state === 'waiting' && connectivity.canSend() && !ai.reachable
          ? `The AI assistant is not reachable: ${ai.reason ?? 'it did not answer'}`
          : null;
    return { state, error, jobId: job.id };
  }

  function toView(
    record: MessageRecord,
    jobsByKey: Map<string, ReplyJob>,
    withheld: WithheldRow | undefined,
  ): Message {
    const isTechnician = record.role === 'user';
    return {
      id: record.id,
      sessionId: record.sessionId,
      role: record.role,
      authorId: record.authorId,
      authorName: record.authorName,
      body: record.body,
      createdAt: record.createdAt,
      status: record.status,
      replyToId: record.replyToId,
      reply: isTechnician ? replyOf(jobsByKey.get(replyKey(record.id))) : replyOf(undefined),
      withheld: withheldView(db, withheld),
    };
  }

  /** One reply job by its key (a unique index): cheap enough for the click path. */
  function replyJobFor(messageId: string): Map<string, ReplyJob> {
    const key = replyKey(messageId);
    const job = jobProgressByKey(db, key);
    return new Map<string, ReplyJob>(job ? [[key, job]] : []);
  }

  return {
    /** A message just written, without reading it back. */
    fromRow(row: MessageRow, authorName: string | null): Message {
      return toView(
        { ...row, authorName },
        row.role === 'user' ? replyJobFor(row.id) : new Map<string, ReplyJob>(),
        getWithheld(db, row.id) ?? undefined,
      );
    },
    forSession(sessionId: string): Message[] {
      const jobsByKey = replyJobs(sessionId);
      const withheld = withheldOfSession(db, sessionId);
      return listMessages(db, sessionId).map((m) => toView(m, jobsByKey, withheld.get(m.id)));
    },
    one(messageId: string): Message | null {
      const record = getMessage(db, messageId);
      return record
        ? toView(record, replyJobs(record.sessionId), getWithheld(db, messageId) ?? undefined)
        : null;
    },
  };
}

export type MessageViews = ReturnType<typeof createMessageViews>;
