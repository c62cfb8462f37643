// Sign-in with email and password. Every failure — unknown address, wrong password,
// deactivated account — gets the same answer in about the same time, and is audited.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { verifyPassword } from '../../../platform/auth/passwords.ts';
import { createSession, endSession, type NewSession } from '../../../platform/auth/sessions.ts';
import { AppError } from '../../../platform/errors.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { userLabel } from '../../people/presenters.ts';
import { findUserByEmail } from '../../people/queries.ts';
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
  if (!user || !passwordOk || user.status !== 'active') {
    const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'deactivated';
    await audit(ctx.db, {
      action: 'auth.sign_in_failed',
      target: user ? { type: 'user', id: user.id, label: userLabel(user) } : null,
      details: { email: input.email, reason },
      meta: input.meta,
      at: ctx.clock.now(),
    });
    throw new AppError(401, 'invalid_credentials', 'Email or password is incorrect.');
  }
  await ctx.limiter.reset(limits.signInPerAccount, input.email);
  const session = await inTransaction(ctx, async (tx) => {
    if (input.previousSessionId) await endSession(tx.db, input.previousSessionId);
    const created = await createSession(tx, user.id, input.meta);
    await tx.db.updateTable('users').set({ last_sign_in_at: tx.now }).where('id', '=', user.id).execute();
    await audit(tx.db, {
      action: 'auth.sign_in',
      actor: { id: user.id, label: userLabel(user) },
      target: { type: 'user', id: user.id, label: userLabel(user) },
      details: { method: 'password' },
      meta: input.meta,
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
  });
  return { userId: user.id, session };
}
