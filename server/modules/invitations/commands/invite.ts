// Inviting someone: a link valid 7 days, emailed (or kept in the outbox when no SMTP
// is configured). Resending issues a new link and kills the old one.
import type { z } from 'zod';
import type { InvitationCreateBody } from '../../../../common/schemas/invitations.ts';
import type { AppContext } from '../../../context.ts';
import type { Locale, Role } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { DAY } from '../../../platform/clock.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import { templates } from '../../../platform/mail/templates.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { limits } from '../../auth/rate-limits.ts';
import { findUserByEmail } from '../../people/queries.ts';
import { invitationStatus } from '../presenters.ts';
import { findInvitation, type InvitationWithInviter } from '../queries.ts';

export const INVITATION_VALID_DAYS = 7;

async function emailInvitation(
  tx: Tx,
  invitation: { email: string; locale: 'fr' | 'en'; message: string | null },
  inviterName: string,
  token: string,
) {
  const org = await tx.db.selectFrom('organisation').select('name').executeTakeFirstOrThrow();
  const content = templates[invitation.locale].invitation({
    organisation: org.name,
    inviter: inviterName,
    link: `${tx.ctx.config.PUBLIC_URL}/invitation#token=${token}`,
    message: invitation.message,
    days: INVITATION_VALID_DAYS,
  });
  await queueMail(tx, {
    ...content,
    to: invitation.email,
    kind: 'invitation',
    locale: invitation.locale,
    sensitive: true,
  });
}

/**
 * Writes a pending invitation with a fresh link (returned once, stored hashed). It replaces
 * any earlier pending one for the same address and the same space (or none).
 */
export async function issueInvitation(
  tx: Tx,
  input: {
    email: string;
    role: Role;
    locale: Locale;
    message: string | null;
    invitedBy: string;
    spaceId: string | null;
  },
): Promise<{ id: string; token: string }> {
  await tx.db
    .updateTable('invitations')
    .set({ revoked_at: tx.now })
    .where('email', '=', input.email)
    .where((eb) => (input.spaceId === null ? eb('space_id', 'is', null) : eb('space_id', '=', input.spaceId)))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const token = newToken();
  const id = newId();
  await tx.db
    .insertInto('invitations')
    .values({
      id,
      email: input.email,
      role: input.role,
      locale: input.locale,
      message: input.message,
      token_hash: hashToken(token),
      invited_by: input.invitedBy,
      created_at: tx.now,
      expires_at: new Date(tx.now.getTime() + INVITATION_VALID_DAYS * DAY),
      space_id: input.spaceId,
    })
    .execute();
  return { id, token };
}

export async function createInvitation(
  ctx: AppContext,
  input: { actor: Actor; body: z.output<typeof InvitationCreateBody>; meta: RequestMeta },
): Promise<InvitationWithInviter> {
  const { actor, body, meta } = input;
  await enforce(ctx.limiter, [
    [limits.invitePerAccount, actor.id],
    [limits.invitePerIp, meta.ip ?? 'unknown'],
  ]);
  if (await findUserByEmail(ctx.db, body.email)) {
    throw conflict('email_taken', 'Someone with this email already has an account.');
  }
  return inTransaction(ctx, async (tx) => {
    const { id, token } = await issueInvitation(tx, {
      email: body.email,
      role: body.role,
      locale: body.locale,
      message: body.message || null,
      invitedBy: actor.id,
      spaceId: null,
    });
    await emailInvitation(
      tx,
      { email: body.email, locale: body.locale, message: body.message || null },
      actor.name,
      token,
    );
    await audit(tx.db, {
      action: 'invitation.created',
      actor: actorRef(actor),
      target: { type: 'invitation', id, label: body.email },
      after: { email: body.email, role: body.role },
      meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'invitation.sent',
      objectType: 'invitation',
      objectId: id,
      at: tx.now,
    });
    const invitation = await findInvitation(tx.db, id);
    if (!invitation) throw notFound('Invitation');
    return invitation;
  });
}

export async function resendInvitation(
  ctx: AppContext,
  input: { actor: Actor; id: string; meta: RequestMeta },
) {
  const { actor, meta } = input;
  await enforce(ctx.limiter, [
    [limits.invitePerAccount, actor.id],
    [limits.invitePerIp, meta.ip ?? 'unknown'],
  ]);
  return inTransaction(ctx, async (tx) => {
    const invitation = await findInvitation(tx.db, input.id);
    if (!invitation) throw notFound('Invitation');
    const status = invitationStatus(invitation, tx.now);
    if (status === 'accepted' || status === 'revoked') {
      throw new AppError(409, 'conflict', `This invitation is ${status}; create a new one instead.`);
    }
    const token = newToken();
    const expiresAt = new Date(tx.now.getTime() + INVITATION_VALID_DAYS * DAY);
    await tx.db
      .updateTable('invitations')
      .set({ token_hash: hashToken(token), expires_at: expiresAt })
      .where('id', '=', invitation.id)
      .execute();
    await emailInvitation(tx, invitation, actor.name, token);
    await audit(tx.db, {
      action: 'invitation.resent',
      actor: actorRef(actor),
      target: { type: 'invitation', id: invitation.id, label: invitation.email },
      meta,
      at: tx.now,
    });
    return { ...invitation, expires_at: expiresAt };
  });
}

export async function revokeInvitation(
  ctx: AppContext,
  input: { actor: Actor; id: string; meta: RequestMeta },
) {
  return inTransaction(ctx, async (tx) => {
    const invitation = await findInvitation(tx.db, input.id);
    if (!invitation) throw notFound('Invitation');
    if (invitationStatus(invitation, tx.now) === 'accepted') {
      throw new AppError(
        409,
        'conflict',
        'This invitation was already accepted; deactivate the account instead.',
      );
    }
    if (invitation.revoked_at) return invitation;
    await tx.db
      .updateTable('invitations')
      .set({ revoked_at: tx.now })
      .where('id', '=', invitation.id)
      .execute();
    await audit(tx.db, {
      action: 'invitation.revoked',
      actor: actorRef(input.actor),
      target: { type: 'invitation', id: invitation.id, label: invitation.email },
      meta: input.meta,
      at: tx.now,
    });
    return { ...invitation, revoked_at: tx.now };
  });
}
