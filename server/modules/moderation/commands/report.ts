// Reporting: anyone may report a post, comment or person they can see. Reports on one
// target join its open case; a person reports a target once per case.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ReportBody } from '../../../../common/schemas/moderation.ts';
import type { AppContext } from '../../../context.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { canReadComment } from '../../spaces/visibility.ts';
import { loadPost } from '../../stream/access.ts';
import { streamPolicy } from '../../stream/policies.ts';

interface Target {
  space_id: string | null;
  post_id: string | null;
  subject_id: string;
}

/** The target as the reporter sees it; what they cannot see does not exist for them. */
async function visibleTarget(tx: Tx, actor: Actor, type: string, id: string): Promise<Target> {
  if (type === 'post') {
    const access = await loadPost(tx.db, actor, id);
    if (!access?.readable) throw notFound('Post');
    return { space_id: access.post.space_id, post_id: id, subject_id: access.post.author_id };
  }
  if (type === 'comment') {
    const comment = await tx.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!comment || !canReadComment(actor, comment)) throw notFound('Comment');
    const access = await loadPost(tx.db, actor, comment.post_id);
    if (!access?.readable) throw notFound('Comment');
    return { space_id: access.post.space_id, post_id: comment.post_id, subject_id: comment.author_id };
  }
  if (!streamPolicy.canSeeProfile(actor, id)) throw notFound('Person');
  const user = await tx.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
  if (!user) throw notFound('Person');
  if (user.id === actor.id)
    throw new ValidationError([
      { field: 'targetId', reason: 'invalid', message: 'You cannot report yourself.' },
    ]);
  return { space_id: null, post_id: null, subject_id: id };
}

export async function createReport(
  ctx: AppContext,
  input: { actor: Actor; body: z.output<typeof ReportBody>; meta: RequestMeta },
): Promise<string> {
  const { actor, body } = input;
  return inTransaction(ctx, async (tx) => {
    const target = await visibleTarget(tx, actor, body.targetType, body.targetId);
    await tx.db
      .insertInto('moderation_cases')
      .values({
        id: newId(),
        target_type: body.targetType,
        target_id: body.targetId,
        ...target,
        status: 'open',
        opened_at: tx.now,
      })
      .onConflict((oc) =>
        // A literal, not a parameter: PostgreSQL infers the partial unique index from it.
        oc.columns(['target_type', 'target_id']).where(sql<boolean>`status = 'open'`).doNothing(),
      )
      .execute();
    const openCase = await tx.db
      .selectFrom('moderation_cases')
      .select('id')
      .where('target_type', '=', body.targetType)
      .where('target_id', '=', body.targetId)
      .where('status', '=', 'open')
      .forUpdate()
      .executeTakeFirstOrThrow();
    const inserted = await tx.db
      .insertInto('moderation_reports')
      .values({
        id: newId(),
        case_id: openCase.id,
        reporter_id: actor.id,
        reason: body.reason,
        details: body.details,
        created_at: tx.now,
      })
      .onConflict((oc) => oc.columns(['case_id', 'reporter_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted)
      throw conflict('already_reported', 'You have already reported this; moderators are on it.');
    await tx.db
      .updateTable('moderation_cases')
      .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
      .where('id', '=', openCase.id)
      .execute();
    await tx.db
      .insertInto('moderation_events')
      .values({
        id: newId(),
        case_id: openCase.id,
        action: 'reported',
        actor_id: actor.id,
        note: body.details,
        at: tx.now,
      })
      .execute();
    await audit(tx.db, {
      action: 'moderation.reported',
      actor: actorRef(actor),
      target: { type: body.targetType, id: body.targetId },
      details: { caseId: openCase.id, reason: body.reason },
      meta: input.meta,
      at: tx.now,
    });
    return openCase.id;
  });
}
