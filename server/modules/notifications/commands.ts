// Marking notifications read, and switching kinds on or off. Only one's own.
import type { NotificationKind } from '../../../common/schemas/notifications.ts';
import type { AppContext } from '../../context.ts';
import { inTransaction } from '../../platform/transaction.ts';

export async function markRead(ctx: AppContext, userId: string, ids: string[] | 'all'): Promise<void> {
  let q = ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  await q.execute();
}

export function setPreferences(
  ctx: AppContext,
  userId: string,
  kinds: Partial<Record<NotificationKind, boolean>>,
): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const entries = Object.entries(kinds);
    const off = entries.filter(([, on]) => on === false).map(([kind]) => kind);
    const on = entries.filter(([, on]) => on === true).map(([kind]) => kind);
    if (on.length) {
      await tx.db
        .deleteFrom('notification_mutes')
        .where('user_id', '=', userId)
        .where('kind', 'in', on)
        .execute();
    }
    if (off.length) {
      await tx.db
        .insertInto('notification_mutes')
        .values(off.map((kind) => ({ user_id: userId, kind })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}
