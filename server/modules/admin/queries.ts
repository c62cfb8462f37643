import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuditFilter, AuditQuery } from '../../../common/schemas/admin.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor } from '../../platform/pagination.ts';

export function listOutbox(db: Db, filter: { cursor?: string; limit: number }) {
  let query = db.selectFrom('mail_outbox').selectAll();
  const after = decodeCursor<string>(filter.cursor, 'string');
  if (after !== undefined) query = query.where('id', '<', after);
  return query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

export function findOutboxMessage(db: Db, id: string) {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

function filteredAudit(db: Db, filter: z.output<typeof AuditFilter>) {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('at', '<', new Date(filter.to));
  return query;
}

/** Oldest first, a thousand at a time after `afterId` (the export reads them all this way). */
export function auditBatch(db: Db, filter: z.output<typeof AuditFilter>, afterId: number) {
  return filteredAudit(db, filter).where('id', '>', afterId).orderBy('id').limit(1000).execute();
}

export async function verifyAuditChain(db: Db) {
  const result = await sql<{ checked: string | number; broken_id: string | number | null }>`
    SELECT checked, broken_id FROM trame_audit_verify()`.execute(db);
  const row = result.rows[0];
  const brokenId = row?.broken_id == null ? null : Number(row.broken_id);
  return { valid: brokenId === null, checked: Number(row?.checked ?? 0), brokenId };
}

export function listAudit(db: Db, filter: z.output<typeof AuditQuery>) {
  let query = filteredAudit(db, filter);
  const after = decodeCursor<number>(filter.cursor, 'number');
  if (after !== undefined) query = query.where('id', '<', after);
  return query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}
