import type { z } from 'zod';
import type { AuditQuery } from '../../../common/schemas/admin.ts';
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

export function listAudit(db: Db, filter: z.output<typeof AuditQuery>) {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('at', '<', new Date(filter.to));
  const after = decodeCursor<number>(filter.cursor, 'number');
  if (after !== undefined) query = query.where('id', '<', after);
  return query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}
