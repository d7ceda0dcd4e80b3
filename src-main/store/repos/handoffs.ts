import { and, asc, count, desc, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Handoff, HandoffAssessment, HandoffCard, HandoffSnapshot } from '../../../src-preload/contract';
import { PRIORITY_ORDER } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { handoffReads, handoffs, sessions, users } from '../schema';

export type HandoffRow = typeof handoffs.$inferSelect;

const handedOffBy = sql<string>`(select name from ${users} where ${users.id} = ${handoffs.handedOffById})`;
const targetName = sql<
  string | null
>`(select name from ${users} where ${users.id} = ${handoffs.targetUserId})`;
const claimerName = sql<
  string | null
>`(select name from ${users} where ${users.id} = ${handoffs.claimedById})`;
// A handoff's ticket number by the support_tickets_handoff_idx index (a page of the queue reads one per
// card); an imported handoff keeps the escalating machine's number.
const ticketNumber = sql<string>`coalesce((select ticket_number from support_tickets where support_tickets.handoff_id = ${handoffs.id}), ${handoffs.externalTicketNumber})`;

function selectViews(db: Db, viewerId: string | ReturnType<typeof sql.placeholder>) {
  return db
    .select({
      row: handoffs,
      sessionTitle: sessions.title,
      handedOffByName: handedOffBy,
      targetUserName: targetName,
      claimedByName: claimerName,
      ticketNumber,
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

// One handoff as the app shows it, read after every escalate, claim and update: a prepared statement
// per store, so the query (four subqueries and two joins) is built and compiled once, not per click.
const preparedGet = new WeakMap<Db, ReturnType<typeof prepareGet>>();
const prepareGet = (db: Db) =>
  selectViews(db, sql.placeholder('viewerId'))
    .where(eq(handoffs.id, sql.placeholder('id')))
    .prepare();

export function getHandoff(db: Db, id: string, viewerId: string): Handoff | null {
  let statement = preparedGet.get(db);
  if (!statement) preparedGet.set(db, (statement = prepareGet(db)));
  const row = statement.get({ id, viewerId });
  return row ? toHandoff(row) : null;
}

/** The priority order of the contract (PRIORITY_ORDER), as SQL. */
const PRIORITY_RANK = sql.raw(
  `(case handoffs.priority ${PRIORITY_ORDER.map((p, i) => `when '${p}' then ${i}`).join(' ')} end)`,
);

/** Where a page of the queue ends, in its sort order: the next page starts after this card. */
export interface CardCursor {
  rank: number;
  createdAt: number;
  /** The row's rowid: ties in createdAt keep the order they were written in. */
  seq: number;
}

const seq = sql<number>`${handoffs}.rowid`;

const waitingFor = (viewerId: string) =>
  and(isNull(handoffs.claimedById), isNull(handoffs.closedAt), ne(handoffs.handedOffById, viewerId));

/**
 * A page of the queue as light cards (what a card shows; the reason cut at 300 characters), newest
 * first or most urgent first, after `after`. One indexed read per card for its ticket number.
 */
export function listHandoffCards(
  db: Db,
  viewerId: string,
  page: { sort: 'newest' | 'priority'; after: CardCursor | null; limit: number },
): (Omit<HandoffCard, 'overdue'> & { rank: number; seq: number })[] {
  const { after } = page;
  const newer = after ? sql`(${handoffs.createdAt}, ${seq}) < (${after.createdAt}, ${after.seq})` : undefined;
  const afterCursor =
    after && page.sort === 'priority'
      ? sql`(${PRIORITY_RANK} > ${after.rank} or (${PRIORITY_RANK} = ${after.rank} and ${newer}))`
      : newer;
  const rows = db
    .select({
      id: handoffs.id,
      sessionId: handoffs.sessionId,
      sessionTitle: sessions.title,
      intent: handoffs.intent,
      priority: handoffs.priority,
      reason: sql<string>`substr(${handoffs.reason}, 1, 300)`,
      handedOffById: handoffs.handedOffById,
      handedOffByName: handedOffBy,
      targetUserName: targetName,
      ticketNumber,
      createdAt: handoffs.createdAt,
      assessmentState: handoffs.assessmentState,
      readAt: handoffReads.readAt,
      rank: sql<number>`${PRIORITY_RANK}`,
      seq,
    })
    .from(handoffs)
    .innerJoin(sessions, eq(sessions.id, handoffs.sessionId))
    .leftJoin(handoffReads, and(eq(handoffReads.handoffId, handoffs.id), eq(handoffReads.userId, viewerId)))
    .where(and(waitingFor(viewerId), afterCursor))
    .orderBy(...(page.sort === 'priority' ? [asc(PRIORITY_RANK)] : []), desc(handoffs.createdAt), desc(seq))
    .limit(page.limit)
    .all();
  return rows.map(({ readAt, ...card }) => ({ ...card, unread: readAt === null }));
}

/** How many wait for `viewerId`, and how many of those they have not opened. */
export function countWaitingHandoffs(db: Db, viewerId: string): { total: number; unread: number } {
  const row = db
    .select({ total: count(), read: count(handoffReads.readAt) })
    .from(handoffs)
    .leftJoin(handoffReads, and(eq(handoffReads.handoffId, handoffs.id), eq(handoffReads.userId, viewerId)))
    .where(waitingFor(viewerId))
    .get()!;
  return { total: row.total, unread: row.total - row.read };
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

/** The escalation package, drafted after the handoff committed (handoffs/handoff-package.ts). */
export function setHandoffPackage(db: Db, id: string, markdown: string): void {
  db.update(handoffs).set({ packageMarkdown: markdown }).where(eq(handoffs.id, id)).run();
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

/** Who claimed a handoff and when it closed, as another process may have changed them (store-watch.ts). */
export interface HandoffClaimState {
  id: string;
  claimed: string | null;
  closed: string | null;
}

const claimStateColumns = {
  id: handoffs.id,
  claimed: handoffs.claimedById,
  closed: sql<string | null>`cast(${handoffs.closedAt} as text)`,
};

/** The handoffs neither claimed nor closed. */
export function openHandoffClaimStates(db: Db): HandoffClaimState[] {
  return prepared(db, 'handoffs.openClaimStates', (d) =>
    d
      .select(claimStateColumns)
      .from(handoffs)
      .where(and(isNull(handoffs.claimedAt), isNull(handoffs.closedAt)))
      .prepare(),
  ).all();
}

/** These handoffs' claim states (one statement, whatever the number of ids: they go as a JSON array). */
export function handoffClaimStates(db: Db, ids: string[]): HandoffClaimState[] {
  return prepared(db, 'handoffs.claimStates', (d) =>
    d
      .select(claimStateColumns)
      .from(handoffs)
      .where(sql`${handoffs.id} in (select value from json_each(${sql.placeholder('ids')}))`)
      .prepare(),
  ).all({ ids: JSON.stringify(ids) });
}

/** Every handoff of a session, oldest first, with the names and ticket number its story shows. */
export function listSessionHandoffs(db: Db, sessionId: string) {
  return (
    db
      .select({
        id: handoffs.id,
        intent: handoffs.intent,
        priority: handoffs.priority,
        reason: handoffs.reason,
        notes: handoffs.engineerNotes,
        origin: handoffs.origin,
        createdAt: handoffs.createdAt,
        claimedAt: handoffs.claimedAt,
        closedAt: handoffs.closedAt,
        byName: handedOffBy,
        targetName,
        claimerName,
        ticketNumber,
      })
      .from(handoffs)
      // The join makes drizzle qualify the columns inside the name and ticket subqueries.
      .innerJoin(sessions, eq(sessions.id, handoffs.sessionId))
      .where(eq(handoffs.sessionId, sessionId))
      .orderBy(asc(handoffs.createdAt), asc(seq))
      .all()
  );
}

/** What `userId` handed off (escalated or parked), newest first, with where each stands. */
export function listHandoffsBy(db: Db, userId: string, limit: number) {
  return db
    .select({
      id: handoffs.id,
      sessionId: handoffs.sessionId,
      sessionTitle: sessions.title,
      sessionStatus: sessions.status,
      intent: handoffs.intent,
      priority: handoffs.priority,
      reason: sql<string>`substr(${handoffs.reason}, 1, 300)`,
      ticketNumber,
      targetUserName: targetName,
      createdAt: handoffs.createdAt,
      claimedAt: handoffs.claimedAt,
      claimedByName: claimerName,
      closedAt: handoffs.closedAt,
    })
    .from(handoffs)
    .innerJoin(sessions, eq(sessions.id, handoffs.sessionId))
    .where(eq(handoffs.handedOffById, userId))
    .orderBy(desc(handoffs.createdAt), desc(seq))
    .limit(limit)
    .all();
}
