// What every answer looks like: a value, or an error with one of these codes (DESIGN §1).

export const ERROR_CODES = [
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'ALREADY_CLAIMED',
  'FORBIDDEN',
  'OFFLINE',
  'PSA_FAILED',
  'PSA_STATUS_NOT_VERIFIED',
  'AI_FAILED',
  'NOT_CONFIGURED',
  'INTERNAL',
  /** Sent more than Baton accepts in one request (details: sizeBytes, limitBytes). */
  'TOO_LARGE',
  /** Baton's data is not open: start-up found a problem with the store (see startup:status). */
  'STORE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
