// Content rules, for administrators: list, add, remove, and preview what a term would catch.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { enforce, type Rule } from '../../platform/rate-limit.ts';
import { createContentRule, deleteContentRule } from './commands.ts';
import { contentRulesPolicy } from './policies.ts';
import { presentContentRule } from './presenters.ts';
import { previewContentRule } from './preview.ts';
import { findContentRule, listContentRules } from './queries.ts';

// A preview reads a month of writing: a few a minute is plenty for someone tuning a rule.
const limits = {
  change: { name: 'content-rule:account', limit: 60, windowSeconds: 60 },
  preview: { name: 'content-rule-preview:account', limit: 20, windowSeconds: 60 },
} satisfies Record<string, Rule>;

export function registerContentRuleRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.listContentRules, async ({ actor }) => {
    authorize(contentRulesPolicy.canManage(actor));
    return { items: (await listContentRules(ctx.db, actor)).map(presentContentRule) };
  });

  route(app, ctx, api.createContentRule, async ({ actor, body, meta }) => {
    authorize(contentRulesPolicy.canManage(actor));
    await enforce(ctx.limiter, [[limits.change, actor.id]]);
    const id = await createContentRule(ctx, { actor, body, meta });
    const rule = await findContentRule(ctx.db, actor, id);
    if (!rule) throw notFound('Content rule'); // removed by another administrator meanwhile
    return presentContentRule(rule);
  });

  route(app, ctx, api.deleteContentRule, async ({ actor, params, meta }) => {
    authorize(contentRulesPolicy.canManage(actor));
    await enforce(ctx.limiter, [[limits.change, actor.id]]);
    await deleteContentRule(ctx, { actor, id: params.id, meta });
  });

  route(app, ctx, api.previewContentRule, async ({ actor, body }) => {
    authorize(contentRulesPolicy.canManage(actor));
    await enforce(ctx.limiter, [[limits.preview, actor.id]]);
    return previewContentRule(ctx.db, {
      viewer: actor,
      term: body.term,
      spaceId: body.spaceId,
      now: ctx.clock.now(),
    });
  });
}
