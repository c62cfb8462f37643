// A person's archive of their personal data: asked for, built by a job, kept 7 days.
// One request at a time per person; the building, the notice and the expiry are jobs of
// the durable queue, so a restart loses none of them.
import { Readable } from 'node:stream';
import type { AppContext } from '../../context.ts';
import type { JobRow } from '../../db/schema.ts';
import { recordActivity } from '../../platform/activity.ts';
import { audit, type RequestMeta } from '../../platform/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { type Actor, actorRef } from '../../platform/http/request.ts';
import { newId } from '../../platform/ids.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { templates } from '../../platform/mail/templates.ts';
import { inTransaction } from '../../platform/transaction.ts';
import { notify } from '../notifications/notify.ts';
import { collectArchive } from './archive-data.ts';
import { buildZip } from './archive-zip.ts';

export const EXPORT_BUILD_JOB = 'personal_data.build';
export const EXPORT_EXPIRE_JOB = 'personal_data.expire';
export const EXPORT_DAYS = 7;
const DAY_MS = 24 * 3_600_000;
const SYSTEM_META: RequestMeta = { ip: null, userAgent: null };

export function requestExport(ctx: AppContext, input: { actor: Actor; meta: RequestMeta }) {
  return inTransaction(ctx, async (tx) => {
    // Serialises two requests of the same person: the second sees the first.
    await tx.db.selectFrom('users').select('id').where('id', '=', input.actor.id).forUpdate().execute();
    const pending = await tx.db
      .selectFrom('personal_data_exports')
      .select('id')
      .where('user_id', '=', input.actor.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw conflict('export_pending', 'Your previous archive is still being prepared.');
    const row = {
      id: newId(),
      user_id: input.actor.id,
      status: 'pending' as const,
      locale: input.actor.locale,
      storage_key: null,
      size_bytes: null,
      created_at: tx.now,
      ready_at: null,
      expires_at: new Date(tx.now.getTime() + EXPORT_DAYS * DAY_MS),
    };
    await tx.db.insertInto('personal_data_exports').values(row).execute();
    await enqueue(tx, EXPORT_BUILD_JOB, { id: row.id }, { maxAttempts: 3 });
    await audit(tx.db, {
      action: 'personal_data.export_requested',
      actor: actorRef(input.actor),
      target: { type: 'user', id: input.actor.id, label: null },
      details: { exportId: row.id },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'personal_data.export_requested',
      objectType: 'personal_data_export',
      objectId: row.id,
      at: tx.now,
    });
    return row;
  });
}

/** The job: collect, zip, store, then say so (in the app and by mail) in one transaction. */
export function buildExport(ctx: AppContext) {
  return async (payload: Record<string, unknown>, job: JobRow) => {
    const id = String(payload.id);
    const row = await ctx.db
      .selectFrom('personal_data_exports as e')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.id', 'e.user_id', 'e.status', 'e.locale', 'u.name', 'u.email'])
      .where('e.id', '=', id)
      .executeTakeFirst();
    if (row?.status !== 'pending') return;
    try {
      await build(ctx, row);
    } catch (error) {
      if (job.attempts >= job.max_attempts) {
        await ctx.db
          .updateTable('personal_data_exports')
          .set({ status: 'failed' })
          .where('id', '=', id)
          .execute();
      }
      throw error;
    }
  };
}

async function build(
  ctx: AppContext,
  row: { id: string; user_id: string; locale: 'fr' | 'en'; name: string; email: string },
) {
  const { data, files } = await collectArchive(ctx.db, row.user_id);
  const zip = await buildZip(ctx.storage, {
    data,
    files,
    locale: row.locale,
    name: row.name,
    at: ctx.clock.now(),
    days: EXPORT_DAYS,
  });
  const stored = await ctx.storage.save(Readable.from([Buffer.from(zip)]), Number.MAX_SAFE_INTEGER);
  try {
    await inTransaction(ctx, async (tx) => {
      const expiresAt = new Date(tx.now.getTime() + EXPORT_DAYS * DAY_MS);
      const updated = await tx.db
        .updateTable('personal_data_exports')
        .set({
          status: 'ready',
          storage_key: stored.key,
          size_bytes: stored.size,
          ready_at: tx.now,
          expires_at: expiresAt,
        })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new Error('The archive request is gone (erased or expired).');
      await enqueue(tx, EXPORT_EXPIRE_JOB, { id: row.id }, { runAt: expiresAt });
      await notify(tx, {
        recipients: [row.user_id],
        kind: 'personal_data_ready',
        actorId: null,
        data: { exportId: row.id },
      });
      const org = await tx.db.selectFrom('organisation').select('name').executeTakeFirst();
      const content = templates[row.locale].personalDataReady({
        organisation: org?.name ?? 'Trame',
        name: row.name,
        link: `${ctx.config.PUBLIC_URL}/settings#privacy`,
        days: EXPORT_DAYS,
      });
      await queueMail(tx, {
        to: row.email,
        kind: 'personal_data_ready',
        locale: row.locale,
        sensitive: false,
        ...content,
      });
      await audit(tx.db, {
        action: 'personal_data.exported',
        actor: null,
        target: { type: 'user', id: row.user_id, label: null },
        details: { exportId: row.id, files: files.length, sizeBytes: stored.size },
        meta: SYSTEM_META,
        at: tx.now,
      });
    });
  } catch (error) {
    await ctx.storage.remove(stored.key);
    throw error;
  }
}

/** The job: seven days on, the archive is deleted, file and row. */
export function expireExport(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const row = await ctx.db
      .deleteFrom('personal_data_exports')
      .where('id', '=', String(payload.id))
      .returning('storage_key')
      .executeTakeFirst();
    if (row?.storage_key) await ctx.storage.remove(row.storage_key);
  };
}

/** The person's archives still kept, newest first. */
export function listExports(ctx: AppContext, userId: string) {
  return ctx.db
    .selectFrom('personal_data_exports')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', ctx.clock.now())
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}
