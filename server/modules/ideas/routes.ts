import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { campaignFor, ideaFor } from './commands/access.ts';
import { closeCampaign, createCampaign, updateCampaign } from './commands/campaigns.ts';
import { commentIdea, setFollow, setVote, submitIdea } from './commands/ideas.ts';
import { changeStatus, evaluateIdea, mergeIdea } from './commands/pipeline.ts';
import { ideasPolicy } from './policies.ts';
import { presentCampaign, presentIdea, presentIdeaDetail } from './presenters.ts';
import {
  attachmentRows,
  boardRows,
  commentRows,
  evaluationRows,
  historyRows,
  listCampaignRows,
  similarRows,
} from './queries.ts';
import { campaignReport } from './report.ts';

export function registerIdeasRoutes(app: FastifyInstance, ctx: AppContext): void {
  const detail = async (viewer: Viewer, id: string) => {
    const { idea, row, place } = await ideaFor(ctx.db, viewer, id);
    const campaign = presentCampaign(viewer, row, place, ctx.clock.now());
    const [attachments, history, comments, evaluations] = await Promise.all([
      attachmentRows(ctx.db, id),
      historyRows(ctx.db, id),
      commentRows(ctx.db, id),
      campaign.canEvaluate ? evaluationRows(ctx.db, id) : Promise.resolve(null),
    ]);
    return presentIdeaDetail(campaign, idea, attachments, history, comments, evaluations);
  };

  route(app, ctx, api.createCampaign, async ({ actor, body, meta }) => {
    const id = await createCampaign(ctx, { actor, body, meta });
    const { row, place } = await campaignFor(ctx.db, actor, id);
    return presentCampaign(actor, row, place, ctx.clock.now());
  });

  route(app, ctx, api.updateCampaign, async ({ actor, params, body, meta }) => {
    await updateCampaign(ctx, { actor, id: params.id, body, meta });
    const { row, place } = await campaignFor(ctx.db, actor, params.id);
    return presentCampaign(actor, row, place, ctx.clock.now());
  });

  route(app, ctx, api.closeCampaign, async ({ actor, params, meta }) => {
    await closeCampaign(ctx, { actor, id: params.id, meta });
    const { row, place } = await campaignFor(ctx.db, actor, params.id);
    return presentCampaign(actor, row, place, ctx.clock.now());
  });

  route(app, ctx, api.listCampaigns, async ({ actor }) => {
    const rows = await listCampaignRows(ctx.db, actor);
    const now = ctx.clock.now();
    return {
      items: rows.map((row) =>
        presentCampaign(actor, row, { space: row, membership: row.my_role ?? null }, now),
      ),
    };
  });

  route(app, ctx, api.getCampaignBoard, async ({ actor, params, query }) => {
    const { row, place } = await campaignFor(ctx.db, actor, params.id);
    const items = await boardRows(ctx.db, actor.id, row.id, query.sort);
    return { campaign: presentCampaign(actor, row, place, ctx.clock.now()), items: items.map(presentIdea) };
  });

  route(app, ctx, api.similarIdeas, async ({ actor, params, query }) => {
    const { row } = await campaignFor(ctx.db, actor, params.id);
    const items = await similarRows(ctx.db, row.id, query.q);
    return { items: items.map((r) => ({ id: r.id, title: r.title, status: r.status, votes: r.vote_count })) };
  });

  route(app, ctx, api.campaignReport, async ({ actor, params }) => {
    const { row, place } = await campaignFor(ctx.db, actor, params.id);
    authorize(ideasPolicy.canEvaluate(actor, place));
    return campaignReport(ctx.db, row.id);
  });

  route(app, ctx, api.submitIdea, async ({ actor, params, body }) =>
    detail(actor, await submitIdea(ctx, { actor, campaignId: params.id, ...body })),
  );

  route(app, ctx, api.getIdea, async ({ actor, params }) => detail(actor, params.id));

  route(app, ctx, api.voteIdea, async ({ actor, params, body }) => {
    await setVote(ctx, { actor, ideaId: params.id, voted: body.voted });
    return detail(actor, params.id);
  });

  route(app, ctx, api.followIdea, async ({ actor, params, body }) => {
    await setFollow(ctx, { actor, ideaId: params.id, following: body.following });
    return detail(actor, params.id);
  });

  route(app, ctx, api.commentIdea, async ({ actor, params, body }) => {
    await commentIdea(ctx, { actor, ideaId: params.id, body: body.body });
    return detail(actor, params.id);
  });

  route(app, ctx, api.changeIdeaStatus, async ({ actor, params, body, meta }) => {
    await changeStatus(ctx, { actor, ideaId: params.id, ...body, meta });
    return detail(actor, params.id);
  });

  route(app, ctx, api.evaluateIdea, async ({ actor, params, body }) => {
    await evaluateIdea(ctx, { actor, ideaId: params.id, ...body });
    return detail(actor, params.id);
  });

  route(app, ctx, api.mergeIdea, async ({ actor, params, body, meta }) => {
    await mergeIdea(ctx, { actor, ideaId: params.id, intoId: body.intoId, meta });
    return detail(actor, params.id);
  });
}
