// Questions and answers: the list by status, accepting an answer, votes, and experts.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { readablePost, readableSpace } from './access.ts';
import { acceptAnswer, askExperts, voteAnswer } from './commands/questions.ts';
import { suggestExperts } from './experts.ts';
import { questionIds } from './feeds.ts';
import { hydratePost, hydratePosts } from './hydrate.ts';
import { writeLimits } from './rate-limits.ts';

export function registerQuestionRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.listQuestions, async ({ actor, query }) => {
    const spaceId = query.space ? (await readableSpace(ctx.db, actor, query.space)).space.id : undefined;
    const ids = await questionIds(ctx.db, actor, { status: query.status, spaceId }, query);
    return {
      items: await hydratePosts(ctx.db, actor, ids.ids, ctx.clock.now()),
      nextCursor: ids.nextCursor,
    };
  });

  route(app, ctx, api.acceptAnswer, async ({ actor, params, body, meta }) => {
    await acceptAnswer(ctx, { actor, postId: params.id, commentId: body.commentId, meta });
    return hydratePost(ctx.db, actor, params.id, ctx.clock.now());
  });

  route(app, ctx, api.unacceptAnswer, async ({ actor, params, meta }) => {
    await acceptAnswer(ctx, { actor, postId: params.id, commentId: null, meta });
    return hydratePost(ctx.db, actor, params.id, ctx.clock.now());
  });

  route(app, ctx, api.voteAnswer, async ({ actor, params }) => {
    await enforce(ctx.limiter, [[writeLimits.reactionPerAccount, actor.id]]);
    return voteAnswer(ctx, { actor, commentId: params.id, vote: true });
  });

  route(app, ctx, api.unvoteAnswer, async ({ actor, params }) => {
    await enforce(ctx.limiter, [[writeLimits.reactionPerAccount, actor.id]]);
    return voteAnswer(ctx, { actor, commentId: params.id, vote: false });
  });

  route(app, ctx, api.suggestExperts, async ({ actor, params }) => {
    const access = await readablePost(ctx.db, actor, params.id);
    if (access.post.title === null) throw notFound('Question');
    return { items: await suggestExperts(ctx.db, actor, access) };
  });

  route(app, ctx, api.askExperts, async ({ actor, params, body }) => {
    await enforce(ctx.limiter, [[writeLimits.commentPerAccount, actor.id]]);
    return { asked: await askExperts(ctx, { actor, postId: params.id, userIds: body.userIds }) };
  });
}
