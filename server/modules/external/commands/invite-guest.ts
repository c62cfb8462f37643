// Inviting someone by email into an external space. Someone with no account gets an
// invitation mail (role guest, the space to join on accepting); an existing account —
// guest or colleague — is invited into the space like from the people picker. A new
// invitation to the same address for the same space replaces the pending one.
import type { z } from 'zod';
import type { GuestInviteBody } from '../../../../common/schemas/external.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import { templates } from '../../../platform/mail/templates.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { limits } from '../../auth/rate-limits.ts';
import { INVITATION_VALID_DAYS, issueInvitation } from '../../invitations/commands/invite.ts';
import { findUserByEmail } from '../../people/queries.ts';
import type { SpaceRef } from '../../spaces/commands/members.ts';
import { inviteUsers } from '../../spaces/commands/requests.ts';
import type { Membership } from '../../spaces/visibility.ts';
import { assertGuestsWelcome } from '../guards.ts';
import { type GuestInvitationRow, pendingGuestInvitations } from '../queries.ts';

type Outcome = 'emailed' | 'invited' | 'already_member';

export async function inviteGuest(
  ctx: AppContext,
  input: {
    actor: Actor;
    space: SpaceRef;
    myRole: Membership;
    body: z.output<typeof GuestInviteBody>;
    meta: RequestMeta;
  },
): Promise<{ outcome: Outcome; invitation: GuestInvitationRow | null }> {
  const { actor, space, body, meta } = input;
  await enforce(ctx.limiter, [
    [limits.invitePerAccount, actor.id],
    [limits.invitePerIp, meta.ip ?? 'unknown'],
  ]);
  return inTransaction(ctx, async (tx) => {
    // Whoever is invited from this form, the form is for external spaces.
    await assertGuestsWelcome(tx, actor, space.id, input.myRole);
    const existing = await findUserByEmail(tx.db, body.email);
    if (existing) {
      if (existing.status !== 'active') {
        throw conflict('email_taken', 'This address belongs to a deactivated account.');
      }
      const result = await inviteUsers(tx, { ...input, userIds: [existing.id] });
      const outcome: Outcome = result.invited > 0 ? 'invited' : 'already_member';
      await auditInvite(tx, { actor, space, email: body.email, outcome, role: existing.role, meta });
      return { outcome, invitation: null };
    }
    const { id, token } = await issueInvitation(tx, {
      email: body.email,
      role: 'guest',
      locale: body.locale,
      message: body.message || null,
      invitedBy: actor.id,
      spaceId: space.id,
    });
    const org = await tx.db.selectFrom('organisation').select('name').executeTakeFirstOrThrow();
    const content = templates[body.locale].guestInvitation({
      organisation: org.name,
      inviter: actor.name,
      space: space.name,
      link: `${tx.ctx.config.PUBLIC_URL}/invitation#token=${token}`,
      message: body.message || null,
      days: INVITATION_VALID_DAYS,
    });
    await queueMail(tx, {
      ...content,
      to: body.email,
      kind: 'invitation',
      locale: body.locale,
      sensitive: true,
    });
    await auditInvite(tx, {
      actor,
      space,
      email: body.email,
      outcome: 'emailed',
      role: 'guest',
      meta,
      invitationId: id,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'invitation.sent',
      objectType: 'invitation',
      objectId: id,
      spaceId: space.id,
      at: tx.now,
    });
    const invitation = (await pendingGuestInvitations(tx.db, space.id, tx.now)).find((i) => i.id === id);
    if (!invitation) throw notFound('Invitation');
    return { outcome: 'emailed', invitation };
  });
}

async function auditInvite(
  tx: Tx,
  input: {
    actor: Actor;
    space: SpaceRef;
    email: string;
    outcome: Outcome;
    role: string;
    meta: RequestMeta;
    invitationId?: string;
  },
) {
  if (input.outcome === 'already_member') return;
  await audit(tx.db, {
    action: 'space.guest_invited',
    actor: actorRef(input.actor),
    target: { type: 'space', id: input.space.id, label: input.space.name },
    details: {
      email: input.email,
      outcome: input.outcome,
      role: input.role,
      invitationId: input.invitationId,
    },
    meta: input.meta,
    at: tx.now,
  });
}

export function revokeGuestInvitation(
  ctx: AppContext,
  input: { actor: Actor; space: SpaceRef; id: string; meta: RequestMeta },
): Promise<GuestInvitationRow> {
  return inTransaction(ctx, async (tx) => {
    const invitation = (await pendingGuestInvitations(tx.db, input.space.id, tx.now)).find(
      (i) => i.id === input.id,
    );
    if (!invitation) throw notFound('Invitation');
    await tx.db
      .updateTable('invitations')
      .set({ revoked_at: tx.now })
      .where('id', '=', invitation.id)
      .where('revoked_at', 'is', null)
      .execute();
    await audit(tx.db, {
      action: 'space.guest_invitation_revoked',
      actor: actorRef(input.actor),
      target: { type: 'space', id: input.space.id, label: input.space.name },
      details: { email: invitation.email, invitationId: invitation.id },
      meta: input.meta,
      at: tx.now,
    });
    return invitation;
  });
}
