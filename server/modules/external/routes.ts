import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { findSpaceByRef } from '../spaces/queries.ts';
import { canListSpace } from '../spaces/visibility.ts';
import { inviteGuest, revokeGuestInvitation } from './commands/invite-guest.ts';
import { updateExternalSettings } from './commands/settings.ts';
import { externalPolicy } from './policies.ts';
import { presentGuestInvitation, presentSettings } from './presenters.ts';
import { externalRules, pendingGuestInvitations } from './queries.ts';

export function registerExternalRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** The space as its managers know it: 404 when it is not listed to the viewer. */
  async function listed(actor: Actor, ref: string) {
    const space = await findSpaceByRef(ctx.db, actor, ref);
    if (!space || !canListSpace(actor, space, space.my_role ?? null)) throw notFound('Space');
    return space;
  }

  route(app, ctx, api.getExternalSettings, async ({ actor }) => {
    authorize(externalPolicy.canReadSettings(actor));
    const rules = await externalRules(ctx.db);
    return presentSettings(rules, externalPolicy.canCreateExternal(actor, rules));
  });

  route(app, ctx, api.updateExternalSettings, async ({ actor, body, meta }) => {
    authorize(externalPolicy.canChangeSettings(actor), 'Only administrators change these settings.');
    const rules = await updateExternalSettings(ctx, { actor, body, meta });
    return presentSettings(rules, externalPolicy.canCreateExternal(actor, rules));
  });

  route(app, ctx, api.listGuestInvitations, async ({ actor, params }) => {
    const space = await listed(actor, params.space);
    const myRole = space.my_role ?? null;
    authorize(
      externalPolicy.canSeeGuestInvitations(actor, myRole),
      'Only owners and moderators see invitations.',
    );
    const rules = await externalRules(ctx.db);
    const rows = space.external ? await pendingGuestInvitations(ctx.db, space.id, ctx.clock.now()) : [];
    return {
      items: rows.map(presentGuestInvitation),
      canInvite: space.external && externalPolicy.canInviteGuests(actor, myRole, rules),
    };
  });

  route(app, ctx, api.inviteGuest, async ({ actor, params, body, meta }) => {
    const space = await listed(actor, params.space);
    const myRole = space.my_role ?? null;
    authorize(externalPolicy.canSeeGuestInvitations(actor, myRole), 'Only owners and moderators invite.');
    const result = await inviteGuest(ctx, { actor, space, myRole, body, meta });
    return {
      outcome: result.outcome,
      invitation: result.invitation && presentGuestInvitation(result.invitation),
    };
  });

  route(app, ctx, api.revokeGuestInvitation, async ({ actor, params, meta }) => {
    const space = await listed(actor, params.space);
    authorize(
      externalPolicy.canSeeGuestInvitations(actor, space.my_role ?? null),
      'Only owners and moderators revoke invitations.',
    );
    return presentGuestInvitation(await revokeGuestInvitation(ctx, { actor, space, id: params.id, meta }));
  });
}
