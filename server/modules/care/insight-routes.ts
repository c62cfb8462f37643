// Routes of customer-care insight: thin — the care grant (requireCareAgent), then a
// command or a query, then a presenter.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { acknowledgeAlert } from './insight/alerts.ts';
import { setMessageSentiment, setProductFeedback } from './insight/commands.ts';
import { escalate } from './insight/escalations.ts';
import { turnIntoIdea } from './insight/ideas.ts';
import {
  presentAlert,
  presentConversationInsight,
  presentEscalation,
  presentSummary,
} from './insight/presenters.ts';
import {
  careSummary,
  conversationInsight,
  escalationTargets,
  findAlert,
  listEscalations,
  listOpenAlerts,
  messageSentiment,
  resolvePeriod,
  tagCounts,
} from './insight/queries.ts';
import { requireCareAgent } from './policies.ts';

export function registerCareInsightRoutes(app: FastifyInstance, ctx: AppContext): void {
  const insightOf = async (actor: Actor, conversationId: string) => {
    const row = await conversationInsight(ctx.db, actor, conversationId);
    if (!row) throw notFound('Conversation');
    return presentConversationInsight(row);
  };

  route(app, ctx, api.setCareMessageSentiment, async ({ actor, params, body }) => {
    await requireCareAgent(ctx.db, actor);
    const { conversationId } = await setMessageSentiment(ctx, {
      actor,
      messageId: params.id,
      sentiment: body.sentiment,
    });
    const row = await messageSentiment(ctx.db, params.id);
    return {
      id: params.id,
      conversationId,
      sentiment: row.sentiment,
      edited: row.sentiment_edited_by !== null,
    };
  });

  route(app, ctx, api.listCareAlerts, async ({ actor }) => {
    await requireCareAgent(ctx.db, actor);
    return { items: (await listOpenAlerts(ctx.db)).map(presentAlert) };
  });

  route(app, ctx, api.acknowledgeCareAlert, async ({ actor, params, meta }) => {
    await requireCareAgent(ctx.db, actor);
    await acknowledgeAlert(ctx, { actor, alertId: params.id, meta });
    const row = await findAlert(ctx.db, params.id);
    if (!row) throw notFound('Alert');
    return presentAlert(row);
  });

  route(app, ctx, api.careEscalationTargets, async ({ actor, query }) => {
    await requireCareAgent(ctx.db, actor);
    const { spaces, experts } = await escalationTargets(ctx.db, actor, query.q);
    return { spaces, experts: experts.map((e) => ({ id: e.id, name: e.name, jobTitle: e.job_title })) };
  });

  route(app, ctx, api.createCareEscalation, async ({ actor, params, body, meta }) => {
    await requireCareAgent(ctx.db, actor);
    const id = await escalate(ctx, { actor, conversationId: params.id, ...body, meta });
    const rows = await listEscalations(ctx.db, actor, params.id);
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('Escalation');
    return presentEscalation(row);
  });

  route(app, ctx, api.listCareEscalations, async ({ actor, params }) => {
    await requireCareAgent(ctx.db, actor);
    await insightOf(actor, params.id); // 404 for an unknown conversation
    return { items: (await listEscalations(ctx.db, actor, params.id)).map(presentEscalation) };
  });

  route(app, ctx, api.getCareConversationInsight, async ({ actor, params }) => {
    await requireCareAgent(ctx.db, actor);
    return insightOf(actor, params.id);
  });

  route(app, ctx, api.setCareProductFeedback, async ({ actor, params, body }) => {
    await requireCareAgent(ctx.db, actor);
    await setProductFeedback(ctx, { actor, conversationId: params.id, flagged: body.flagged });
    return insightOf(actor, params.id);
  });

  route(app, ctx, api.createCareConversationIdea, async ({ actor, params, body, meta }) => {
    await requireCareAgent(ctx.db, actor);
    return { ideaId: await turnIntoIdea(ctx, { actor, conversationId: params.id, ...body, meta }) };
  });

  route(app, ctx, api.careTagCounts, async ({ actor, query }) => {
    await requireCareAgent(ctx.db, actor);
    return tagCounts(ctx.db, resolvePeriod(ctx.clock.now(), query.from, query.to));
  });

  route(app, ctx, api.careInsightSummary, async ({ actor, query }) => {
    await requireCareAgent(ctx.db, actor);
    const period = resolvePeriod(ctx.clock.now(), query.from, query.to);
    const rows = await careSummary(ctx.db, period, {
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.team ? { team: query.team } : {}),
    });
    return presentSummary(period, rows);
  });
}
