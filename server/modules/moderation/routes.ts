import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { enforce } from '../../platform/rate-limit.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { loadSpace } from '../stream/access.ts';
import { moderationLimits } from '../stream/rate-limits.ts';
import { actOnCase, placeFor } from './commands/act.ts';
import { decidePending, setPremoderation } from './commands/pending.ts';
import { createReport } from './commands/report.ts';
import { moderationPolicy } from './policies.ts';
import { presentCase, presentCaseSummary, presentPending } from './presenters.ts';
import { caseHistory, caseReports, findCase, listCases, listPending } from './queries.ts';

export function registerModerationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const caseFor = async (viewer: Viewer, id: string) => {
    const row = await findCase(ctx.db, id);
    if (!row || !moderationPolicy.canWorkCase(viewer, row, await placeFor(ctx, viewer.id, row.space_id)))
      throw notFound('Case');
    return presentCase(viewer, row, await caseReports(ctx.db, id), await caseHistory(ctx.db, id));
  };
  /** A space the actor belongs to (or any, for an administrator), by id or slug. */
  const spaceFor = async (viewer: Viewer, ref: string) => {
    const access = await loadSpace(ctx.db, viewer, ref);
    if (!access || (!access.membership && viewer.role !== 'admin')) throw notFound('Space');
    return access;
  };

  route(app, ctx, api.createReport, async ({ actor, body, meta }) => {
    await enforce(ctx.limiter, [[moderationLimits.reportPerAccount, actor.id]]);
    return { caseId: await createReport(ctx, { actor, body, meta }) };
  });

  route(app, ctx, api.listCases, async ({ actor, query }) => {
    const rows = await listCases(ctx.db, actor, {
      status: query.status,
      before: decodeCursor<string>(query.cursor, 'string'),
    });
    const page = rows.slice(0, 50);
    return {
      items: page.map(presentCaseSummary),
      nextCursor: rows.length > 50 && page.at(-1) ? encodeCursor(page.at(-1)!.id) : null,
    };
  });

  route(app, ctx, api.getCase, async ({ actor, params }) => caseFor(actor, params.id));

  route(app, ctx, api.actOnCase, async ({ actor, params, body, meta }) => {
    await enforce(ctx.limiter, [[moderationLimits.actionPerAccount, actor.id]]);
    await actOnCase(ctx, { actor, caseId: params.id, action: body.action, note: body.note, meta });
    return caseFor(actor, params.id);
  });

  route(app, ctx, api.listPending, async ({ actor, query }) => {
    const space = query.space ? (await spaceFor(actor, query.space)).space.id : null;
    return { items: (await listPending(ctx.db, actor, space)).map(presentPending) };
  });

  route(app, ctx, api.decidePending, async ({ actor, params, body, meta }) => {
    await enforce(ctx.limiter, [[moderationLimits.actionPerAccount, actor.id]]);
    await decidePending(ctx, { actor, id: params.id, decision: body.decision, note: body.note, meta });
  });

  route(app, ctx, api.getOrganisationPremoderation, async ({ actor }) => {
    authorize(moderationPolicy.canSetOrganisationPremoderation(actor));
    const org = await ctx.db.selectFrom('organisation').select('premoderate_guests').executeTakeFirst();
    return { premoderateGuests: org?.premoderate_guests ?? false };
  });

  route(app, ctx, api.setOrganisationPremoderation, async ({ actor, body, meta }) => {
    await setPremoderation(ctx, { actor, spaceId: null, value: body.premoderateGuests, meta });
    return body;
  });

  route(app, ctx, api.getSpacePremoderation, async ({ actor, params }) => {
    const { space } = await spaceFor(actor, params.space);
    const row = await ctx.db
      .selectFrom('spaces')
      .select('premoderate_guests')
      .where('id', '=', space.id)
      .executeTakeFirstOrThrow();
    return { premoderateGuests: row.premoderate_guests };
  });

  route(app, ctx, api.setSpacePremoderation, async ({ actor, params, body, meta }) => {
    const { space } = await spaceFor(actor, params.space);
    await setPremoderation(ctx, { actor, spaceId: space.id, value: body.premoderateGuests, meta });
    return body;
  });
}
