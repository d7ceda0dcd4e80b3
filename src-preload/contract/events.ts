// Push events (main → renderer).
import type { AppearanceSettings, UpdateStatus } from './app';
import type { Handoff, Priority } from './handoffs';
import type { ConnectionState, JobView, QueueStatus } from './queue';
import type { Message, SessionSummary } from './sessions';

export interface EventMap {
  session_created: SessionSummary;
  session_updated: SessionSummary;
  message_added: Message;
  /** A streaming reply's display text so far (markers removed). */
  message_delta: { sessionId: string; messageId: string; replyToId: string; text: string };
  message_updated: Message;
  /** Steps, facts, hypotheses or the escalation request changed: re-read the session. */
  session_changed: { sessionId: string };
  /** The bell changed for someone on this machine: re-read it. */
  notifications_changed: { userIds: string[] };
  handoff_created: Handoff;
  handoff_assessment_ready: Handoff;
  handoff_claimed: Handoff;
  /** Left the queue without a claim (its parker resumed the session). */
  handoff_closed: { id: string; sessionId: string };
  /** Passed its priority's threshold unclaimed: marked overdue and announced again. */
  handoff_overdue: { id: string; sessionTitle: string; priority: Priority; handedOffById: string };
  /** Someone (here, or a senior on another machine: DESIGN §6) picked up a handoff: `escalatorId` is told
   * (the bell; an OS notification on their machine). */
  handoff_picked_up: { handoffId: string; sessionId: string; byName: string; escalatorId: string };
  /** Main asks the UI to open an https page (the browser host has no shell.openExternal). */
  open_url: { url: string };
  /** Main asks the UI to show this handoff (a notification or the tray was clicked). */
  open_handoff: { handoffId: string };
  /** An application-menu command whose shortcut Electron's menu took before the page saw it. */
  menu_command: { command: 'new-session' | 'search' | 'settings' };
  update_status: UpdateStatus;
  job_updated: JobView;
  queue_changed: QueueStatus;
  online_changed: ConnectionState;
  /** The appearance setting changed (the Electron shell sets nativeTheme.themeSource from it). */
  appearance_changed: AppearanceSettings;
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: EventName[] = [
  'session_created',
  'session_updated',
  'message_added',
  'message_delta',
  'message_updated',
  'session_changed',
  'notifications_changed',
  'handoff_created',
  'handoff_assessment_ready',
  'handoff_claimed',
  'handoff_closed',
  'handoff_overdue',
  'handoff_picked_up',
  'open_url',
  'open_handoff',
  'menu_command',
  'update_status',
  'job_updated',
  'queue_changed',
  'online_changed',
  'appearance_changed',
];
/** The single Electron channel that carries every push event as `{ event, payload }`. */
export const PUSH_CHANNEL = 'baton:event';
