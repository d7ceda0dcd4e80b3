import { eq, sql } from 'drizzle-orm';
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

export function listUsers(db: Db): User[] {
  return db.select().from(users).orderBy(users.name).all().map(toUser);
}
