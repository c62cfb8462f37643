// The ambassador programme's endpoints: thin — a policy, a command or a query, a presenter.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound, ValidationError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { sendImage } from '../../platform/storage/images.ts';
import { writeLimits } from '../stream/rate-limits.ts';
import { KIT_IMAGE_MAX_BYTES, removeKitImage, setKitImage } from './commands/image.ts';
import { changeKitStatus, createKit, setLeaderboard, updateKit } from './commands/kits.ts';
import { setCommunicationManager } from './commands/managers.ts';
import { setMembership, shareKit } from './commands/share.ts';
import { ambassadorsPolicy, loadAmbassadorReader } from './policies.ts';
import { presentKit, presentReport } from './presenters.ts';
import {
  currentKitsFor,
  departmentReach,
  findKit,
  isOptedIn,
  kitNetworks,
  kitTotals,
  leaderboard,
  leaderboardOn,
  listAllKits,
  listCommunicationManagers,
  organisationName,
  reachTotals,
} from './queries.ts';
import { registerRedirectRoute } from './redirect.ts';

export function registerAmbassadorRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerRedirectRoute(app, ctx);

  const kitOr404 = async (id: string) => {
    const kit = await findKit(ctx.db, id);
    if (!kit) throw notFound('Share kit');
    return presentKit(kit);
  };
  const reader = (actor: Actor) => loadAmbassadorReader(ctx.db, actor);
  const mayManage = async (actor: Actor) => authorize(ambassadorsPolicy.canManage(await reader(actor)));
  const mayTakePart = async (actor: Actor) => {
    const r = await reader(actor);
    authorize(ambassadorsPolicy.canTakePart(r));
    return r;
  };

  route(app, ctx, api.ambassadorHome, async ({ actor }) => {
    const r = await mayTakePart(actor);
    const now = ctx.clock.now();
    const [optedIn, kits, on, organisation] = await Promise.all([
      isOptedIn(ctx.db, actor.id),
      currentKitsFor(ctx.db, actor.id, now),
      leaderboardOn(ctx.db),
      organisationName(ctx.db),
    ]);
    return {
      optedIn,
      canManage: ambassadorsPolicy.canManage(r),
      organisation,
      leaderboardOn: on,
      kits: kits.map(presentKit),
      leaderboard: on ? await leaderboard(ctx.db) : null,
    };
  });

  route(app, ctx, api.setAmbassadorMembership, async ({ actor, body }) => {
    await mayTakePart(actor);
    await setMembership(ctx, { actor, optedIn: body.optedIn });
  });

  route(app, ctx, api.shareKit, async ({ actor, params, body }) => {
    await mayTakePart(actor);
    const code = await shareKit(ctx, { actor, kitId: params.id, network: body.network });
    return { code, link: `${ctx.config.PUBLIC_URL}/r/${code}` };
  });

  route(app, ctx, api.listKits, async ({ actor }) => {
    await mayManage(actor);
    return { items: (await listAllKits(ctx.db)).map(presentKit) };
  });

  route(app, ctx, api.createKit, async ({ actor, body, meta }) => {
    await mayManage(actor);
    return kitOr404(await createKit(ctx, { actor, body, meta }));
  });

  route(app, ctx, api.updateKit, async ({ actor, params, body, meta }) => {
    await mayManage(actor);
    await updateKit(ctx, { actor, id: params.id, body, meta });
    return kitOr404(params.id);
  });

  route(app, ctx, api.publishKit, async ({ actor, params, meta }) => {
    await mayManage(actor);
    await changeKitStatus(ctx, { actor, id: params.id, to: 'published', meta });
    return kitOr404(params.id);
  });

  route(app, ctx, api.archiveKit, async ({ actor, params, meta }) => {
    await mayManage(actor);
    await changeKitStatus(ctx, { actor, id: params.id, to: 'archived', meta });
    return kitOr404(params.id);
  });

  route(app, ctx, api.uploadKitImage, async ({ actor, params, req, meta }) => {
    await mayManage(actor);
    await enforce(ctx.limiter, [[writeLimits.uploadPerAccount, actor.id]]);
    // The parser's own limit at the image's size: it then reads the rest of an oversized
    // request to its end, so the connection is not left half-read.
    const file = req.isMultipart()
      ? await req.file({ limits: { fileSize: KIT_IMAGE_MAX_BYTES } })
      : undefined;
    if (!file) {
      throw new ValidationError([
        {
          field: 'file',
          reason: 'required',
          message: 'Send the image as multipart/form-data, field "file".',
        },
      ]);
    }
    await setKitImage(ctx, {
      actor,
      id: params.id,
      meta,
      stream: file.file,
      truncated: () => file.file.truncated,
    });
    return kitOr404(params.id);
  });

  route(app, ctx, api.removeKitImage, async ({ actor, params, meta }) => {
    await mayManage(actor);
    await removeKitImage(ctx, { actor, id: params.id, meta });
    return kitOr404(params.id);
  });

  route(app, ctx, api.kitImage, async ({ actor, params, reply }) => {
    const r = await mayTakePart(actor);
    const kit = await findKit(ctx.db, params.id);
    // Managers see every kit's image; an employee only a current kit of their audience.
    const visible =
      kit &&
      (ambassadorsPolicy.canManage(r) ||
        (await currentKitsFor(ctx.db, actor.id, ctx.clock.now())).some((k) => k.id === kit.id));
    if (!visible || !kit.image_key || !kit.image_type) throw notFound('Image');
    // The address changes with the image (kitImageUrl); private: only this reader may have it.
    await sendImage(ctx, reply, { key: kit.image_key, type: kit.image_type, maxAge: 3600 });
  });

  route(app, ctx, api.ambassadorReport, async ({ actor }) => {
    await mayManage(actor);
    const [totals, kits, departments, board, on] = await Promise.all([
      reachTotals(ctx.db),
      kitTotals(ctx.db),
      departmentReach(ctx.db),
      leaderboard(ctx.db),
      leaderboardOn(ctx.db),
    ]);
    const networks = await kitNetworks(
      ctx.db,
      kits.map((k) => k.id),
    );
    return presentReport({ totals, kits, networks, departments, leaderboard: board, leaderboardOn: on });
  });

  route(app, ctx, api.setAmbassadorSettings, async ({ actor, body, meta }) => {
    await mayManage(actor);
    await setLeaderboard(ctx, { actor, leaderboard: body.leaderboard, meta });
    return { leaderboard: body.leaderboard };
  });

  route(app, ctx, api.listCommunicationManagers, async ({ actor }) => {
    authorize(ambassadorsPolicy.canGrant(await reader(actor)));
    return { items: await listCommunicationManagers(ctx.db) };
  });

  route(app, ctx, api.setCommunicationManager, async ({ actor, params, body, meta }) => {
    authorize(ambassadorsPolicy.canGrant(await reader(actor)));
    await setCommunicationManager(ctx, { actor, meta }, params.id, body.communicationManager);
  });
}
