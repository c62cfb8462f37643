// The seeded past as the real commands would have logged it: audit and activity rows with
// exactly the shape audit() and recordActivity() write, built in memory for batch inserts.
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { ActivityEventTable, AuditLogTable } from '../../server/db/schema.ts';
import type { ActivityEvent } from '../../server/platform/activity.ts';
import type { AuditEntry } from '../../server/platform/audit.ts';

const BATCH = 1000;

/** Multi-row inserts of 1,000 rows: few round trips, far below PostgreSQL's 65,535 parameters. */
// biome-ignore lint/suspicious/noExplicitAny: rows of several tables go through one helper.
export async function insertBatched(db: Db, table: any, rows: any[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** The row server/platform/audit.ts writes for this entry. */
export function auditRow(entry: AuditEntry): Insertable<AuditLogTable> {
  return {
    at: entry.at,
    action: entry.action,
    actor_id: entry.actor?.id ?? null,
    actor_label: entry.actor?.label ?? null,
    target_type: entry.target?.type ?? null,
    target_id: entry.target?.id ?? null,
    target_label: entry.target?.label ?? null,
    ip: entry.meta.ip,
    user_agent: entry.meta.userAgent?.slice(0, 400) ?? null,
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}

/** The row server/platform/activity.ts writes for this event. */
export function activityRow(event: ActivityEvent): Insertable<ActivityEventTable> {
  return {
    at: event.at,
    actor_id: event.actorId,
    verb: event.verb,
    object_type: event.objectType,
    object_id: event.objectId ?? null,
    space_id: event.spaceId ?? null,
    data: event.data ? JSON.stringify(event.data) : null,
  };
}

/** Where the administrator worked from; other people sign in from the office networks. */
export const ADMIN_META = { ip: '10.20.0.12', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' };
