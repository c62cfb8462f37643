// Writing posts: create (in a space or on one's profile; shares, polls, attachments,
// announcements), edit (keeping the earlier text) and delete (soft, by the author or a
// moderator). The references in the text (tags, mentions, first link) are re-derived on
// every write, and only people who may read the post hear about it.
import type { z } from 'zod';
import type { PostCreateBody } from '../../../../common/schemas/stream.ts';
import type { AppContext } from '../../../context.ts';
import type { PostRow } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { forbidden, notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { authorize } from '../../../platform/policy.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { claimUploads } from '../../attachments/commands.ts';
import { checkContentRules } from '../../content-rules/enforce.ts';
import { needsApproval } from '../../moderation/premoderation.ts';
import { notify, notYetNotified } from '../../notifications/notify.ts';
import { canListSpace, type SpaceFacts } from '../../spaces/visibility.ts';
import { loadPost, loadSpace, readablePost, readersAmong } from '../access.ts';
import { streamPolicy } from '../policies.ts';
import { postSnapshot } from '../presenters.ts';
import { ensureLinkPreview, referencesOf, resolveHandles, writeMentions, writeTags } from '../references.ts';

const invalid = (field: string, message: string) =>
  new ValidationError([{ field, reason: 'invalid', message }]);

/** Notifies the newly mentioned people who may read the post, each once per post. */
async function notifyMentions(
  tx: Tx,
  actor: Pick<Actor, 'id'>,
  post: Pick<PostRow, 'id' | 'author_id' | 'space_id' | 'deleted_at' | 'held'>,
  space: SpaceFacts | null,
  mentioned: string[],
): Promise<void> {
  const readers = await readersAmong(tx.db, post, space, mentioned);
  if (readers.length === 0) return;
  await notify(tx, {
    recipients: await notYetNotified(tx, { postId: post.id, kind: 'mention', userIds: readers }),
    kind: 'mention',
    actorId: actor.id,
    spaceId: post.space_id,
    postId: post.id,
  });
}

/** Where the post goes, checked: a space the author belongs to (not archived), or their profile. */
async function placeOf(
  tx: Tx,
  actor: Actor,
  body: CreateBody,
): Promise<(SpaceFacts & { id: string }) | null> {
  if (!body.spaceId) {
    authorize(streamPolicy.canPostOnProfile(actor), 'Guests post in their spaces only.');
    if (body.isAnnouncement) throw invalid('isAnnouncement', 'Announcements are made in a space.');
    return null;
  }
  const access = await loadSpace(tx.db, actor, body.spaceId);
  if (!access || !canListSpace(actor, access.space, access.membership)) throw notFound('Space');
  if (!streamPolicy.canPostInSpace(access.space, access.membership))
    throw forbidden(
      access.space.archived_at ? 'This space is archived.' : 'Only members can post in this space.',
    );
  if (body.isAnnouncement)
    authorize(
      streamPolicy.canAnnounce(actor, access.membership),
      'Only owners and moderators make announcements.',
    );
  return access.space;
}

async function writePoll(tx: Tx, postId: string, poll: NonNullable<CreateBody['poll']>): Promise<void> {
  await tx.db
    .insertInto('polls')
    .values({ post_id: postId, multiple: poll.multiple, closes_at: poll.closesAt ?? null })
    .execute();
  await tx.db
    .insertInto('poll_options')
    .values(poll.options.map((label, position) => ({ id: newId(), post_id: postId, position, label })))
    .execute();
}

async function notifyMembers(
  tx: Tx,
  actor: Pick<Actor, 'id'>,
  spaceId: string,
  postId: string,
): Promise<void> {
  const members = await tx.db
    .selectFrom('space_members')
    .innerJoin('users', 'users.id', 'space_members.user_id')
    .select('space_members.user_id')
    .where('space_members.space_id', '=', spaceId)
    .where('users.status', '=', 'active')
    .execute();
  await notify(tx, {
    recipients: members.map((m) => m.user_id),
    kind: 'announcement',
    actorId: actor.id,
    spaceId,
    postId,
  });
}

type CreateBody = z.output<typeof PostCreateBody>;

/**
 * What a new post sets off — mentions, an announcement to the members, the live event — at
 * its creation, or when a moderator approves it (a held post sets off nothing before).
 */
export async function announceNewPost(
  tx: Tx,
  post: Pick<PostRow, 'id' | 'author_id' | 'space_id' | 'deleted_at' | 'is_announcement'>,
  space: SpaceFacts | null,
  mentioned: string[],
): Promise<void> {
  const author = { id: post.author_id };
  const live = { ...post, held: null };
  await notifyMentions(tx, author, live, space, mentioned);
  if (post.is_announcement && post.space_id) await notifyMembers(tx, author, post.space_id, post.id);
  publishAfterCommit(tx, {
    type: 'post.created',
    postId: post.id,
    spaceId: post.space_id,
    authorId: post.author_id,
  });
}

export async function createPost(
  ctx: AppContext,
  input: { actor: Actor; body: CreateBody },
): Promise<string> {
  return inTransaction(ctx, (tx) => createPostIn(tx, input));
}

/** Creating a post inside the caller's transaction (care escalations ask questions this way). */
export async function createPostIn(tx: Tx, input: { actor: Actor; body: CreateBody }): Promise<string> {
  const { actor, body } = input;
  const space = await placeOf(tx, actor, body);
  const spaceId = space?.id ?? null;
  let sharedAuthorId: string | null = null;
  if (body.sharedPostId) {
    const shared = await loadPost(tx.db, actor, body.sharedPostId);
    if (!shared?.readable) throw invalid('sharedPostId', 'This post cannot be shared.');
    sharedAuthorId = shared.post.author_id;
  }
  if (body.poll?.closesAt && new Date(body.poll.closesAt).getTime() <= tx.now.getTime())
    throw invalid('poll.closesAt', 'Choose a closing date in the future.');
  if (body.title !== undefined && (body.poll || body.sharedPostId || body.isAnnouncement))
    throw invalid('title', 'A question cannot also be a poll, a share or an announcement.');
  const ruleHold = await checkContentRules(
    tx.db,
    spaceId,
    [
      { field: 'title', text: body.title ?? '' },
      { field: 'body', text: body.body },
      ...(body.poll?.options ?? []).map((text, i) => ({ field: `poll.options.${i}`, text })),
    ],
    { canHold: spaceId !== null },
  );

  const refs = referencesOf(body.body);
  const post = {
    id: newId(),
    author_id: actor.id,
    space_id: spaceId,
    title: body.title ?? null,
    body: body.body,
    shared_post_id: body.sharedPostId ?? null,
    is_announcement: body.isAnnouncement,
    link_url: refs.link,
    created_at: tx.now,
    deleted_at: null,
    // A guest's post waits for a moderator where pre-moderation is on, and anyone's post
    // where a content rule holds one of its words.
    held: spaceId && (ruleHold || (await needsApproval(tx, actor, spaceId))) ? ('pending' as const) : null,
  };
  await tx.db.insertInto('posts').values(post).execute();
  await writeTags(tx, post.id, refs.tags, false);
  const mentioned = await resolveHandles(tx, refs.handles);
  await writeMentions(tx, post.id, mentioned, true);
  if (refs.link) await ensureLinkPreview(tx, refs.link);
  await claimUploads(tx, actor, { post_id: post.id }, body.attachmentIds);
  if (body.poll) await writePoll(tx, post.id, body.poll);

  if (!post.held) await announceNewPost(tx, post, space, mentioned);
  await recordActivity(tx.db, {
    actorId: actor.id,
    verb: post.title !== null ? 'question.asked' : post.shared_post_id ? 'post.shared' : 'post.created',
    objectType: 'post',
    objectId: post.id,
    spaceId,
    data: {
      announcement: post.is_announcement,
      poll: Boolean(body.poll),
      attachments: body.attachmentIds.length,
      tags: refs.tags.length,
      mentions: mentioned.length,
      held: post.held,
    },
    targetId: sharedAuthorId,
    at: tx.now,
  });
  return post.id;
}

export async function updatePost(
  ctx: AppContext,
  input: { actor: Actor; postId: string; body: string; title?: string | undefined },
) {
  const { actor, postId } = input;
  return inTransaction(ctx, async (tx) => {
    const { post, space } = await readablePost(tx.db, actor, postId);
    authorize(streamPolicy.canEditPost(actor, post), 'Only its author can edit a post.');
    const locked = await tx.db
      .selectFrom('posts')
      .select(['body', 'title'])
      .where('id', '=', post.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (input.title !== undefined && locked.title === null)
      throw invalid('title', 'Only a question has a title.');
    const title = input.title ?? locked.title;
    await checkContentRules(tx.db, post.space_id, [
      { field: 'title', text: title ?? '' },
      { field: 'body', text: input.body },
    ]);
    if (title !== locked.title) {
      await tx.db.updateTable('posts').set({ title, edited_at: tx.now }).where('id', '=', post.id).execute();
    }
    if (locked.body === input.body) {
      if (title !== locked.title && !post.held) {
        publishAfterCommit(tx, {
          type: 'post.updated',
          postId: post.id,
          spaceId: post.space_id,
          authorId: post.author_id,
        });
      }
      return;
    }
    await tx.db
      .insertInto('post_revisions')
      .values({ id: newId(), post_id: post.id, body: locked.body, edited_by: actor.id, replaced_at: tx.now })
      .execute();
    const refs = referencesOf(input.body);
    await tx.db
      .updateTable('posts')
      .set({ body: input.body, edited_at: tx.now, link_url: refs.link })
      .where('id', '=', post.id)
      .execute();
    await writeTags(tx, post.id, refs.tags, true);
    const mentioned = await resolveHandles(tx, refs.handles);
    const added = await writeMentions(tx, post.id, mentioned, false);
    if (refs.link && refs.link !== post.link_url) await ensureLinkPreview(tx, refs.link);
    if (post.held) return; // nobody else may know of it yet
    await notifyMentions(tx, actor, post, space, added);
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'post.updated',
      objectType: 'post',
      objectId: post.id,
      spaceId: post.space_id,
      at: tx.now,
    });
    publishAfterCommit(tx, {
      type: 'post.updated',
      postId: post.id,
      spaceId: post.space_id,
      authorId: post.author_id,
    });
  });
}

