import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { recordPageRead } from '../analytics/instrument.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { readableSpace } from '../stream/access.ts';
import { presentPersonRef } from '../stream/presenters.ts';
import { writeLimits } from '../stream/rate-limits.ts';
import { createPage, restoreRevision, saveToKnowledge, updatePage } from './commands.ts';
import { diffLines } from './diff.ts';
import { presentPage } from './presenters.ts';
import { findPage, findRevision, listPages, listRevisions } from './queries.ts';

export function registerKnowledgeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const readable = async (viewer: Viewer, id: string) => {
    const row = await findPage(ctx.db, viewer, id);
    if (!row) throw notFound('Page');
    return row;
  };
  const one = async (viewer: Viewer, id: string) => presentPage(await readable(viewer, id));
  const writes = (actorId: string) => enforce(ctx.limiter, [[writeLimits.postPerAccount, actorId]]);

  route(app, ctx, api.listPages, async ({ actor, params }) => {
    const { space } = await readableSpace(ctx.db, actor, params.space);
    const rows = await listPages(ctx.db, space.id);
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        parentId: r.parent_id,
        updatedAt: r.updated_at.toISOString(),
      })),
    };
  });

  route(app, ctx, api.createPage, async ({ actor, params, body }) => {
    await writes(actor.id);
    return one(actor, await createPage(ctx, { actor, spaceRef: params.space, ...body }));
  });

  route(app, ctx, api.getPage, async ({ actor, params }) => {
    const row = await readable(actor, params.id);
    recordPageRead(ctx, actor.id, row); // analytics: a page reused by someone else
    return presentPage(row);
  });

  route(app, ctx, api.updatePage, async ({ actor, params, body }) => {
    await writes(actor.id);
    await updatePage(ctx, { actor, id: params.id, ...body });
    return one(actor, params.id);
  });

  route(app, ctx, api.pageRevisions, async ({ actor, params }) => {
    await readable(actor, params.id);
    const rows = await listRevisions(ctx.db, params.id);
    return {
      items: rows.map((r) => ({
        number: r.number,
        title: r.title,
        editedBy:
          r.user_id && r.name && r.handle
            ? presentPersonRef({ id: r.user_id, name: r.name, handle: r.handle, job_title: r.job_title })
            : null,
        createdAt: r.created_at.toISOString(),
        restoredFrom: r.restored_from,
      })),
    };
  });

  route(app, ctx, api.revisionDiff, async ({ actor, params }) => {
    await readable(actor, params.id);
    const revision = await findRevision(ctx.db, params.id, params.number);
    if (!revision) throw notFound('Revision');
    const previous = params.number > 1 ? await findRevision(ctx.db, params.id, params.number - 1) : undefined;
    return {
      number: revision.number,
      previous: previous?.number ?? null,
      title: { before: previous?.title ?? null, after: revision.title },
      lines: diffLines(previous?.body ?? '', revision.body),
    };
  });

  route(app, ctx, api.restoreRevision, async ({ actor, params }) => {
    await writes(actor.id);
    await restoreRevision(ctx, { actor, id: params.id, number: params.number });
    return one(actor, params.id);
  });

  route(app, ctx, api.saveToKnowledge, async ({ actor, params, body }) => {
    await writes(actor.id);
    const postUrl = new URL(`/posts/${params.id}`, ctx.config.PUBLIC_URL).toString();
    return one(
      actor,
      await saveToKnowledge(ctx, { actor, postId: params.id, parentId: body.parentId, postUrl }),
    );
  });
}
