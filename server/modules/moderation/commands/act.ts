// Working a case: hide, restore, delete, dismiss, warn the author, suspend them. Each action
// writes the case history, the audit record and the notifications in one transaction; the
// reporters learn the outcome, never who decided it.

import type { Selectable } from 'kysely';
import type { CaseAction } from '../../../../common/schemas/moderation.ts';
import type { AppContext } from '../../../context.ts';
import type { ModerationCaseTable } from '../../../db/schema.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { authorize } from '../../../platform/policy.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { deactivateUserIn } from '../../people/commands/set-status.ts';
import type { Membership } from '../../spaces/visibility.ts';
import { removeComment } from '../../stream/commands/comments.ts';
import { removePost } from '../../stream/commands/posts.ts';
import { moderationPolicy } from '../policies.ts';

type EventAction = 'hidden' | 'restored' | 'deleted' | 'dismissed' | 'warned' | 'suspended';
const PAST: Record<CaseAction, EventAction> = {
  hide: 'hidden',
  restore: 'restored',
  delete: 'deleted',
  dismiss: 'dismissed',
  warn: 'warned',
  suspend: 'suspended',
};

const invalidAction = (message: string) =>
  new ValidationError([{ field: 'action', reason: 'invalid', message }]);

export async function membershipIn(
  tx: { db: Tx['db'] | AppContext['db'] },
  userId: string,
  spaceId: string | null,
): Promise<Membership> {
  return (await placeFor(tx, userId, spaceId)).membership;
}

/** The viewer's role in the space, and whether the space is open (readable by every colleague). */
export async function placeFor(
  tx: { db: Tx['db'] | AppContext['db'] },
  userId: string,
  spaceId: string | null,
): Promise<{ membership: Membership; open: boolean }> {
  if (!spaceId) return { membership: null, open: false };
  const row = await tx.db
    .selectFrom('spaces')
    .leftJoin('space_members as m', (j) =>
      j.onRef('m.space_id', '=', 'spaces.id').on('m.user_id', '=', userId),
    )
    .select(['spaces.visibility', 'm.role'])
    .where('spaces.id', '=', spaceId)
    .executeTakeFirst();
  return { membership: row?.role ?? null, open: row?.visibility === 'open' };
}

/** The case, locked, if the actor may work it; otherwise it does not exist for them. */
export async function workableCase(tx: Tx, actor: Actor, caseId: string) {
  const row = await tx.db
    .selectFrom('moderation_cases')
    .selectAll()
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Case');
  const place = await placeFor(tx, actor.id, row.space_id);
  if (!moderationPolicy.canWorkCase(actor, row, place)) throw notFound('Case');
  return { row, membership: place.membership };
}

type CaseRow = Selectable<ModerationCaseTable>;

async function setHeld(tx: Tx, c: CaseRow, from: 'hidden' | null, to: 'hidden' | null): Promise<void> {
  if (c.target_type === 'person') throw invalidAction('A person is warned or suspended, not hidden.');
  const table = c.target_type === 'post' ? 'posts' : 'comments';
  const changed = await tx.db
    .updateTable(table)
    .set({ held: to })
    .where('id', '=', c.target_id)
    .where('deleted_at', 'is', null)
    .where('held', from === null ? 'is' : '=', from)
    .returning('id')
    .executeTakeFirst();
  if (!changed)
    throw invalidAction(to ? 'This content is not visible any more.' : 'This content is not hidden.');
  // Those who had it on screen drop it (or get it back) through the live events.
  if (c.target_type === 'post' && c.post_id) {
    publishAfterCommit(tx, {
      type: to ? 'post.deleted' : 'post.updated',
      postId: c.post_id,
      spaceId: c.space_id,
      authorId: c.subject_id,
    });
  }
}

async function deleteTarget(tx: Tx, actor: Actor, c: CaseRow, membership: Membership, meta: RequestMeta) {
  if (c.target_type === 'post') {
    const post = await tx.db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', c.target_id)
      .forUpdate()
      .executeTakeFirst();
    if (!post || post.deleted_at) throw invalidAction('This content is already deleted.');
    await removePost(tx, { actor, post, membership, meta });
    return;
  }
  if (c.target_type === 'comment') {
    const comment = await tx.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', c.target_id)
      .forUpdate()
      .executeTakeFirst();
    const post = await tx.db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', c.post_id ?? '')
      .executeTakeFirst();
    if (!comment || comment.deleted_at || !post) throw invalidAction('This content is already deleted.');
    await removeComment(tx, { actor, comment, post, membership, meta });
    return;
  }
  throw invalidAction('A person is warned or suspended, not deleted.');
}

export async function actOnCase(
  ctx: AppContext,
  input: { actor: Actor; caseId: string; action: CaseAction; note: string; meta: RequestMeta },
): Promise<void> {
  const { actor, action, note, meta } = input;
  await inTransaction(ctx, async (tx) => {
    const { row: c, membership } = await workableCase(tx, actor, input.caseId);
    switch (action) {
      case 'hide':
        await setHeld(tx, c, null, 'hidden');
        break;
      case 'restore':
        await setHeld(tx, c, 'hidden', null);
        break;
      case 'delete':
        await deleteTarget(tx, actor, c, membership, meta);
        break;
      case 'dismiss':
        break;
      case 'warn':
        await notify(tx, {
          recipients: [c.subject_id],
          kind: 'moderation_warning',
          actorId: null,
          spaceId: c.space_id,
          postId: c.target_type === 'person' ? null : c.post_id,
          data: { outcome: 'warned', note },
        });
        break;
      case 'suspend':
        authorize(moderationPolicy.canSuspend(actor), 'Only administrators suspend accounts.');
        await deactivateUserIn(tx, { actor, userId: c.subject_id, meta, reason: note || 'moderation' });
        break;
    }
    const past = PAST[action];
    await tx.db
      .insertInto('moderation_events')
      .values({ id: newId(), case_id: c.id, action: past, actor_id: actor.id, note, at: tx.now })
      .execute();
    if (past !== 'restored') {
      await tx.db
        .updateTable('moderation_cases')
        .set({ status: 'closed', outcome: past, closed_at: c.closed_at ?? tx.now })
        .where('id', '=', c.id)
        .execute();
      const reporters = await tx.db
        .selectFrom('moderation_reports')
        .select('reporter_id')
        .where('case_id', '=', c.id)
        .execute();
      // The outcome only: not the moderator, not the note (it may concern the author alone).
      await notify(tx, {
        recipients: reporters.map((r) => r.reporter_id),
        kind: 'report_outcome',
        actorId: null,
        data: { outcome: past },
      });
    }
    await audit(tx.db, {
      action: `moderation.${past}`,
      actor: actorRef(actor),
      target: { type: c.target_type, id: c.target_id },
      details: { caseId: c.id, note, role: actor.role === 'admin' ? 'admin' : membership },
      meta,
      at: tx.now,
    });
  });
}
