// Creating notifications, from inside the transaction of the action that causes them.
// Nobody is notified of their own action, nor of a kind they switched off; each
// recipient learns of it live once the transaction commits.
import type { NotificationKind } from '../../../common/schemas/notifications.ts';
import { newId } from '../../platform/ids.ts';
import { publishAfterCommit } from '../../platform/realtime/publish.ts';
import type { Tx } from '../../platform/transaction.ts';

export interface NotifyInput {
  recipients: string[];
  kind: NotificationKind;
  actorId: string | null;
  spaceId?: string | null;
  postId?: string | null;
  commentId?: string | null;
  data?: Record<string, unknown>;
}

/** Returns the ids of the people actually notified. */
export async function notify(tx: Tx, input: NotifyInput): Promise<string[]> {
  const candidates = [...new Set(input.recipients)].filter((id) => id !== input.actorId);
  if (candidates.length === 0) return [];
  // In chunks: an announcement can reach more people than one statement takes parameters.
  const mutedIds = new Set<string>();
  for (let i = 0; i < candidates.length; i += 10_000) {
    const muted = await tx.db
      .selectFrom('notification_mutes')
      .select('user_id')
      .where('kind', '=', input.kind)
      .where('user_id', 'in', candidates.slice(i, i + 10_000))
      .execute();
    for (const m of muted) mutedIds.add(m.user_id);
  }
  const rows = candidates
    .filter((id) => !mutedIds.has(id))
    .map((userId) => ({
      id: newId(),
      user_id: userId,
      kind: input.kind,
      actor_id: input.actorId,
      space_id: input.spaceId ?? null,
      post_id: input.postId ?? null,
      comment_id: input.commentId ?? null,
      data: input.data ? JSON.stringify(input.data) : null,
      created_at: tx.now,
    }));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.db
      .insertInto('notifications')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  for (const row of rows) {
    publishAfterCommit(tx, { type: 'notification.created', userId: row.user_id, notificationId: row.id });
  }
  return rows.map((r) => r.user_id);
}

/** Of these people, those not yet notified of this kind about this post (itself, not a comment). */
export async function notYetNotified(
  tx: Tx,
  input: { postId: string; kind: NotificationKind; userIds: string[] },
): Promise<string[]> {
  if (input.userIds.length === 0) return [];
  const already = await tx.db
    .selectFrom('notifications')
    .select('user_id')
    .where('post_id', '=', input.postId)
    .where('kind', '=', input.kind)
    .where('comment_id', 'is', null)
    .where('user_id', 'in', input.userIds)
    .execute();
  const done = new Set(already.map((r) => r.user_id));
  return input.userIds.filter((id) => !done.has(id));
}
