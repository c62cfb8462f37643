import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { profileAccess } from '../people/profile-access.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { readablePost, readableSpace } from './access.ts';
import { createComment, deleteComment, updateComment } from './commands/comments.ts';
import { normaliseTag, setFollowPerson, setFollowTag } from './commands/follows.ts';
import { votePoll } from './commands/polls.ts';
import { acknowledge, setBookmark, setPinned } from './commands/post-actions.ts';
import { createPost, deletePost, updatePost } from './commands/posts.ts';
import { reactToComment, reactToPost } from './commands/reactions.ts';
import {
  bookmarkedIds,
  type IdPage,
  pinnedPostIds,
  profileFeedIds,
  spaceFeedIds,
  tagFeedIds,
} from './feeds.ts';
import { homeFeedPage } from './home-cache.ts';
import { hydratePost, hydratePosts } from './hydrate.ts';
import { streamPolicy } from './policies.ts';
import { presentComment, presentPersonRef, presentProfile, presentRevision } from './presenters.ts';
import {
  findComment,
  findProfile,
  isFollowingTag,
  listAcknowledgements,
  listComments,
  listRevisions,
  mentionSuggestions,
} from './queries.ts';
import { writeLimits } from './rate-limits.ts';

export function registerStreamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const post = (viewer: Viewer, id: string) => hydratePost(ctx.db, viewer, id, ctx.clock.now());
  const page = async (viewer: Viewer, ids: IdPage) => ({
    items: await hydratePosts(ctx.db, viewer, ids.ids, ctx.clock.now()),
    nextCursor: ids.nextCursor,
  });
  const comment = async (viewer: Viewer, id: string) => {
    const row = await findComment(ctx.db, viewer, id);
    if (!row) throw notFound('Comment');
    const { membership } = await readablePost(ctx.db, viewer, row.post_id);
    return presentComment(row, viewer, membership);
  };

  // Feeds
  route(app, ctx, api.homeFeed, async ({ actor, query }) => homeFeedPage(ctx, actor, query));

  route(app, ctx, api.spaceFeed, async ({ actor, params, query }) => {
    const { space } = await readableSpace(ctx.db, actor, params.space);
    return page(actor, await spaceFeedIds(ctx.db, actor, space.id, query));
  });

  route(app, ctx, api.pinnedPosts, async ({ actor, params }) => {
    const { space } = await readableSpace(ctx.db, actor, params.space);
    return page(actor, await pinnedPostIds(ctx.db, space.id));
  });

  route(app, ctx, api.tagFeed, async ({ actor, params, query }) =>
    page(actor, await tagFeedIds(ctx.db, actor, normaliseTag(params.tag), query)),
  );

  route(app, ctx, api.profileFeed, async ({ actor, params, query }) => {
    // The posts themselves are filtered by the visibility rule: a guest sees those in their spaces.
    if (!(await profileAccess(ctx.db, actor, params.id))) throw notFound('Person');
    return page(actor, await profileFeedIds(ctx.db, actor, params.id, query));
  });

  route(app, ctx, api.bookmarks, async ({ actor, query }) =>
    page(actor, await bookmarkedIds(ctx.db, actor, query)),
  );

  // Posts
  route(app, ctx, api.createPost, async ({ actor, body }) => {
    await enforce(ctx.limiter, [[writeLimits.postPerAccount, actor.id]]);
    return post(actor, await createPost(ctx, { actor, body }));
  });

  // Hydrating applies the visibility rule: an unreadable post is a 404.
  route(app, ctx, api.getPost, async ({ actor, params }) => post(actor, params.id));

  route(app, ctx, api.updatePost, async ({ actor, params, body }) => {
    await updatePost(ctx, { actor, postId: params.id, body: body.body, title: body.title });
    return post(actor, params.id);
  });

  route(app, ctx, api.deletePost, async ({ actor, params, meta }) => {
    await deletePost(ctx, { actor, postId: params.id, meta });
  });

  route(app, ctx, api.postRevisions, async ({ actor, params }) => {
    await readablePost(ctx.db, actor, params.id);
    const rows = await listRevisions(ctx.db, params.id);
    return { items: rows.map(presentRevision) };
  });

  route(app, ctx, api.pinPost, async ({ actor, params }) => {
    await setPinned(ctx, { actor, postId: params.id, pinned: true });
    return post(actor, params.id);
  });

  route(app, ctx, api.unpinPost, async ({ actor, params }) => {
    await setPinned(ctx, { actor, postId: params.id, pinned: false });
    return post(actor, params.id);
  });

  route(app, ctx, api.acknowledgePost, async ({ actor, params }) => {
    await acknowledge(ctx, { actor, postId: params.id });
    return post(actor, params.id);
  });

  route(app, ctx, api.acknowledgements, async ({ actor, params }) => {
    const { post: row, membership } = await readablePost(ctx.db, actor, params.id);
    authorize(
      streamPolicy.canSeeAcknowledgements(actor, row, membership),
      'Only its author and the space moderators see who acknowledged.',
    );
    const { acknowledged, pending } = await listAcknowledgements(ctx.db, row);
    return {
      acknowledged: acknowledged.map((a) => ({
        ...presentPersonRef(a),
        at: a.acknowledged_at.toISOString(),
      })),
      pending: pending.map(presentPersonRef),
    };
  });

  route(app, ctx, api.reactToPost, async ({ actor, params, body }) => {
    await enforce(ctx.limiter, [[writeLimits.reactionPerAccount, actor.id]]);
    return reactToPost(ctx, { actor, postId: params.id, kind: body.kind });
  });

  route(app, ctx, api.unreactToPost, async ({ actor, params }) =>
    reactToPost(ctx, { actor, postId: params.id, kind: null }),
  );

  route(app, ctx, api.bookmarkPost, async ({ actor, params }) => {
    await setBookmark(ctx, { actor, postId: params.id, on: true });
  });

  route(app, ctx, api.unbookmarkPost, async ({ actor, params }) => {
    await setBookmark(ctx, { actor, postId: params.id, on: false });
  });

  route(app, ctx, api.votePoll, async ({ actor, params, body }) => {
    await votePoll(ctx, { actor, postId: params.id, optionIds: body.optionIds });
    return post(actor, params.id);
  });

  // Comments
  route(app, ctx, api.listComments, async ({ actor, params }) => {
    const { membership } = await readablePost(ctx.db, actor, params.id);
    const rows = await listComments(ctx.db, actor, params.id);
    return { items: rows.map((r) => presentComment(r, actor, membership)) };
  });

  route(app, ctx, api.createComment, async ({ actor, params, body }) => {
    await enforce(ctx.limiter, [[writeLimits.commentPerAccount, actor.id]]);
    const id = await createComment(ctx, {
      actor,
      postId: params.id,
      body: body.body,
      parentId: body.parentId,
    });
    return comment(actor, id);
  });

  route(app, ctx, api.updateComment, async ({ actor, params, body }) => {
    await updateComment(ctx, { actor, commentId: params.id, body: body.body });
    return comment(actor, params.id);
  });

  route(app, ctx, api.deleteComment, async ({ actor, params, meta }) => {
    await deleteComment(ctx, { actor, commentId: params.id, meta });
  });

  route(app, ctx, api.reactToComment, async ({ actor, params, body }) => {
    await enforce(ctx.limiter, [[writeLimits.reactionPerAccount, actor.id]]);
    return reactToComment(ctx, { actor, commentId: params.id, kind: body.kind });
  });

  route(app, ctx, api.unreactToComment, async ({ actor, params }) =>
    reactToComment(ctx, { actor, commentId: params.id, kind: null }),
  );

  // People and tags
  route(app, ctx, api.getProfile, async ({ actor, params }) => {
    if (!streamPolicy.canSeeProfile(actor, params.id)) throw notFound('Person');
    const row = await findProfile(ctx.db, actor, params.id);
    if (!row) throw notFound('Person');
    return presentProfile(row, actor);
  });

  route(app, ctx, api.followPerson, async ({ actor, params }) => ({
    following: await setFollowPerson(ctx, { actor, personId: params.id, on: true }),
  }));

  route(app, ctx, api.unfollowPerson, async ({ actor, params }) => ({
    following: await setFollowPerson(ctx, { actor, personId: params.id, on: false }),
  }));

  route(app, ctx, api.getTag, async ({ actor, params }) => {
    const tag = normaliseTag(params.tag);
    return { tag, following: await isFollowingTag(ctx.db, actor, tag) };
  });

  route(app, ctx, api.followTag, async ({ actor, params }) => ({
    tag: normaliseTag(params.tag),
    following: await setFollowTag(ctx, { actor, tag: params.tag, on: true }),
  }));

  route(app, ctx, api.unfollowTag, async ({ actor, params }) => ({
    tag: normaliseTag(params.tag),
    following: await setFollowTag(ctx, { actor, tag: params.tag, on: false }),
  }));

  route(app, ctx, api.mentionSuggestions, async ({ actor, query }) =>
    mentionSuggestions(ctx.db, actor, query.q, query.limit, streamPolicy.canSeePeople(actor)),
  );
}
