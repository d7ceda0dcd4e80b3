import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { User, UserRole } from '../../../src-preload/contract';
import type { Db } from '../database';
import { users } from '../schema';

type UserRow = typeof users.$inferSelect;

export const toUser = (row: UserRow): User => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  active: row.active,
  createdAt: row.createdAt,
});

export function insertUser(
  db: Db,
  input: { id: string; name: string; email: string; role: UserRole },
  now: number,
): User {
  const row = db
    .insert(users)
    .values({ ...input, active: true, createdAt: now, updatedAt: now })
    .returning()
    .get();
  return toUser(row);
}

export function getUser(db: Db, id: string): User | null {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  return row ? toUser(row) : null;
}

export function findUserByEmail(db: Db, email: string): User | null {
  const row = db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .get();
  return row ? toUser(row) : null;
}

/** A colleague known only from ConnectWise: an inactive technician, never a local profile. */
export function insertTeamMember(
  db: Db,
  input: { id: string; name: string; email: string },
  now: number,
): void {
  db.insert(users)
    .values({ ...input, role: 'technician', active: false, createdAt: now, updatedAt: now })
    .run();
}

/** Who the bell tells of a handoff: every active owner, admin and engineer but the one who handed it off. */
export function listHandoffRecipients(db: Db, handedOffById: string): string[] {
  return db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, ['owner', 'admin', 'engineer']),
        ne(users.id, handedOffById),
      ),
    )
    .all()
    .map((u) => u.id);
}

/** The team roster decides a profile's role, and whether it may be used here (managed/roster.ts). */
export function setRoleAndActive(db: Db, id: string, role: UserRole, active: boolean, now: number): void {
  db.update(users).set({ role, active, updatedAt: now }).where(eq(users.id, id)).run();
}

export function listUsers(db: Db): User[] {
  return db.select().from(users).orderBy(users.name).all().map(toUser);
}

/** The ConnectWise member a person is mapped to (by hand, or an email match remembered), or null. */
export function memberMapping(db: Db, userId: string): string | null {
  return (
    db.select({ member: users.psaMemberIdentifier }).from(users).where(eq(users.id, userId)).get()?.member ??
    null
  );
}

/** Remembers the member found by email (a manual mapping is never overwritten by a match). */
export function rememberMemberMatch(db: Db, userId: string, identifier: string): void {
  db.update(users)
    .set({ psaMemberIdentifier: identifier })
    .where(and(eq(users.id, userId), eq(users.psaMemberManual, false)))
    .run();
}

/** Settings → ConnectWise → People: a member set by hand, or (null) back to matching by email. */
export function setMemberMapping(db: Db, userId: string, identifier: string | null, now: number): boolean {
  return (
    db
      .update(users)
      .set({ psaMemberIdentifier: identifier, psaMemberManual: identifier !== null, updatedAt: now })
      .where(eq(users.id, userId))
      .run().changes === 1
  );
}

export function listMemberMappings(db: Db) {
  return db
    .select({ userId: users.id, identifier: users.psaMemberIdentifier, manual: users.psaMemberManual })
    .from(users)
    .all();
}
