import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { pageOf } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { externalPolicy } from '../external/policies.ts';
import { externalRules } from '../external/queries.ts';
import { createSpace, updateSpace } from './commands/create-update.ts';
import { joinSpace, leaveSpace } from './commands/membership.ts';
import { decideRequest, inviteToSpace } from './commands/requests.ts';
import { changeMemberRole, removeMember } from './commands/roles.ts';
import { spacesPolicy } from './policies.ts';
import { presentMember, presentRequest, presentSpace } from './presenters.ts';
import { findMember, findSpaceByRef, listMembers, listPendingRequests, listSpaces } from './queries.ts';
import { canListSpace } from './visibility.ts';

const sortKey = (row: { sort_key: string }) => row.sort_key;

export function registerSpaceRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** The space as the viewer may know it: 404 when it is not listed to them (secret spaces). */
  async function listed(actor: Actor, ref: string) {
    const space = await findSpaceByRef(ctx.db, actor, ref);
    const invited = space?.pending_kind === 'invitation';
    if (!space || (!invited && !canListSpace(actor, space, space.my_role ?? null))) throw notFound('Space');
    return space;
  }
  const present = async (actor: Actor, id: string) => presentSpace(actor, await listed(actor, id));

  route(app, ctx, api.listSpaces, async ({ actor, query }) => {
    const rows = await listSpaces(ctx.db, actor, query);
    return pageOf(rows, query.limit, sortKey, (row) => presentSpace(actor, row));
  });

  route(app, ctx, api.createSpace, async ({ actor, body, meta }) => {
    authorize(spacesPolicy.canCreate(actor), 'Guests cannot create spaces.');
    if (body.external) {
      authorize(
        externalPolicy.canCreateExternal(actor, await externalRules(ctx.db)),
        'The organisation does not let you create external spaces.',
      );
    }
    return present(actor, await createSpace(ctx, { actor, body, meta }));
  });

  route(app, ctx, api.getSpace, async ({ actor, params }) =>
    presentSpace(actor, await listed(actor, params.space)),
  );

  route(app, ctx, api.updateSpace, async ({ actor, params, body, meta }) => {
    const space = await listed(actor, params.space);
    authorize(spacesPolicy.canManage(actor, space.my_role ?? null));
    if (body.external && !space.external) {
      authorize(
        externalPolicy.canCreateExternal(actor, await externalRules(ctx.db)),
        'The organisation does not let you make spaces external.',
      );
    }
    await updateSpace(ctx, { actor, spaceId: space.id, body, meta });
    return present(actor, space.id);
  });

  route(app, ctx, api.joinSpace, async ({ actor, params, body }) =>
    present(actor, await joinSpace(ctx, { actor, ref: params.space, message: body.message })),
  );

  route(app, ctx, api.leaveSpace, async ({ actor, params }) => {
    const before = await listed(actor, params.space);
    await leaveSpace(ctx, { actor, ref: before.id });
    const after = await findSpaceByRef(ctx.db, actor, before.id);
    // Someone who just left a secret space no longer finds it, but the answer still says
    // what they left.
    return presentSpace(actor, after ?? { ...before, my_role: null, pending_kind: null });
  });

  route(app, ctx, api.listSpaceMembers, async ({ actor, params, query }) => {
    const space = await listed(actor, params.space);
    authorize(
      spacesPolicy.canSeeMembers(actor, space, space.my_role ?? null),
      'Only members see who is here.',
    );
    const rows = await listMembers(ctx.db, space.id, query);
    return pageOf(rows, query.limit, sortKey, presentMember);
  });

  route(app, ctx, api.inviteToSpace, async ({ actor, params, body, meta }) => {
    const space = await listed(actor, params.space);
    authorize(spacesPolicy.canHandleRequests(space.my_role ?? null), 'Only owners and moderators invite.');
    return inviteToSpace(ctx, { actor, space, myRole: space.my_role ?? null, userIds: body.userIds, meta });
  });

  route(app, ctx, api.changeSpaceRole, async ({ actor, params, body, meta }) => {
    const space = await listed(actor, params.space);
    authorize(spacesPolicy.canChangeRoles(actor, space.my_role ?? null), 'Only owners change roles.');
    await changeMemberRole(ctx, { actor, space, userId: params.userId, role: body.role, meta });
    const member = await findMember(ctx.db, space.id, params.userId);
    if (!member) throw notFound('Member');
    return presentMember(member);
  });

  route(app, ctx, api.removeSpaceMember, async ({ actor, params, meta }) => {
    const space = await listed(actor, params.space);
    // Whom exactly they may remove depends on the target's role, checked in the command.
    authorize(spacesPolicy.canModerate(actor, space.my_role ?? null));
    await removeMember(ctx, { actor, space, myRole: space.my_role ?? null, userId: params.userId, meta });
  });

  route(app, ctx, api.listSpaceRequests, async ({ actor, params }) => {
    const space = await listed(actor, params.space);
    authorize(
      spacesPolicy.canHandleRequests(space.my_role ?? null),
      'Only owners and moderators see requests.',
    );
    return { items: (await listPendingRequests(ctx.db, space.id)).map(presentRequest) };
  });

  for (const [endpoint, approve] of [
    [api.approveSpaceRequest, true],
    [api.declineSpaceRequest, false],
  ] as const) {
    route(app, ctx, endpoint, async ({ actor, params, meta }) => {
      const space = await listed(actor, params.space);
      authorize(spacesPolicy.canHandleRequests(space.my_role ?? null), 'Only owners and moderators decide.');
      await decideRequest(ctx, { actor, space, requestId: params.requestId, approve, meta });
    });
  }
}
