// Personal data: a person's archives (theirs alone), and erasure (administrators).
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { actorRef } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { contentDisposition } from '../../platform/storage/sniff.ts';
import { eraseUser } from './erase.ts';
import { listExports, requestExport } from './exports.ts';
import { privacyPolicy } from './policies.ts';
import { presentExport } from './presenters.ts';
import { privacyLimits } from './rate-limits.ts';
import { erasureContent, setErasureContent } from './settings.ts';

export function registerPrivacyRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.listPersonalDataExports, async ({ actor }) => ({
    items: (await listExports(ctx, actor.id)).map(presentExport),
  }));

  route(app, ctx, api.requestPersonalDataExport, async ({ actor, meta }) => {
    await enforce(ctx.limiter, [[privacyLimits.exportPerAccount, actor.id]]);
    return presentExport(await requestExport(ctx, { actor, meta }));
  });

  route(app, ctx, api.downloadPersonalDataExport, async ({ actor, params, meta, reply }) => {
    const row = await ctx.db
      .selectFrom('personal_data_exports')
      .selectAll()
      .where('id', '=', params.id)
      .executeTakeFirst();
    // Someone else's archive answers exactly like one that does not exist.
    if (!row || !privacyPolicy.canDownloadExport(actor, row)) throw notFound('Archive');
    if (row.status !== 'ready' || !row.storage_key || row.expires_at <= ctx.clock.now()) {
      throw notFound('Archive');
    }
    await audit(ctx.db, {
      action: 'personal_data.downloaded',
      actor: actorRef(actor),
      target: { type: 'user', id: actor.id, label: null },
      details: { exportId: row.id },
      meta,
      at: ctx.clock.now(),
    });
    const day = (row.ready_at ?? row.created_at).toISOString().slice(0, 10);
    reply
      .header('content-type', 'application/zip')
      .header('content-length', String(row.size_bytes))
      .header('content-disposition', contentDisposition('attachment', `trame-personal-data-${day}.zip`))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store');
    await reply.send(ctx.storage.read(row.storage_key));
  });

  route(app, ctx, api.getPrivacySettings, async ({ actor }) => {
    authorize(privacyPolicy.canManageErasure(actor));
    return { erasureContent: await erasureContent(ctx) };
  });

  route(app, ctx, api.updatePrivacySettings, async ({ actor, body, meta }) => {
    authorize(privacyPolicy.canManageErasure(actor));
    return { erasureContent: await setErasureContent(ctx, { actor, value: body.erasureContent, meta }) };
  });

  route(app, ctx, api.eraseUser, async ({ actor, params, body, meta }) => {
    authorize(privacyPolicy.canManageErasure(actor));
    await enforce(ctx.limiter, [[privacyLimits.erasePerAccount, actor.id]]);
    const result = await eraseUser(ctx, { actor, userId: params.id, confirmation: body.confirmation, meta });
    return { ...result, erasedAt: result.erasedAt.toISOString() };
  });
}
