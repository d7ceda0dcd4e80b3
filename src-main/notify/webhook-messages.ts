// What a handoff says in Teams and Slack. Teams answers 200/202 even when the Workflow later fails
// on a malformed card (API-NOTES), so the card's shape is checked here before it is sent. The redaction
// gate reads every webhook body on its way out (net/outbound-gate.ts).
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import type { Handoff } from '../../src-preload/contract';

/** With `reminderAt`, the "still unclaimed" re-announcement of an overdue handoff. */
export function handoffHeadline(
  h: Pick<Handoff, 'intent' | 'sessionTitle' | 'createdAt'>,
  reminderAt?: number,
): string {
  if (reminderAt !== undefined)
    return `Still unclaimed after ${formatDistanceStrict(h.createdAt, reminderAt)}: ${h.sessionTitle}`;
  return `${h.intent === 'escalate' ? 'New escalation' : 'Parked session'}: ${h.sessionTitle}`;
}

function handoffLines(h: Handoff): string[] {
  return [
    `Priority: ${h.priority} · Ticket ${h.ticketNumber}`,
    `Reason: ${h.reason || '—'}`,
    `From: ${h.handedOffByName}${h.targetUserName ? ` → ${h.targetUserName}` : ''}`,
  ];
}

export interface AdaptiveCardMessage {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: Record<string, unknown>;
  }[];
}

export function teamsMessage(h: Handoff, reminderAt?: number): AdaptiveCardMessage {
  const body = [
    {
      type: 'TextBlock',
      text: handoffHeadline(h, reminderAt),
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    ...handoffLines(h).map((text) => ({ type: 'TextBlock', text, wrap: true })),
  ];
  const message: AdaptiveCardMessage = {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.2',
          body,
        },
      },
    ],
  };
  assertAdaptiveCard(message);
  return message;
}

/** The shape Teams Workflows accept; anything else is refused before it leaves the machine. */
export function assertAdaptiveCard(message: AdaptiveCardMessage): void {
  const [attachment] = message.attachments;
  const content = attachment?.content as { type?: unknown; version?: unknown; body?: unknown } | undefined;
  const ok =
    message.type === 'message' &&
    message.attachments.length === 1 &&
    attachment?.contentType === 'application/vnd.microsoft.card.adaptive' &&
    content?.type === 'AdaptiveCard' &&
    typeof content.version === 'string' &&
    Array.isArray(content.body) &&
    content.body.length > 0 &&
    content.body.every(
      (block: { type?: unknown; text?: unknown }) =>
        block.type === 'TextBlock' && typeof block.text === 'string' && block.text.length > 0,
    );
  if (!ok) throw new Error('The Teams card is malformed');
}

export function slackMessage(h: Handoff, reminderAt?: number): { text: string; blocks: unknown[] } {
  const headline = handoffHeadline(h, reminderAt);
  return {
    text: headline,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${headline.replace(/[*_~`]/g, '')}*` } },
      { type: 'section', text: { type: 'mrkdwn', text: handoffLines(h).join('\n') } },
    ],
  };
}
