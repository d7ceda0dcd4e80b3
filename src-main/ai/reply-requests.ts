// When a technician message gets an assistant reply: enqueued with the message (same transaction)
// when a provider is set up, and again on "Retry" after a failure.
import type { Message, User } from '../../src-preload/contract';
import { AppError, notFound } from '../errors';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { MessageViews } from '../services/message-views';
import { AI_REPLY, replyKey } from '../services/message-views';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getJobByKey, requeueDeadJob } from '../store/repos/jobs';
import type { MessageRow } from '../store/repos/messages';
import { getMessage } from '../store/repos/messages';

export function createReplyRequests(deps: {
  db: Db;
  now: () => number;
  views: MessageViews;
  enqueue: (request: EnqueueRequest) => { id: number };
  assistantAvailable: () => boolean;
  /** After a dead job is requeued outside enqueue: announce it and wake the worker. */
  requeued: (jobId: number) => void;
}) {
  const { db, views } = deps;

  function requestFor(message: Pick<MessageRow, 'id' | 'sessionId'>) {
    if (!deps.assistantAvailable()) return;
    deps.enqueue({
      kind: AI_REPLY,
      payload: { sessionId: message.sessionId, messageId: message.id },
      idempotencyKey: replyKey(message.id),
      sessionId: message.sessionId,
    });
  }

  function retry(actor: User, messageId: string): Message {
    const message = getMessage(db, messageId);
    if (!message) throw notFound('Message', messageId);
    if (message.role !== 'user')
      throw new AppError('VALIDATION', 'Only a technician message can ask for a reply');
    if (!deps.assistantAvailable())
      throw new AppError(
        'NOT_CONFIGURED',
        'No AI assistant is set up. Ask an admin to choose a provider in Settings.',
      );
    let requeuedId: number | null = null;
    inTransaction(db, () => {
      const job = getJobByKey(db, replyKey(messageId));
      if (!job) requestFor(message);
      else if (job.state === 'dead') requeuedId = requeueDeadJob(db, job.id, deps.now())?.id ?? null;
      else if (job.state === 'done') throw new AppError('CONFLICT', 'This message already has its reply');
      else throw new AppError('CONFLICT', 'A reply is already on its way');
      appendAudit(
        db,
        { actorId: actor.id, action: 'message.retry_reply', entityType: 'message', entityId: messageId },
        deps.now(),
      );
    });
    if (requeuedId !== null) deps.requeued(requeuedId);
    return views.one(messageId)!;
  }

  return { requestFor, retry };
}
