// Sign-in with email and password. Every failure — unknown address, wrong password,
// deactivated account — gets the same answer in about the same time, and is audited.
import type { AppContext } from '../../../context.ts';
import type { UserRow } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { verifyPassword } from '../../../platform/auth/passwords.ts';
import { createSession, endSession, type NewSession } from '../../../platform/auth/sessions.ts';
import { AppError } from '../../../platform/errors.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { userLabel } from '../../people/presenters.ts';
import { findUserByEmail } from '../../people/queries.ts';
import { mustUseSso } from '../../sso/queries.ts';
import { limits } from '../rate-limits.ts';

export interface SignInInput {
  email: string;
  password: string;
  meta: RequestMeta;
  /** The session the request already carried, ended so the new one replaces it. */
  previousSessionId: string | null;
}

export async function signIn(
  ctx: AppContext,
  input: SignInInput,
): Promise<{ userId: string; session: NewSession }> {
  await enforce(ctx.limiter, [
    [limits.signInPerIp, input.meta.ip ?? 'unknown'],
    [limits.signInPerAccount, input.email],
  ]);
  const user = await findUserByEmail(ctx.db, input.email);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  // Checked only after the password is right, so the answer reveals nothing to a guesser.
  const ssoOnly = user && passwordOk && user.status === 'active' && (await mustUseSso(ctx, user.role));
  if (!user || !passwordOk || user.status !== 'active' || ssoOnly) {
    const reason = !user
      ? 'unknown_account'
      : !passwordOk
        ? 'wrong_password'
        : user.status !== 'active'
          ? 'deactivated'
          : 'sso_required';
    await audit(ctx.db, {
      action: 'auth.sign_in_failed',
      target: user ? { type: 'user', id: user.id, label: userLabel(user) } : null,
      details: { email: input.email, reason },
      meta: input.meta,
      at: ctx.clock.now(),
    });
    if (reason === 'sso_required') {
      throw new AppError(403, 'sso_required', 'Your organisation signs employees in with single sign-on.');
    }
    throw new AppError(401, 'invalid_credentials', 'Email or password is incorrect.');
  }
  await ctx.limiter.reset(limits.signInPerAccount, input.email);
  const session = await inTransaction(ctx, (tx) =>
    openSession(tx, user, { method: 'password' }, input.meta, input.previousSessionId),
  );
  return { userId: user.id, session };
}

/**
 * The end of every way of signing in (password, single sign-on): the old session ends, a new
 * one starts, and the sign-in is audited and recorded as activity.
 */
export async function openSession(
  tx: Tx,
  user: Pick<UserRow, 'id' | 'name' | 'email'>,
  details: Record<string, unknown>,
  meta: RequestMeta,
  previousSessionId: string | null,
): Promise<NewSession> {
  if (previousSessionId) await endSession(tx.db, previousSessionId);
  const created = await createSession(tx, user.id, meta);
  await tx.db.updateTable('users').set({ last_sign_in_at: tx.now }).where('id', '=', user.id).execute();
  await audit(tx.db, {
    action: 'auth.sign_in',
    actor: { id: user.id, label: userLabel(user) },
    target: { type: 'user', id: user.id, label: userLabel(user) },
    details,
    meta,
    at: tx.now,
  });
  await recordActivity(tx.db, {
    actorId: user.id,
    verb: 'user.signed_in',
    objectType: 'user',
    objectId: user.id,
    at: tx.now,
  });
  return created;
}
