import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { BellNotification } from '../../../src-preload/contract';
import type { Db } from '../database';
import { notifications } from '../schema';

type NotificationRow = typeof notifications.$inferSelect;

const toBellNotification = (row: NotificationRow): BellNotification => ({
  id: row.id,
  title: row.title,
  body: row.body,
  handoffId: row.handoffId,
  read: row.readAt !== null,
  createdAt: row.createdAt,
});

interface NewNotification {
  userId: string;
  title: string;
  body: string;
}

/** A bell item about a handoff; nothing when this person already has one for it (the job ran again). */
export function insertHandoffNotification(
  db: Db,
  item: NewNotification & { handoffId: string },
  now: number,
): void {
  db.insert(notifications)
    .values({ id: randomUUID(), ...item, createdAt: now })
    .onConflictDoNothing()
    .run();
}

/** The reminder of an unclaimed handoff: one bell item per person and handoff, back on top and unread. */
export function raiseHandoffReminder(
  db: Db,
  item: NewNotification & { handoffId: string },
  now: number,
): void {
  const { title, body } = item;
  db.insert(notifications)
    .values({ id: randomUUID(), ...item, createdAt: now })
    .onConflictDoUpdate({
      target: [notifications.userId, notifications.handoffId],
      set: { title, body, readAt: null, createdAt: now },
    })
    .run();
}

/** A notice for one person that is not about a handoff. */
export function insertNotice(db: Db, item: NewNotification, now: number): void {
  db.insert(notifications)
    .values({ id: randomUUID(), ...item, handoffId: null, createdAt: now })
    .run();
}

/** A person's bell, newest first. */
export function listNotifications(db: Db, userId: string, limit: number): BellNotification[] {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
    .all()
    .map(toBellNotification);
}

export function countUnreadNotifications(db: Db, userId: string): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .get()!.n;
}

/** Marks this person's unread notifications read: those in `ids`, or all of them. */
export function markNotificationsRead(db: Db, userId: string, ids: string[] | undefined, now: number): void {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  db.update(notifications)
    .set({ readAt: now })
    .where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
    .run();
}
