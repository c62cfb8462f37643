// Accepting an invitation creates the account with the invited role and signs the
// person in; a guest also joins the external spaces they were invited into. The link works once: the invitation row is locked while it is used.
import type { z } from 'zod';
import type { InvitationAcceptBody } from '../../../../common/schemas/invitations.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { createSession, endSession } from '../../../platform/auth/sessions.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { hashToken } from '../../../platform/tokens.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { assertPasswordFits } from '../../auth/passwords.ts';
import { limits } from '../../auth/rate-limits.ts';
import { joinInvitedSpaces } from '../../external/commands/accept-guest.ts';
import { findUserByEmail } from '../../people/queries.ts';
import { invitationStatus } from '../presenters.ts';
import { findInvitationByTokenHash } from '../queries.ts';

const invalidLink = () =>
  new AppError(400, 'invalid_token', 'This invitation link is invalid, expired, revoked or already used.');

export async function findUsableInvitation(ctx: AppContext, token: string, ip: string | null) {
  await enforce(ctx.limiter, [[limits.linkTokenPerIp, ip ?? 'unknown']]);
  const invitation = await findInvitationByTokenHash(ctx.db, hashToken(token));
  if (!invitation || invitationStatus(invitation, ctx.clock.now()) !== 'pending') throw invalidLink();
  return invitation;
}

export async function acceptInvitation(
  ctx: AppContext,
  input: { body: z.output<typeof InvitationAcceptBody>; meta: RequestMeta; previousSessionId: string | null },
) {
  const { body, meta } = input;
  const found = await findUsableInvitation(ctx, body.token, meta.ip);
  assertPasswordFits('password', body.password, found.email);
  const passwordHash = await hashPassword(body.password);
  return inTransaction(ctx, async (tx) => {
    const invitation = await tx.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', found.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (invitationStatus(invitation, tx.now) !== 'pending' || invitation.token_hash !== found.token_hash) {
      throw invalidLink();
    }
    if (await findUserByEmail(tx.db, invitation.email)) {
      throw conflict('email_taken', 'Someone with this email already has an account.');
    }
    const userId = newId();
    await tx.db
      .insertInto('users')
      .values({
        id: userId,
        email: invitation.email,
        name: body.name,
        password_hash: passwordHash,
        role: invitation.role,
        status: 'active',
        locale: body.locale,
        invited_by: invitation.invited_by,
        created_at: tx.now,
        updated_at: tx.now,
        last_sign_in_at: tx.now,
        password_changed_at: tx.now,
      })
      .execute();
    // Before this invitation is marked accepted, so its own space is among them.
    const spaces = invitation.role === 'guest' ? await joinInvitedSpaces(tx, invitation.email, userId) : [];
    await tx.db
      .updateTable('invitations')
      .set({ accepted_at: tx.now, accepted_user_id: userId })
      .where('id', '=', invitation.id)
      .execute();
    if (input.previousSessionId) await endSession(tx.db, input.previousSessionId);
    const session = await createSession(tx, userId, meta);
    const label = `${body.name} <${invitation.email}>`;
    await audit(tx.db, {
      action: 'invitation.accepted',
      actor: { id: userId, label },
      target: { type: 'invitation', id: invitation.id, label: invitation.email },
      after:
        spaces.length > 0 ? { userId, role: invitation.role, spaces } : { userId, role: invitation.role },
      meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: userId,
      verb: 'user.activated',
      objectType: 'user',
      objectId: userId,
      data: { invitationId: invitation.id, invitedAt: invitation.created_at.toISOString() },
      at: tx.now,
    });
    return { userId, session };
  });
}
