import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { route } from '../../platform/http/route.ts';
import { pageOf } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { startSession } from '../auth/routes.ts';
import { acceptInvitation, findUsableInvitation } from './commands/accept.ts';
import { createInvitation, resendInvitation, revokeInvitation } from './commands/invite.ts';
import { invitationPolicy } from './policies.ts';
import { presentInvitation } from './presenters.ts';
import { listInvitations } from './queries.ts';

export function registerInvitationRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.listInvitations, async ({ actor, query }) => {
    authorize(invitationPolicy.canManage(actor));
    const now = ctx.clock.now();
    const rows = await listInvitations(ctx.db, query, now);
    return pageOf(
      rows,
      query.limit,
      (r) => r.id,
      (r) => presentInvitation(r, now),
    );
  });

  route(app, ctx, api.createInvitation, async ({ actor, body, meta }) => {
    authorize(invitationPolicy.canManage(actor));
    return presentInvitation(await createInvitation(ctx, { actor, body, meta }), ctx.clock.now());
  });

  route(app, ctx, api.resendInvitation, async ({ actor, params, meta }) => {
    authorize(invitationPolicy.canManage(actor));
    return presentInvitation(await resendInvitation(ctx, { actor, id: params.id, meta }), ctx.clock.now());
  });

  route(app, ctx, api.revokeInvitation, async ({ actor, params, meta }) => {
    authorize(invitationPolicy.canManage(actor));
    return presentInvitation(await revokeInvitation(ctx, { actor, id: params.id, meta }), ctx.clock.now());
  });

  route(app, ctx, api.previewInvitation, async ({ body, meta }) => {
    const invitation = await findUsableInvitation(ctx, body.token, meta.ip);
    const org = await ctx.db.selectFrom('organisation').select('name').executeTakeFirstOrThrow();
    return {
      email: invitation.email,
      organisationName: org.name,
      inviterName: invitation.inviter_name ?? org.name,
      role: invitation.role,
      locale: invitation.locale,
      message: invitation.message,
      expiresAt: invitation.expires_at.toISOString(),
    };
  });

  route(app, ctx, api.acceptInvitation, async ({ body, meta, actor, req, reply }) => {
    const { userId, session } = await acceptInvitation(ctx, {
      body,
      meta,
      previousSessionId: actor?.sessionId ?? null,
    });
    return startSession(ctx, req, reply, userId, session);
  });
}
