import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { placeHold, releaseHold, setRule } from './commands.ts';
import { countExpired, type RuleTarget, ruleKey } from './expiry.ts';
import { retentionPolicy } from './policies.ts';
import { presentHold, presentRule, presentRun } from './presenters.ts';
import {
  allSpaces,
  findHold,
  findRule,
  findRun,
  listHolds,
  listRules,
  listRuns,
  nextRunAt,
} from './queries.ts';
import { retentionLimits } from './rate-limits.ts';
import { requestRun, retentionTask } from './run.ts';

const toTarget = (v: { scope: RuleTarget['scope']; spaceType?: string; spaceId?: string }): RuleTarget => ({
  scope: v.scope,
  spaceType: v.scope === 'space_type' ? ((v.spaceType ?? null) as RuleTarget['spaceType']) : null,
  spaceId: v.scope === 'space' ? (v.spaceId ?? null) : null,
});

export function registerRetentionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const task = retentionTask(ctx.config.RETENTION_HOUR_UTC);

  route(app, ctx, api.getRetention, async ({ actor }) => {
    authorize(retentionPolicy.canManage(actor));
    const [rules, spaces, next] = await Promise.all([
      listRules(ctx.db),
      allSpaces(ctx.db, actor),
      nextRunAt(ctx.db, task.name),
    ]);
    return {
      rules: rules.map(presentRule),
      spaces,
      nextRunAt: (next ?? task.nextAfter(ctx.clock.now())).toISOString(),
      hourUtc: ctx.config.RETENTION_HOUR_UTC,
    };
  });

  route(app, ctx, api.setRetentionRule, async ({ actor, body, meta }) => {
    authorize(retentionPolicy.canManage(actor));
    await enforce(ctx.limiter, [[retentionLimits.changePerAccount, actor.id]]);
    const key = await setRule(ctx, { actor, meta }, toTarget(body), body.keepDays);
    const rule = await findRule(ctx.db, key);
    if (!rule) throw notFound('Rule');
    return presentRule(rule);
  });

  route(app, ctx, api.removeRetentionRule, async ({ actor, query, meta }) => {
    authorize(retentionPolicy.canManage(actor));
    await enforce(ctx.limiter, [[retentionLimits.changePerAccount, actor.id]]);
    await setRule(ctx, { actor, meta }, toTarget(query), undefined);
  });

  route(app, ctx, api.previewRetentionRule, async ({ actor, body }) => {
    authorize(retentionPolicy.canManage(actor));
    await enforce(ctx.limiter, [[retentionLimits.previewPerAccount, actor.id]]);
    const target = toTarget(body);
    const counts = await countExpired(ctx.db, ctx.clock.now(), {
      proposed: { ...target, keepDays: body.keepDays },
      onlyRule: ruleKey(target),
    });
    return {
      posts: counts.reduce((n, c) => n + c.posts, 0),
      held: counts.reduce((n, c) => n + c.held, 0),
    };
  });

  route(app, ctx, api.listLegalHolds, async ({ actor }) => {
    authorize(retentionPolicy.canManage(actor));
    return { items: (await listHolds(ctx.db)).map(presentHold) };
  });

  route(app, ctx, api.placeLegalHold, async ({ actor, body, meta }) => {
    authorize(retentionPolicy.canManage(actor));
    await enforce(ctx.limiter, [[retentionLimits.changePerAccount, actor.id]]);
    const id = await placeHold(ctx, { actor, meta }, body);
    return presentHold((await findHold(ctx.db, id))!);
  });

  route(app, ctx, api.releaseLegalHold, async ({ actor, params, meta }) => {
    authorize(retentionPolicy.canManage(actor));
    await enforce(ctx.limiter, [[retentionLimits.changePerAccount, actor.id]]);
    await releaseHold(ctx, { actor, meta }, params.id);
    return presentHold((await findHold(ctx.db, params.id))!);
  });

  route(app, ctx, api.listRetentionRuns, async ({ actor }) => {
    authorize(retentionPolicy.canManage(actor));
    return { items: (await listRuns(ctx.db)).map(presentRun) };
  });

  route(app, ctx, api.startRetentionRun, async ({ actor }) => {
    authorize(retentionPolicy.canManage(actor));
    await enforce(ctx.limiter, [[retentionLimits.runPerAccount, actor.id]]);
    const id = await requestRun(ctx, actor);
    return presentRun((await findRun(ctx.db, id))!);
  });
}
