// The outbox and the connection: jobs waiting to reach the outside world, and whether Baton is online.
import { z } from 'zod';

export const JOB_STATES = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** One external effect waiting in (or done by) the outbox, as the Queue screen shows it. */
export interface JobView {
  id: number;
  kind: string;
  /** What it is for, in words: "Send escalation email to 3 engineers". */
  label: string;
  service: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  nextRunAt: number;
  lastError: string | null;
  sessionId: string | null;
  sessionTitle: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ConnectionState {
  /** What Baton believes: reachable services, unless the last attempts failed to connect. */
  online: boolean;
  /** The technician chose "Work offline": nothing is sent until they turn it off. */
  workOffline: boolean;
  /** Why Baton thinks it is offline (the last connection error), for the tooltip. */
  reason: string | null;
  since: number;
  /**
   * The AI endpoint's own state. Often a server on this computer (Ollama, LM Studio): that it does not
   * answer says nothing about the network, so it never makes Baton "offline".
   */
  ai: { reachable: boolean; reason: string | null };
}

export interface QueueStatus {
  connection: ConnectionState;
  waiting: number;
  running: number;
  dead: number;
  /** While draining after a reconnect: how far along. Null when idle. */
  drain: { total: number; done: number } | null;
}

export const QueueListInput = z
  .object({
    filter: z.enum(['pending', 'dead', 'done', 'all']).default('all'),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .default({ filter: 'all', limit: 200 });
export const JobIdInput = z.object({ id: z.number().int().positive() });
export const WorkOfflineInput = z.object({ workOffline: z.boolean() });
