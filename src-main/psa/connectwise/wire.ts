// The parts of ConnectWise's JSON that Baton reads, checked on arrival (extra fields are kept) so a
// surprising answer is a clear PSA_FAILED instead of an undefined deep inside a job.
import { z } from 'zod';

const ref = z.looseObject({ id: z.number(), name: z.string() });
const info = z.looseObject({ lastUpdated: z.string().optional(), updatedBy: z.string().optional() });

export const CwTicketSchema = z.looseObject({
  id: z.number(),
  summary: z.string(),
  status: ref,
  board: ref,
  /** Absent (not null) when unassigned; tolerate null too. */
  owner: z.looseObject({ id: z.number(), identifier: z.string(), name: z.string().optional() }).nullish(),
  closedFlag: z.boolean().optional(),
  closedDate: z.string().nullish(),
  _info: info.optional(),
});
export type CwTicket = z.infer<typeof CwTicketSchema>;

/** A ticket as a `fields=`-trimmed list returns it (the team poll asks only for what it reads). */
export const CwTicketLiteSchema = z.looseObject({
  id: z.number(),
  summary: z.string().optional(),
  status: ref.optional(),
  board: ref.optional(),
  owner: z
    .looseObject({ id: z.number().optional(), identifier: z.string(), name: z.string().optional() })
    .nullish(),
  closedFlag: z.boolean().optional(),
  _info: info.optional(),
});
export type CwTicketLite = z.infer<typeof CwTicketLiteSchema>;

export const CwNoteSchema = z.looseObject({
  id: z.number(),
  ticketId: z.number(),
  text: z.string(),
  detailDescriptionFlag: z.boolean().optional(),
  internalAnalysisFlag: z.boolean().optional(),
  resolutionFlag: z.boolean().optional(),
  dateCreated: z.string().optional(),
  createdBy: z.string().optional(),
  member: z.looseObject({ id: z.number(), identifier: z.string(), name: z.string().optional() }).nullish(),
});
export type CwNote = z.infer<typeof CwNoteSchema>;

export const CwBoardSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  inactiveFlag: z.boolean().optional(),
});
export type CwBoard = z.infer<typeof CwBoardSchema>;

export const CwBoardStatusSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  sortOrder: z.number().optional(),
  closedStatus: z.boolean().optional(),
  inactive: z.boolean().optional(),
  defaultFlag: z.boolean().optional(),
  escalationStatus: z.string().optional(),
});
export type CwBoardStatus = z.infer<typeof CwBoardStatusSchema>;

export const CwMemberSchema = z.looseObject({
  id: z.number(),
  identifier: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  officeEmail: z.string().nullish(),
  inactiveFlag: z.boolean().optional(),
});
export type CwMember = z.infer<typeof CwMemberSchema>;

export const CwCompanyInfoSchema = z.looseObject({ Codebase: z.string().min(1) });

export const CwSystemInfoSchema = z.looseObject({ version: z.string().optional() });
