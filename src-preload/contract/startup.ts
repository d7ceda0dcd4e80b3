// Start-up: the store is checked before it is opened (issue 13, item 5).
import { z } from 'zod';

/** What start-up found wrong with the data file (it is left exactly as it was until the person decides). */
export const STORE_PROBLEMS = [
  'damaged',
  'empty',
  'foreign',
  'newer',
  'unreadable',
  'backup-failed',
] as const;
export type StoreProblem = (typeof STORE_PROBLEMS)[number];

export interface StoreBackup {
  /** File name inside the backups folder (what startup:recover restores). */
  name: string;
  takenAt: number;
  /** daily, or taken just before a migration changed the data. */
  reason: 'daily' | 'pre-migration';
  schemaVersion: number;
  sizeBytes: number;
}

export interface StartupStatus {
  /** ready: Baton's data is open. attention: a decision is needed before Baton can open it. */
  state: 'ready' | 'attention';
  problem: {
    kind: StoreProblem;
    /** One line: "Baton's data file is damaged". */
    title: string;
    /** Plain words: what was found, that nothing was changed, what each choice does. */
    explanation: string;
    file: string;
  } | null;
  /** Backups this Baton can read, newest first. */
  backups: StoreBackup[];
  /** Whether "Start fresh" is offered (it moves the file aside; never offered for another program's file). */
  canStartFresh: boolean;
}

export const StartupRecoverInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('restore'),
    backup: z
      .string()
      .max(200)
      .regex(/^baton-[\w.-]+\.db$/, 'Choose one of the listed backups'),
  }),
  z.object({ action: z.literal('start-fresh') }),
  /** Look at the file again (e.g. after moving another program's file away). */
  z.object({ action: z.literal('check-again') }),
]);
