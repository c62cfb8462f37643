// Voting in a poll. A new vote replaces the person's earlier one; the option and voter
// counts change in the same transaction, under a lock of the poll, so they stay exact.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { conflict, notFound, ValidationError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { readablePost } from '../access.ts';

const invalidOptions = (message: string) =>
  new ValidationError([{ field: 'optionIds', reason: 'invalid', message }]);

export async function votePoll(
  ctx: AppContext,
  input: { actor: Actor; postId: string; optionIds: string[] },
) {
  const { actor, postId } = input;
  return inTransaction(ctx, async (tx) => {
    const { post } = await readablePost(tx.db, actor, postId);
    const poll = await tx.db
      .selectFrom('polls')
      .selectAll()
      .where('post_id', '=', post.id)
      .forUpdate()
      .executeTakeFirst();
    if (!poll) throw notFound('Poll');
    if (poll.closes_at && new Date(poll.closes_at).getTime() <= tx.now.getTime())
      throw conflict('poll_closed', 'This poll is closed.');
    const chosen = [...new Set(input.optionIds)];
    if (!poll.multiple && chosen.length !== 1) throw invalidOptions('Choose exactly one option.');
    const options = await tx.db
      .selectFrom('poll_options')
      .select('id')
      .where('post_id', '=', post.id)
      .where('id', 'in', chosen)
      .execute();
    if (options.length !== chosen.length) throw invalidOptions('Choose among the options of this poll.');

    const previous = await tx.db
      .selectFrom('poll_votes')
      .select('option_id')
      .where('post_id', '=', post.id)
      .where('user_id', '=', actor.id)
      .execute();
    const before = new Set(previous.map((v) => v.option_id));
    const removed = [...before].filter((id) => !chosen.includes(id));
    const added = chosen.filter((id) => !before.has(id));
    if (removed.length === 0 && added.length === 0) return;
    if (removed.length > 0) {
      await tx.db
        .deleteFrom('poll_votes')
        .where('post_id', '=', post.id)
        .where('user_id', '=', actor.id)
        .where('option_id', 'in', removed)
        .execute();
      await tx.db
        .updateTable('poll_options')
        .set((eb) => ({ vote_count: eb('vote_count', '-', 1) }))
        .where('id', 'in', removed)
        .execute();
    }
    if (added.length > 0) {
      await tx.db
        .insertInto('poll_votes')
        .values(
          added.map((option_id) => ({ post_id: post.id, option_id, user_id: actor.id, voted_at: tx.now })),
        )
        .execute();
      await tx.db
        .updateTable('poll_options')
        .set((eb) => ({ vote_count: eb('vote_count', '+', 1) }))
        .where('id', 'in', added)
        .execute();
    }
    if (before.size === 0) {
      await tx.db
        .updateTable('polls')
        .set((eb) => ({ voter_count: eb('voter_count', '+', 1) }))
        .where('post_id', '=', post.id)
        .execute();
    }
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'poll.voted',
      objectType: 'post',
      objectId: post.id,
      spaceId: post.space_id,
      data: { options: chosen.length, changed: before.size > 0 },
      at: tx.now,
    });
    publishAfterCommit(tx, { type: 'poll.changed', postId: post.id, spaceId: post.space_id });
  });
}
