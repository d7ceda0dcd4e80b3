import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { auditLog, users } from '../schema';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

/** Append-only: who did what to which entity, and when. Called inside the change's own transaction. */
export function appendAudit(db: Db, entry: AuditEntry, at: number): void {
  prepared(db, 'audit.insert', (d) =>
    d
      .insert(auditLog)
      .values({
        at: sql.placeholder('at'),
        actorId: sql.placeholder('actorId'),
        action: sql.placeholder('action'),
        entityType: sql.placeholder('entityType'),
        entityId: sql.placeholder('entityId'),
        details: sql.placeholder('details'),
      })
      .prepare(),
  ).run({
    at,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
}

export function listAudit(db: Db, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.entityType} = ${entityType} and ${auditLog.entityId} = ${entityId}`)
    .orderBy(auditLog.id)
    .all();
}

/** Who did `action` to the entity last (a name), or null. */
export function lastActorOf(db: Db, entityType: string, entityId: string, action: string): string | null {
  const row = db
    .select({ name: users.name })
    .from(auditLog)
    .innerJoin(users, sql`${users.id} = ${auditLog.actorId}`)
    .where(
      sql`${auditLog.entityType} = ${entityType} and ${auditLog.entityId} = ${entityId} and ${auditLog.action} = ${action}`,
    )
    .orderBy(sql`${auditLog.id} desc`)
    .get();
  return row?.name ?? null;
}
