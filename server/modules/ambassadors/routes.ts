// The ambassador programme's endpoints: thin — a policy, a command or a query, a presenter.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { changeKitStatus, createKit, setLeaderboard, updateKit } from './commands/kits.ts';
import { setMembership, shareKit } from './commands/share.ts';
import { ambassadorsPolicy } from './policies.ts';
import { presentKit, presentReport } from './presenters.ts';
import {
  currentKitsFor,
  findKit,
  isOptedIn,
  leaderboard,
  leaderboardOn,
  listAllKits,
  optedInCount,
  organisationName,
  reachByLink,
} from './queries.ts';
import { registerRedirectRoute } from './redirect.ts';

export function registerAmbassadorRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerRedirectRoute(app, ctx);

  const kitOr404 = async (id: string) => {
    const kit = await findKit(ctx.db, id);
    if (!kit) throw notFound('Share kit');
    return presentKit(kit);
  };

  route(app, ctx, api.ambassadorHome, async ({ actor }) => {
    authorize(ambassadorsPolicy.canTakePart(actor));
    const now = ctx.clock.now();
    const [optedIn, kits, on, organisation] = await Promise.all([
      isOptedIn(ctx.db, actor.id),
      currentKitsFor(ctx.db, actor.id, now),
      leaderboardOn(ctx.db),
      organisationName(ctx.db),
    ]);
    return {
      optedIn,
      canManage: ambassadorsPolicy.canManage(actor),
      organisation,
      leaderboardOn: on,
      kits: kits.map(presentKit),
      leaderboard: on ? await leaderboard(ctx.db) : null,
    };
  });

  route(app, ctx, api.setAmbassadorMembership, async ({ actor, body }) => {
    authorize(ambassadorsPolicy.canTakePart(actor));
    await setMembership(ctx, { actor, optedIn: body.optedIn });
  });

  route(app, ctx, api.shareKit, async ({ actor, params, body }) => {
    authorize(ambassadorsPolicy.canTakePart(actor));
    const code = await shareKit(ctx, { actor, kitId: params.id, network: body.network });
    return { code, link: `${ctx.config.PUBLIC_URL}/r/${code}` };
  });

  route(app, ctx, api.listKits, async ({ actor }) => {
    authorize(ambassadorsPolicy.canManage(actor));
    return { items: (await listAllKits(ctx.db)).map(presentKit) };
  });

  route(app, ctx, api.createKit, async ({ actor, body, meta }) => {
    authorize(ambassadorsPolicy.canManage(actor));
    return kitOr404(await createKit(ctx, { actor, body, meta }));
  });

  route(app, ctx, api.updateKit, async ({ actor, params, body, meta }) => {
    authorize(ambassadorsPolicy.canManage(actor));
    await updateKit(ctx, { actor, id: params.id, body, meta });
    return kitOr404(params.id);
  });

  route(app, ctx, api.publishKit, async ({ actor, params, meta }) => {
    authorize(ambassadorsPolicy.canManage(actor));
    await changeKitStatus(ctx, { actor, id: params.id, to: 'published', meta });
    return kitOr404(params.id);
  });

  route(app, ctx, api.archiveKit, async ({ actor, params, meta }) => {
    authorize(ambassadorsPolicy.canManage(actor));
    await changeKitStatus(ctx, { actor, id: params.id, to: 'archived', meta });
    return kitOr404(params.id);
  });

  route(app, ctx, api.ambassadorReport, async ({ actor }) => {
    authorize(ambassadorsPolicy.canManage(actor));
    const [kits, links, members, board, on] = await Promise.all([
      listAllKits(ctx.db),
      reachByLink(ctx.db),
      optedInCount(ctx.db),
      leaderboard(ctx.db),
      leaderboardOn(ctx.db),
    ]);
    return presentReport({ kits, links, members, leaderboard: board, leaderboardOn: on });
  });

  route(app, ctx, api.setAmbassadorSettings, async ({ actor, body, meta }) => {
    authorize(ambassadorsPolicy.canManage(actor));
    await setLeaderboard(ctx, { actor, leaderboard: body.leaderboard, meta });
    return { leaderboard: body.leaderboard };
  });
}
