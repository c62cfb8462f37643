// The evaluators' work: moving an idea along the pipeline (each change explained, audited,
// and told to its author, voters and followers), scoring it on the campaign's criteria with
// an internal note, and merging a duplicate into another idea (votes and followers carried
// over, nobody counted twice).
import { sql } from 'kysely';
import type { IdeaStatus } from '../../../../common/schemas/ideas.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { ideaFor } from './access.ts';

const DECISIONS: IdeaStatus[] = ['shipped', 'declined'];

export async function changeStatus(
  ctx: AppContext,
  input: { actor: Actor; ideaId: string; status: IdeaStatus; explanation: string; meta: RequestMeta },
) {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { idea, row } = await ideaFor(tx.db, actor, input.ideaId, 'evaluate');
    if (idea.merged_into) throw conflict('conflict', 'This idea was merged into another.');
    if (idea.status === input.status)
      throw new ValidationError([
        { field: 'status', reason: 'invalid', message: 'The idea already has this status.' },
      ]);
    await tx.db
      .updateTable('ideas')
      .set({
        status: input.status,
        decided_at: DECISIONS.includes(input.status) ? (idea.decided_at ?? tx.now) : null,
      })
      .where('id', '=', idea.id)
      .execute();
    await tx.db
      .insertInto('idea_status_changes')
      .values({
        id: newId(),
        idea_id: idea.id,
        actor_id: actor.id,
        from_status: idea.status,
        to_status: input.status,
        explanation: input.explanation,
        at: tx.now,
      })
      .execute();
    await audit(tx.db, {
      action: 'idea.status_changed',
      actor: actorRef(actor),
      // No title nor explanation: administrators read the audit log, not necessarily the space.
      target: { type: 'idea', id: idea.id },
      before: { status: idea.status },
      after: { status: input.status },
      details: { campaignId: row.id },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'idea.status_changed',
      objectType: 'idea',
      objectId: idea.id,
      spaceId: row.space_id,
      data: { from: idea.status, to: input.status },
      at: tx.now,
    });
    const people = await tx.db
      .selectFrom('idea_votes')
      .select('user_id')
      .where('idea_id', '=', idea.id)
      .union(tx.db.selectFrom('idea_followers').select('user_id').where('idea_id', '=', idea.id))
      .execute();
    await notify(tx, {
      recipients: [...(idea.author_id ? [idea.author_id] : []), ...people.map((p) => p.user_id)],
      kind: 'idea_status',
      actorId: actor.id,
      // The notification follows the campaign's space: whoever can no longer read it no longer sees it.
      spaceId: row.space_id,
      data: { ideaId: idea.id, title: idea.title, status: input.status },
    });
  });
}

export async function evaluateIdea(
  ctx: AppContext,
  input: { actor: Actor; ideaId: string; scores: Record<string, number>; note: string },
) {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { idea, row } = await ideaFor(tx.db, actor, input.ideaId, 'evaluate');
    const criteria = (typeof row.criteria === 'string' ? JSON.parse(row.criteria) : row.criteria) as string[];
    const unknown = Object.keys(input.scores).filter((k) => !criteria.includes(k));
    if (unknown.length > 0)
      throw new ValidationError([
        {
          field: 'scores',
          reason: 'invalid',
          message: `Not a criterion of this campaign: ${unknown.join(', ')}.`,
        },
      ]);
    await tx.db
      .insertInto('idea_evaluations')
      .values({
        idea_id: idea.id,
        evaluator_id: actor.id,
        scores: JSON.stringify(input.scores),
        note: input.note,
        updated_at: tx.now,
      })
      .onConflict((oc) =>
        oc.columns(['idea_id', 'evaluator_id']).doUpdateSet({
          scores: JSON.stringify(input.scores),
          note: input.note,
          updated_at: tx.now,
        }),
      )
      .execute();
    // The idea's score: the mean, over evaluators, of their mean score across criteria.
    const all = await tx.db
      .selectFrom('idea_evaluations')
      .select('scores')
      .where('idea_id', '=', idea.id)
      .execute();
    const means = all
      .map((e) =>
        Object.values(
          (typeof e.scores === 'string' ? JSON.parse(e.scores) : e.scores) as Record<string, number>,
        ),
      )
      .filter((v) => v.length > 0)
      .map((v) => v.reduce((a, b) => a + b, 0) / v.length);
    const score = means.length > 0 ? means.reduce((a, b) => a + b, 0) / means.length : null;
    await tx.db.updateTable('ideas').set({ score }).where('id', '=', idea.id).execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'idea.evaluated',
      objectType: 'idea',
      objectId: idea.id,
      spaceId: row.space_id,
      at: tx.now,
    });
  });
}

export async function mergeIdea(
  ctx: AppContext,
  input: { actor: Actor; ideaId: string; intoId: string; meta: RequestMeta },
): Promise<void> {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { idea: dup, row } = await ideaFor(tx.db, actor, input.ideaId, 'evaluate');
    const { idea: into } = await ideaFor(tx.db, actor, input.intoId, 'evaluate');
    if (dup.id === into.id || dup.campaign_id !== into.campaign_id || dup.merged_into || into.merged_into)
      throw new ValidationError([
        { field: 'intoId', reason: 'invalid', message: 'Merge into another live idea of the same campaign.' },
      ]);
    // Lock both rows in a fixed order so concurrent merges and votes cannot interleave.
    await tx.db
      .selectFrom('ideas')
      .select('id')
      .where('id', 'in', [dup.id, into.id])
      .orderBy('id')
      .forUpdate()
      .execute();
    await sql`INSERT INTO idea_votes (idea_id, user_id, created_at)
      SELECT ${into.id}, user_id, created_at FROM idea_votes WHERE idea_id = ${dup.id}
      ON CONFLICT DO NOTHING`.execute(tx.db);
    await sql`INSERT INTO idea_followers (idea_id, user_id)
      SELECT ${into.id}, user_id FROM idea_followers WHERE idea_id = ${dup.id}
      ON CONFLICT DO NOTHING`.execute(tx.db);
    if (dup.author_id)
      await tx.db
        .insertInto('idea_followers')
        .values({ idea_id: into.id, user_id: dup.author_id })
        .onConflict((oc) => oc.columns(['idea_id', 'user_id']).doNothing())
        .execute();
    await tx.db.deleteFrom('idea_votes').where('idea_id', '=', dup.id).execute();
    const count = await tx.db
      .selectFrom('idea_votes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idea_id', '=', into.id)
      .executeTakeFirstOrThrow();
    await tx.db
      .updateTable('ideas')
      .set({ vote_count: Number(count.n) })
      .where('id', '=', into.id)
      .execute();
    await tx.db
      .updateTable('ideas')
      .set({ vote_count: 0, merged_into: into.id })
      .where('id', '=', dup.id)
      .execute();
    await audit(tx.db, {
      action: 'idea.merged',
      actor: actorRef(actor),
      target: { type: 'idea', id: dup.id },
      details: { intoId: into.id },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'idea.merged',
      objectType: 'idea',
      objectId: dup.id,
      spaceId: row.space_id,
      data: { intoId: into.id },
      at: tx.now,
    });
  });
}
