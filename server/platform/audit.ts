// The audit log: who did what to whom, from where, with the state before and after.
// Always written with the transaction of the action it records, so one never exists
// without the other. The table refuses updates and deletes (see the migration).
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.ts';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: string;
  actor?: { id: string; label: string } | null;
  target?: { type: string; id: string | null; label?: string | null } | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  details?: Record<string, unknown> | null;
  meta: RequestMeta;
  at: Date;
}

/** The row an entry becomes (also used to write history in bulk, e.g. demo data). */
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

export async function audit(trx: Transaction<Database> | Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx.insertInto('audit_log').values(auditRow(entry)).execute();
}
