import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { pageOf } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { readsAnalytics } from '../analytics/policies.ts';
import { changeRole } from './commands/change-role.ts';
import { deactivateUser, reactivateUser } from './commands/set-status.ts';
import { updateMe } from './commands/update-me.ts';
import { loadMe } from './me.ts';
import { peoplePolicy } from './policies.ts';
import { presentAdminUser, presentMe, presentPerson } from './presenters.ts';
import { listDepartments, listSites, listUsers } from './queries.ts';

const sortKey = (row: { sort_key: string }) => row.sort_key;

export function registerPeopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.getMe, async ({ actor }) => {
    const me = await loadMe(ctx.db, actor.id);
    if (!me) throw notFound('User');
    return me;
  });

  route(app, ctx, api.updateMe, async ({ actor, body }) => {
    const user = await updateMe(ctx, actor, body);
    return presentMe(user, { readsAnalytics: await readsAnalytics(ctx.db, actor.id) });
  });

  route(app, ctx, api.listPeople, async ({ actor, query }) => {
    authorize(peoplePolicy.canBrowseDirectory(actor));
    const rows = await listUsers(ctx.db, { ...query, status: 'active', roles: ['admin', 'member'] });
    return pageOf(rows, query.limit, sortKey, presentPerson);
  });

  route(app, ctx, api.getDirectory, async ({ actor }) => {
    authorize(peoplePolicy.canBrowseDirectory(actor));
    const [departments, sites] = await Promise.all([listDepartments(ctx.db), listSites(ctx.db)]);
    return { departments, sites };
  });

  route(app, ctx, api.listUsers, async ({ actor, query }) => {
    authorize(peoplePolicy.canManageAccounts(actor));
    const rows = await listUsers(ctx.db, query);
    return pageOf(rows, query.limit, sortKey, presentAdminUser);
  });

  route(app, ctx, api.changeRole, async ({ actor, params, body, meta }) => {
    authorize(peoplePolicy.canManageAccounts(actor));
    return presentAdminUser(await changeRole(ctx, { actor, userId: params.id, role: body.role, meta }));
  });

  route(app, ctx, api.deactivateUser, async ({ actor, params, meta }) => {
    authorize(peoplePolicy.canManageAccounts(actor));
    return presentAdminUser(await deactivateUser(ctx, { actor, userId: params.id, meta }));
  });

  route(app, ctx, api.reactivateUser, async ({ actor, params, meta }) => {
    authorize(peoplePolicy.canManageAccounts(actor));
    return presentAdminUser(await reactivateUser(ctx, { actor, userId: params.id, meta }));
  });
}
