// The agents' shared material: canned replies (any agent or administrator writes them —
// they are the team's words, kept together) and saved views (each agent's own; a shared
// view is read by every agent, changed by its owner only). Activity for each change;
// no audit — this is routine inbox work, not configuration.
import type { CareFilters } from '../../../../common/schemas/care.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';

const activity = (tx: Tx, actor: Actor, verb: string, objectType: string, objectId: string) =>
  recordActivity(tx.db, { actorId: actor.id, verb, objectType, objectId, at: tx.now });

export async function saveCanned(
  ctx: AppContext,
  input: { actor: Actor; id?: string; title: string; body: string },
): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    if (input.id) {
      const changed = await tx.db
        .updateTable('care_canned_replies')
        .set({ title: input.title, body: input.body, updated_at: tx.now })
        .where('id', '=', input.id)
        .returning('id')
        .executeTakeFirst();
      if (!changed) throw notFound('Canned reply');
      await activity(tx, input.actor, 'care.canned_updated', 'care_canned_reply', input.id);
      return input.id;
    }
    const id = newId();
    await tx.db
      .insertInto('care_canned_replies')
      .values({
        id,
        title: input.title,
        body: input.body,
        created_by: input.actor.id,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await activity(tx, input.actor, 'care.canned_created', 'care_canned_reply', id);
    return id;
  });
}

export async function deleteCanned(ctx: AppContext, input: { actor: Actor; id: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const gone = await tx.db
      .deleteFrom('care_canned_replies')
      .where('id', '=', input.id)
      .returning('id')
      .executeTakeFirst();
    if (!gone) throw notFound('Canned reply');
    await activity(tx, input.actor, 'care.canned_deleted', 'care_canned_reply', input.id);
  });
}

export async function createView(
  ctx: AppContext,
  input: { actor: Actor; name: string; filters: CareFilters; shared: boolean },
): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await tx.db
      .insertInto('care_views')
      .values({
        id,
        owner_id: input.actor.id,
        name: input.name,
        filters: JSON.stringify(input.filters),
        shared: input.shared,
        created_at: tx.now,
      })
      .execute();
    await activity(tx, input.actor, 'care.view_created', 'care_view', id);
    return id;
  });
}

export async function updateView(
  ctx: AppContext,
  input: { actor: Actor; id: string; name?: string; filters?: CareFilters; shared?: boolean },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const changed = await tx.db
      .updateTable('care_views')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.filters !== undefined ? { filters: JSON.stringify(input.filters) } : {}),
        ...(input.shared !== undefined ? { shared: input.shared } : {}),
      })
      // Only one's own: a shared view is read by all, changed by its owner.
      .where('id', '=', input.id)
      .where('owner_id', '=', input.actor.id)
      .returning('id')
      .executeTakeFirst();
    if (!changed) throw notFound('View');
    await activity(tx, input.actor, 'care.view_updated', 'care_view', input.id);
  });
}

export async function deleteView(ctx: AppContext, input: { actor: Actor; id: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const gone = await tx.db
      .deleteFrom('care_views')
      .where('id', '=', input.id)
      .where('owner_id', '=', input.actor.id)
      .returning('id')
      .executeTakeFirst();
    if (!gone) throw notFound('View');
    await activity(tx, input.actor, 'care.view_deleted', 'care_view', input.id);
  });
}
