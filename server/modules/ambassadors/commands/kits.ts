// Writing share kits: a draft, its changes, its publication and its archiving — each in one
// transaction with its audit entry and its activity event.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { KitBody } from '../../../../common/schemas/ambassadors.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction } from '../../../platform/transaction.ts';

type Body = z.output<typeof KitBody>;

/** A readable campaign name for utm_campaign: the title's words, and a short suffix to keep it unique. */
export function kitSlug(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return `${words || 'kit'}-${randomBytes(3).toString('hex')}`;
}

function columns(body: Body) {
  return {
    title: body.title,
    texts: JSON.stringify(Object.fromEntries(Object.entries(body.texts).filter(([, v]) => v))),
    target_url: body.targetUrl,
    editable: body.editable,
    disclosure: body.disclosure,
    department_ids: JSON.stringify(body.departmentIds),
    site_ids: JSON.stringify(body.siteIds),
    starts_at: body.startsAt,
    ends_at: body.endsAt,
  };
}

export async function createKit(
  ctx: AppContext,
  input: { actor: Actor; body: Body; meta: RequestMeta },
): Promise<string> {
  const { actor, body, meta } = input;
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await tx.db
      .insertInto('ambassador_kits')
      .values({
        id,
        slug: kitSlug(body.title),
        ...columns(body),
        created_by: actor.id,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await audit(tx.db, {
      action: 'ambassador_kit.created',
      actor: actorRef(actor),
      target: { type: 'ambassador_kit', id, label: body.title },
      after: { title: body.title, targetUrl: body.targetUrl },
      meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'ambassador_kit.created',
      objectType: 'ambassador_kit',
      objectId: id,
      at: tx.now,
    });
    return id;
  });
}

export async function updateKit(
  ctx: AppContext,
  input: { actor: Actor; id: string; body: Body; meta: RequestMeta },
): Promise<void> {
  const { actor, id, body, meta } = input;
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('ambassador_kits')
      .select(['title', 'target_url', 'status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('Share kit');
    if (before.status === 'archived') throw conflict('conflict', 'An archived kit cannot change.');
    await tx.db
      .updateTable('ambassador_kits')
      .set({ ...columns(body), updated_at: tx.now })
      .where('id', '=', id)
      .execute();
    await audit(tx.db, {
      action: 'ambassador_kit.updated',
      actor: actorRef(actor),
      target: { type: 'ambassador_kit', id, label: body.title },
      before: { title: before.title, targetUrl: before.target_url },
      after: { title: body.title, targetUrl: body.targetUrl },
      meta,
      at: tx.now,
    });
  });
}

export async function changeKitStatus(
  ctx: AppContext,
  input: { actor: Actor; id: string; to: 'published' | 'archived'; meta: RequestMeta },
): Promise<void> {
  const { actor, id, to, meta } = input;
  await inTransaction(ctx, async (tx) => {
    const kit = await tx.db
      .selectFrom('ambassador_kits')
      .select(['title', 'status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!kit) throw notFound('Share kit');
    const allowed = to === 'published' ? kit.status === 'draft' : kit.status !== 'archived';
    if (!allowed) throw conflict('conflict', `A ${kit.status} kit cannot be ${to}.`);
    await tx.db
      .updateTable('ambassador_kits')
      .set(
        to === 'published'
          ? { status: to, published_at: tx.now, updated_at: tx.now }
          : { status: to, archived_at: tx.now, updated_at: tx.now },
      )
      .where('id', '=', id)
      .execute();
    const action = to === 'published' ? 'ambassador_kit.published' : 'ambassador_kit.archived';
    await audit(tx.db, {
      action,
      actor: actorRef(actor),
      target: { type: 'ambassador_kit', id, label: kit.title },
      before: { status: kit.status },
      after: { status: to },
      meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: action,
      objectType: 'ambassador_kit',
      objectId: id,
      at: tx.now,
    });
  });
}

export async function setLeaderboard(
  ctx: AppContext,
  input: { actor: Actor; leaderboard: boolean; meta: RequestMeta },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('ambassador_settings').select('leaderboard').executeTakeFirst();
    await tx.db
      .insertInto('ambassador_settings')
      .values({ id: 1, leaderboard: input.leaderboard })
      .onConflict((oc) => oc.column('id').doUpdateSet({ leaderboard: input.leaderboard }))
      .execute();
    await audit(tx.db, {
      action: 'ambassador.settings_changed',
      actor: actorRef(input.actor),
      target: { type: 'ambassador_settings', id: null, label: 'Ambassadors' },
      before: { leaderboard: before?.leaderboard ?? true },
      after: { leaderboard: input.leaderboard },
      meta: input.meta,
      at: tx.now,
    });
  });
}
