// Changing a password (knowing the current one) and resetting it by emailed link.
import type { AppContext } from '../../../context.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { hashPassword, verifyPassword } from '../../../platform/auth/passwords.ts';
import { endAllSessions } from '../../../platform/auth/sessions.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueue } from '../../../platform/jobs/queue.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import { templates } from '../../../platform/mail/templates.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { userLabel } from '../../people/presenters.ts';
import { findUserByEmail } from '../../people/queries.ts';
import { mustUseSso } from '../../sso/queries.ts';
import { assertPasswordFits } from '../passwords.ts';
import { limits } from '../rate-limits.ts';

export const RESET_VALID_MINUTES = 60;
export const RESET_JOB = 'auth.password_reset';

async function organisationName(tx: Tx): Promise<string> {
  const org = await tx.db.selectFrom('organisation').select('name').executeTakeFirst();
  return org?.name ?? 'Trame';
}

async function tellPasswordChanged(tx: Tx, user: { email: string; name: string; locale: 'fr' | 'en' }) {
  const content = templates[user.locale].passwordChanged({
    organisation: await organisationName(tx),
    name: user.name,
    resetLink: `${tx.ctx.config.PUBLIC_URL}/forgot-password`,
  });
  await queueMail(tx, {
    ...content,
    to: user.email,
    kind: 'password_changed',
    locale: user.locale,
    sensitive: false,
  });
}

export async function changePassword(
  ctx: AppContext,
  input: { actor: Actor; currentPassword: string; newPassword: string; meta: RequestMeta },
): Promise<void> {
  await enforce(ctx.limiter, [[limits.passwordChangePerAccount, input.actor.id]]);
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', input.actor.id)
    .executeTakeFirst();
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError(400, 'wrong_password', 'The current password is wrong.', {
      issues: [
        { field: 'currentPassword', reason: 'wrong_password', message: 'The current password is wrong.' },
      ],
    });
  }
  assertPasswordFits('newPassword', input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: tx.now, updated_at: tx.now })
      .where('id', '=', user.id)
      .execute();
    const ended = await endAllSessions(tx.db, user.id, input.actor.sessionId);
    await audit(tx.db, {
      action: 'auth.password_changed',
      actor: actorRef(input.actor),
      target: { type: 'user', id: user.id, label: userLabel(user) },
      details: { otherSessionsEnded: ended },
      meta: input.meta,
      at: tx.now,
    });
    await tellPasswordChanged(tx, user);
  });
}

/**
 * Asking for a reset only queues a job, whatever the address: the answer and its timing
 * are the same for known and unknown accounts. The job does the real work.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, meta: RequestMeta): Promise<void> {
  await enforce(ctx.limiter, [
    [limits.resetPerIp, meta.ip ?? 'unknown'],
    [limits.resetPerAccount, email],
  ]);
  await inTransaction(ctx, (tx) =>
    enqueue(tx, RESET_JOB, { email, ip: meta.ip, userAgent: meta.userAgent }, { maxAttempts: 3 }),
  );
}

export function sendPasswordReset(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const email = String(payload.email);
    const meta = {
      ip: (payload.ip as string | null) ?? null,
      userAgent: (payload.userAgent as string | null) ?? null,
    };
    const user = await findUserByEmail(ctx.db, email);
    if (user?.status !== 'active') return;
    // Employees who must use single sign-on get no password link (the reset page says so).
    if (await mustUseSso(ctx, user.role)) return;
    await inTransaction(ctx, async (tx) => {
      // One live link at a time: a new request replaces the previous ones.
      await tx.db
        .deleteFrom('password_resets')
        .where('user_id', '=', user.id)
        .where('used_at', 'is', null)
        .execute();
      const token = newToken();
      await tx.db
        .insertInto('password_resets')
        .values({
          id: newId(),
          user_id: user.id,
          token_hash: hashToken(token),
          created_at: tx.now,
          expires_at: new Date(tx.now.getTime() + RESET_VALID_MINUTES * 60_000),
        })
        .execute();
      const content = templates[user.locale].passwordReset({
        organisation: await organisationName(tx),
        name: user.name,
        link: `${ctx.config.PUBLIC_URL}/reset-password#token=${token}`,
        minutes: RESET_VALID_MINUTES,
      });
      await queueMail(tx, {
        ...content,
        to: user.email,
        kind: 'password_reset',
        locale: user.locale,
        sensitive: true,
      });
      await audit(tx.db, {
        action: 'auth.password_reset_requested',
        target: { type: 'user', id: user.id, label: userLabel(user) },
        meta,
        at: tx.now,
      });
    });
  };
}

const invalidLink = () =>
  new AppError(400, 'invalid_token', 'This link is invalid, expired or already used. Ask for a new one.');

export async function completePasswordReset(
  ctx: AppContext,
  input: { token: string; newPassword: string; meta: RequestMeta },
): Promise<void> {
  await enforce(ctx.limiter, [[limits.linkTokenPerIp, input.meta.ip ?? 'unknown']]);
  const now = ctx.clock.now();
  const reset = await ctx.db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select([
      'password_resets.id',
      'password_resets.user_id',
      'users.email',
      'users.name',
      'users.locale',
      'users.role',
    ])
    .where('password_resets.token_hash', '=', hashToken(input.token))
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', now)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!reset) throw invalidLink();
  if (await mustUseSso(ctx, reset.role)) {
    throw new AppError(403, 'sso_required', 'Your organisation signs employees in with single sign-on.');
  }
  assertPasswordFits('newPassword', input.newPassword, reset.email);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    // Claim the link first: of two concurrent uses, only one finds it unused.
    const claimed = await tx.db
      .updateTable('password_resets')
      .set({ used_at: tx.now })
      .where('id', '=', reset.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw invalidLink();
    await tx.db
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: tx.now, updated_at: tx.now })
      .where('id', '=', reset.user_id)
      .execute();
    const ended = await endAllSessions(tx.db, reset.user_id);
    await audit(tx.db, {
      action: 'auth.password_reset_completed',
      actor: { id: reset.user_id, label: userLabel(reset) },
      target: { type: 'user', id: reset.user_id, label: userLabel(reset) },
      details: { sessionsEnded: ended },
      meta: input.meta,
      at: tx.now,
    });
    await tellPasswordChanged(tx, reset);
  });
}