export async function deletePost(
  ctx: AppContext,
  input: { actor: Actor; postId: string; meta: RequestMeta },
) {
  const { actor, postId } = input;
  return inTransaction(ctx, async (tx) => {
    const { post, membership } = await readablePost(tx.db, actor, postId);
    authorize(
      streamPolicy.canDeletePost(actor, post, membership),
      'Only its author or a moderator can delete a post.',
    );
    await removePost(tx, { actor, post, membership, meta: input.meta });
  });
}

/** The soft delete, by its author or a moderator (audited), inside the caller's transaction. */
export async function removePost(
  tx: Tx,
  input: { actor: Actor; post: PostRow; membership: string | null; meta: RequestMeta },
): Promise<void> {
  const { actor, post, membership } = input;
  const deleted = await tx.db
    .updateTable('posts')
    .set({ deleted_at: tx.now, deleted_by: actor.id })
    .where('id', '=', post.id)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!deleted) throw notFound('Post');
  const byModerator = post.author_id !== actor.id;
  if (byModerator) {
    await audit(tx.db, {
      action: 'post.deleted_by_moderator',
      actor: actorRef(actor),
      target: { type: 'post', id: post.id },
      before: postSnapshot(post),
      details: { role: actor.role === 'admin' ? 'admin' : membership },
      meta: input.meta,
      at: tx.now,
    });
  }
  await recordActivity(tx.db, {
    actorId: actor.id,
    verb: 'post.deleted',
    objectType: 'post',
    objectId: post.id,
    spaceId: post.space_id,
    data: { byModerator },
    at: tx.now,
  });
  publishAfterCommit(tx, {
    type: 'post.deleted',
    postId: post.id,
    spaceId: post.space_id,
    authorId: post.author_id,
  });
}
