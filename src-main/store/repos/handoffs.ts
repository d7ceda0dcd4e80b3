import { and, asc, desc, eq, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Handoff, HandoffAssessment, HandoffSnapshot } from '../../../src-preload/contract';
import type { Db } from '../database';
import { handoffReads, handoffs, sessions, supportTickets, users } from '../schema';

export type HandoffRow = typeof handoffs.$inferSelect;

const handedOffBy = sql<string>`(select name from ${users} where ${users.id} = ${handoffs.handedOffById})`;
const targetName = sql<
  string | null
>`(select name from ${users} where ${users.id} = ${handoffs.targetUserId})`;
const claimerName = sql<
  string | null
>`(select name from ${users} where ${users.id} = ${handoffs.claimedById})`;
// One handoff's ticket number by the support_tickets_handoff_idx index; a list of 10k reads all the
// numbers in one pass instead of 10k lookups.
const ticketNumber = sql<string>`coalesce((select ticket_number from support_tickets where support_tickets.handoff_id = ${handoffs.id}), ${handoffs.externalTicketNumber})`;
/** In lists the local numbers are looked up in one pass (ticketNumbersOf); imported ones carry theirs. */
const ticketLookedUpLater = sql<string>`${handoffs.externalTicketNumber}`;

function selectViews(db: Db, viewerId: string, ticket = ticketNumber) {
  return db
    .select({
      row: handoffs,
      sessionTitle: sessions.title,
      handedOffByName: handedOffBy,
      targetUserName: targetName,
      claimedByName: claimerName,
      ticketNumber: ticket,
      readAt: handoffReads.readAt,
    })
    .from(handoffs)
    .innerJoin(sessions, eq(sessions.id, handoffs.sessionId))
    .leftJoin(handoffReads, and(eq(handoffReads.handoffId, handoffs.id), eq(handoffReads.userId, viewerId)));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['all']>>[number];

const toHandoff = (r: ViewRow): Handoff => ({
  id: r.row.id,
  sessionId: r.row.sessionId,
  sessionTitle: r.sessionTitle,
  intent: r.row.intent,
  priority: r.row.priority,
  reason: r.row.reason,
  engineerNotes: r.row.engineerNotes,
  handedOffById: r.row.handedOffById,
  handedOffByName: r.handedOffByName,
  targetUserId: r.row.targetUserId,
  targetUserName: r.targetUserName,
  ticketNumber: r.ticketNumber,
  snapshot: JSON.parse(r.row.snapshot) as HandoffSnapshot,
  assessment: {
    state: r.row.assessmentState,
    data: r.row.aiAssessmentData ? (JSON.parse(r.row.aiAssessmentData) as HandoffAssessment) : null,
    draftedOffline: r.row.assessmentOffline,
  },
  claimedById: r.row.claimedById,
  claimedByName: r.claimedByName,
  claimedAt: r.row.claimedAt,
  createdAt: r.row.createdAt,
  unread: r.readAt === null && r.row.claimedById === null,
  overdue: false,
});

export function insertHandoff(db: Db, row: typeof handoffs.$inferInsert): void {
  db.insert(handoffs).values(row).run();
}

export function getHandoffRow(db: Db, id: string): HandoffRow | undefined {
  return db.select().from(handoffs).where(eq(handoffs.id, id)).get();
}

export function getHandoff(db: Db, id: string, viewerId: string): Handoff | null {
  const row = selectViews(db, viewerId).where(eq(handoffs.id, id)).get();
  return row ? toHandoff(row) : null;
}

const PRIORITY_RANK = sql`case ${handoffs.priority} when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

/** Unclaimed handoffs someone else handed off, newest first (or most urgent first). */
export function listOpenHandoffs(db: Db, viewerId: string, sort: 'newest' | 'priority'): Handoff[] {
  const rows = selectViews(db, viewerId, ticketLookedUpLater)
    .where(and(isNull(handoffs.claimedById), isNull(handoffs.closedAt), ne(handoffs.handedOffById, viewerId)))
    .orderBy(
      ...(sort === 'priority' ? [asc(PRIORITY_RANK), desc(handoffs.createdAt)] : [desc(handoffs.createdAt)]),
    )
    .all();
  const tickets = ticketNumbersOf(db, new Set(rows.map((r) => r.row.id)));
  return rows.map((r) =>
    toHandoff(Object.assign(r, { ticketNumber: tickets.get(r.row.id) ?? r.ticketNumber })),
  );
}

/**
 * The ticket number of each of `ids`, from one scan of support_tickets (the first ticket of a handoff,
 * as the per-row subquery would find it).
 */
function ticketNumbersOf(db: Db, ids: ReadonlySet<string>): Map<string, string> {
  const numbers = new Map<string, string>();
  if (ids.size === 0) return numbers;
  const rows = db
    .select({ handoffId: supportTickets.handoffId, ticketNumber: supportTickets.ticketNumber })
    .from(supportTickets)
    .where(isNotNull(supportTickets.handoffId))
    .orderBy(sql`rowid`)
    .all();
  for (const { handoffId, ticketNumber } of rows) {
    if (handoffId && ids.has(handoffId) && !numbers.has(handoffId)) numbers.set(handoffId, ticketNumber);
  }
  return numbers;
}

/** The conditional write behind "exactly one senior wins": only an unclaimed handoff is claimed. */
export function claimHandoffRow(db: Db, id: string, userId: string, now: number): boolean {
  return (
    db
      .update(handoffs)
      .set({ claimedById: userId, claimedAt: now })
      .where(and(eq(handoffs.id, id), isNull(handoffs.claimedById), isNull(handoffs.closedAt)))
      .run().changes === 1
  );
}

export function markHandoffRead(db: Db, handoffId: string, userId: string, now: number): void {
  db.insert(handoffReads).values({ handoffId, userId, readAt: now }).onConflictDoNothing().run();
}

export function setAssessment(
  db: Db,
  id: string,
  result: { state: HandoffRow['assessmentState']; data?: HandoffAssessment; offline?: boolean },
): void {
  db.update(handoffs)
    .set({
      assessmentState: result.state,
      aiAssessment: result.data?.summary_prose ?? null,
      aiAssessmentData: result.data ? JSON.stringify(result.data) : null,
      assessmentOffline: result.offline ?? false,
    })
    .where(eq(handoffs.id, id))
    .run();
}

/** The park handoff still open on a session (the one its parker closes by resuming). */
export function findOpenParkHandoff(db: Db, sessionId: string): HandoffRow | undefined {
  return db
    .select()
    .from(handoffs)
    .where(
      and(
        eq(handoffs.sessionId, sessionId),
        eq(handoffs.intent, 'park'),
        isNull(handoffs.claimedById),
        isNull(handoffs.closedAt),
      ),
    )
    .orderBy(desc(handoffs.createdAt))
    .get();
}

/** Closes an unclaimed handoff without a claim; false when it was claimed or closed meanwhile. */
export function closeHandoffRow(db: Db, id: string, now: number): boolean {
  return (
    db
      .update(handoffs)
      .set({ closedAt: now })
      .where(and(eq(handoffs.id, id), isNull(handoffs.claimedById), isNull(handoffs.closedAt)))
      .run().changes === 1
  );
}

/** Open handoffs created before `before` that have not had their "still unclaimed" reminder. */
export function listUnremindedOpenHandoffs(db: Db, before: number) {
  return db
    .select({
      id: handoffs.id,
      sessionId: handoffs.sessionId,
      sessionTitle: sessions.title,
      handedOffById: handoffs.handedOffById,
      priority: handoffs.priority,
      createdAt: handoffs.createdAt,
    })
    .from(handoffs)
    .innerJoin(sessions, eq(sessions.id, handoffs.sessionId))
    .where(
      and(
        isNull(handoffs.claimedById),
        isNull(handoffs.closedAt),
        isNull(handoffs.overdueNotifiedAt),
        lt(handoffs.createdAt, before),
      ),
    )
    .all();
}

/** Records the reminder; false when another sweep (or a claim) got there first. */
export function markOverdueNotified(db: Db, id: string, now: number): boolean {
  return (
    db
      .update(handoffs)
      .set({ overdueNotifiedAt: now })
      .where(and(eq(handoffs.id, id), isNull(handoffs.overdueNotifiedAt), isNull(handoffs.claimedById)))
      .run().changes === 1
  );
}

export function setHandoffPsaNote(db: Db, id: string, noteId: string): void {
  db.update(handoffs).set({ psaNoteId: noteId }).where(eq(handoffs.id, id)).run();
}

/** Unclaimed handoffs imported from ConnectWise, by ticket (the poller closes those claimed elsewhere). */
export function openPsaHandoffs(db: Db) {
  return db
    .select({
      id: handoffs.id,
      ticketId: handoffs.psaTicketId,
      sessionId: handoffs.sessionId,
      psaNoteId: sql<number | null>`cast(${handoffs.psaNoteId} as integer)`,
    })
    .from(handoffs)
    .where(and(eq(handoffs.origin, 'psa'), isNull(handoffs.claimedById), isNull(handoffs.closedAt)))
    .all();
}
