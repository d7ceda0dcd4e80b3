// The assistant's reply to a technician message, as an outbox job: it streams tokens to the open
// chat, keeps a partial answer when the stream is cut (and tries again later), and records what the
// reply's markers carried (facts, steps, hypotheses, an escalation request) in one transaction.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import { defineJobKind, PermanentJobError } from '../jobs/job-kinds';
import type { MessageViews } from '../services/message-views';
import { AI_REPLY } from '../services/message-views';
import type { WorkspaceService } from '../services/workspace-service';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { listFacts } from '../store/repos/facts';
import { listHypotheses } from '../store/repos/hypotheses';
import type { MessageRow } from '../store/repos/messages';
import { findReply, insertMessage, listMessages, updateReply } from '../store/repos/messages';
import {
  bumpForNewMessage,
  bumpStateVersion,
  flagEscalationRequest,
  getSessionRow,
  toSessionSummary,
} from '../store/repos/sessions';
import { listSteps } from '../store/repos/steps';
import type { ChatProvider, ChatTurn } from './providers/chat-provider';
import { displayWhileStreaming, parseAssistantReply } from './reply-markers';
import { recordSuggestedFix } from '../fixes/fix-service';
import { troubleshootingSystemPrompt } from './system-prompt';

const ReplyPayload = z.object({ sessionId: z.uuid(), messageId: z.uuid() });

export interface AiReplyDeps {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  views: MessageViews;
  workspace: WorkspaceService;
  provider: () => Promise<ChatProvider | null>;
}

export function aiReplyKind(deps: AiReplyDeps) {
  const { db, clock, events, views } = deps;

  const announce = (message: MessageRow) => {
    const view = views.one(message.id);
    if (view) events.emit('message_updated', view);
  };

  return defineJobKind({
    kind: AI_REPLY,
    service: 'ai',
    maxAttempts: 6,
    payload: ReplyPayload,
    describe: () => 'Assistant reply',
    async run({ sessionId, messageId }, ctx) {
      const provider = await deps.provider();
      if (!provider)
        throw new PermanentJobError(
          'No AI assistant is set up. Ask an admin to choose a provider in Settings.',
        );
      const session = getSessionRow(db, sessionId);
      if (!session) throw new PermanentJobError('The session no longer exists');

      const history = conversationUpTo(listMessages(db, sessionId), messageId);
      const system = troubleshootingSystemPrompt({
        title: session.title,
        technicianName: null,
        facts: listFacts(db, sessionId).map((f) => f.text),
        steps: listSteps(db, sessionId).map(
          (s) => s.text + (s.selectedOption ? ` → ${s.selectedOption}` : ''),
        ),
        hypotheses: listHypotheses(db, sessionId).map(
          (h) => `${h.label} (${h.status.replace('_', ' ')}${h.reason ? `: ${h.reason}` : ''})`,
        ),
      });

      let reply = findReply(db, messageId);
      let raw = '';
      const onText = (delta: string) => {
        raw += delta;
        // The reply row appears with the first token, so a reply that never started leaves nothing behind.
        reply ??= inTransaction(db, () => {
          const bumped = bumpForNewMessage(db, sessionId, clock.now())!;
          return insertMessage(
            db,
            {
              id: randomUUID(),
              sessionId,
              role: 'assistant',
              authorId: null,
              body: '',
              seq: bumped.messageCount,
              status: 'streaming',
              replyToId: messageId,
              model: provider.model,
            },
            clock.now(),
          );
        });
        events.emit('message_delta', {
          sessionId,
          messageId: reply.id,
          replyToId: messageId,
          text: displayWhileStreaming(raw),
        });
      };

      try {
        await provider.streamChat({ system, messages: history, signal: ctx.signal }, onText);
      } catch (err) {
        if (reply && raw)
          announce(
            updateReply(db, reply.id, { body: parseAssistantReply(raw).display, status: 'incomplete' })!,
          );
        throw err;
      }
      if (!reply) throw new Error('The assistant sent an empty reply');

      const parsed = parseAssistantReply(raw);
      const finished = reply;
      const now = clock.now();
      const updatedSession = inTransaction(db, () => {
        updateReply(db, finished.id, { body: parsed.display, status: 'complete', model: provider.model });
        deps.workspace.recordFromReply(sessionId, finished.id, parsed, now);
        const proposed = parsed.fixes.at(-1);
        if (proposed) recordSuggestedFix(db, sessionId, finished.id, proposed, now);
        bumpStateVersion(db, sessionId, now);
        if (parsed.escalation.requested) {
          flagEscalationRequest(
            db,
            sessionId,
            parsed.escalation.reason ?? 'The assistant suggests bringing in a senior',
            now,
          );
        }
        return getSessionRow(db, sessionId)!;
      });
      announce(finished);
      const original = views.one(messageId);
      if (original) events.emit('message_updated', original);
      events.emit('session_updated', toSessionSummary(updatedSession));
      events.emit('session_changed', { sessionId });
    },
  });
}

/**
 * What the model sees: the conversation up to the message being answered (stored with placeholders, and
 * gated again on its way out), consecutive turns of one side merged (the APIs want user/assistant alternating).
 */
export function conversationUpTo(messages: ReturnType<typeof listMessages>, messageId: string): ChatTurn[] {
  const target = messages.find((m) => m.id === messageId);
  if (!target) throw new PermanentJobError('The message to answer no longer exists');
  const turns: ChatTurn[] = [];
  for (const m of messages) {
    if (m.seq > target.seq && m.id !== messageId) continue;
    if (m.role === 'system' || !m.body.trim()) continue;
    const content = m.body;
    const last = turns.at(-1);
    if (last && last.role === m.role) last.content += `\n\n${content}`;
    else turns.push({ role: m.role, content });
  }
  while (turns[0]?.role === 'assistant') turns.shift();
  return turns;
}
