// The most Baton accepts: in one request, and in each text field.

/**
 * The most one request may carry (bytes of its JSON). Well above the largest valid input (a 100,000-
 * character message, at most ~600 KB even when every character is escaped), so only input that would
 * be refused anyway is stopped here: the renderer refuses it before sending, the browser host answers
 * TOO_LARGE instead of dropping the connection.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * The longest text each field accepts, in characters after trimming. The input schemas use these,
 * and the renderer shows a counter near them and refuses a paste past them: never a silent cut.
 */
export const TEXT_LIMITS = {
  message: 100_000,
  fact: 2_000,
  step: 2_000,
  stepOption: 200,
  stepNote: 5_000,
  hypothesis: 300,
  hypothesisReason: 1_000,
  /** The handoff's reason and the chat's "Escalate to a senior" reason. */
  escalationReason: 500,
  handoffNotes: 5_000,
  noteMarkdown: 20_000,
  noteSummary: 500,
  fixReason: 1_000,
  sessionTitle: 200,
  contactName: 100,
  contactEmail: 200,
  contactPhone: 50,
  contactHours: 100,
} as const;
