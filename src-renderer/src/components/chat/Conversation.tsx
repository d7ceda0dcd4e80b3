import type { ReactNode } from 'react';
import { useLayoutEffect, useRef } from 'react';
import type { Message, TraceEvent } from '../../../../src-preload/contract';
import type { OutboxItem } from '../../stores/outbox-store';
import { AssistantMessage, PendingMessage, SystemMessage, TechnicianMessage } from './MessageItem';
import { ThinkingRow } from './ReplyStatus';
import { TraceEventItem } from '../session/TraceEventItem';
import '../../chat.css';

/** Where "Assistant is thinking…" goes: after the last message of each waiting request's chain
 * (the request itself, or an earlier partial answer to it), unless a reply is already streaming. */
function thinkingAnchors(messages: Message[]): Set<string> {
  const anchors = new Set<string>();
  messages.forEach((m, index) => {
    if (m.role !== 'user' || m.reply.state !== 'sending') return;
    if (messages.some((r) => r.replyToId === m.id && r.status === 'streaming')) return;
    let last = index;
    while (messages[last + 1]?.replyToId === m.id) last++;
    anchors.add(messages[last]!.id);
  });
  return anchors;
}

/** Keeps the newest text in view while the technician is at the bottom; leaves them alone when
 * they have scrolled up to reread something (but follows their own new message). */
function useStickToBottom(messages: Message[], pending: OutboxItem[]) {
  const listRef = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const last = messages.at(-1);
  const lastPending = pending.at(-1);
  const signature = `${messages.length}:${last?.id}:${last?.body.length}:${last?.reply.state}:${pending.length}:${lastPending?.state}`;
  const lastId = lastPending?.id ?? (last?.role === 'user' ? last.id : null);
  const seenUserId = useRef(lastId);
  useLayoutEffect(() => {
    const list = listRef.current;
    const ownNew = lastId !== null && lastId !== seenUserId.current;
    seenUserId.current = lastId;
    if (list && (atBottom.current || ownNew)) list.scrollTop = list.scrollHeight;
  }, [signature, lastId]);
  const onScroll = () => {
    const list = listRef.current;
    if (list) atBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
  };
  return { listRef, onScroll };
}

/** The trace events due before each message (by time), and those after the last one. */
function eventsByMessage(messages: Message[], events: TraceEvent[]) {
  const before = new Map<string, TraceEvent[]>();
  const after: TraceEvent[] = [];
  for (const event of events) {
    const next = messages.find((m) => m.createdAt > event.at);
    if (!next) after.push(event);
    else before.set(next.id, [...(before.get(next.id) ?? []), event]);
  }
  return { before, after };
}

/**
 * The stored conversation with the handoff story in it (escalated, picked up, parked, resumed,
 * resolved, where each happened), then the technician's notes still being saved (or failed, with
 * Retry). A senior's briefing, when shown, comes first.
 */
export function Conversation({
  messages,
  pending,
  events = [],
  brief,
  onBriefing,
}: {
  messages: Message[];
  pending: OutboxItem[];
  events?: TraceEvent[];
  brief?: ReactNode;
  onBriefing?: (handoffId: string) => void;
}) {
  const { listRef, onScroll } = useStickToBottom(messages, pending);
  const anchors = thinkingAnchors(messages);
  const byId = new Map(messages.map((m) => [m.id, m]));
  const trace = eventsByMessage(messages, events);
  const traceItems = (list: TraceEvent[] | undefined) =>
    list?.map((e) => (
      <TraceEventItem
        key={`${e.kind}:${e.at}:${'handoffId' in e ? e.handoffId : ''}`}
        event={e}
        onBriefing={onBriefing}
      />
    ));

  return (
    <ol
      className="conversation"
      aria-label="Conversation"
      aria-live="polite"
      // A scroll region: reachable by keyboard, so the arrow keys scroll it.
      tabIndex={0}
      ref={listRef}
      onScroll={onScroll}
    >
      {brief}
      {messages.length === 0 && pending.length === 0 && events.length === 0 && (
        <li className="conversation-empty muted">
          Describe the problem: what the user sees, which device, what changed. Everything is saved on this
          laptop as you go.
        </li>
      )}
      {messages
        .map((m) => (
          <MessageRow key={m.id} message={m} request={m.replyToId ? byId.get(m.replyToId) : undefined}>
            {anchors.has(m.id) && <ThinkingRow />}
          </MessageRow>
        ))
        .flatMap((row, i) => [traceItems(trace.before.get(messages[i]!.id)), row])}
      {traceItems(trace.after)}
      {pending.map((item) => (
        <PendingMessage key={item.id} item={item} />
      ))}
    </ol>
  );
}

function MessageRow({
  message,
  request,
  children,
}: {
  message: Message;
  request: Message | undefined;
  children: ReactNode;
}) {
  return (
    <>
      {message.role === 'assistant' ? (
        <AssistantMessage message={message} request={request} />
      ) : message.role === 'system' ? (
        <SystemMessage message={message} />
      ) : (
        <TechnicianMessage message={message} />
      )}
      {children}
    </>
  );
}
