// First-run setup: the organisation and its first administrator, created together.
// Only possible while no organisation exists; the database itself settles a race.
import type { z } from 'zod';
import type { SetupBody } from '../../../../common/schemas/session.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { createSession } from '../../../platform/auth/sessions.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { safeEqual } from '../../../platform/tokens.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { assertPasswordFits } from '../passwords.ts';
import { limits } from '../rate-limits.ts';

export async function isSetUp(ctx: AppContext): Promise<boolean> {
  return (await ctx.db.selectFrom('organisation').select('id').executeTakeFirst()) !== undefined;
}

export async function setUpOrganisation(
  ctx: AppContext,
  body: z.output<typeof SetupBody>,
  meta: RequestMeta,
) {
  await enforce(ctx.limiter, [[limits.setupPerIp, meta.ip ?? 'unknown']]);
  const required = ctx.config.SETUP_TOKEN;
  if (required && !safeEqual(body.setupToken ?? '', required)) {
    throw new AppError(403, 'invalid_setup_token', 'The setup token is missing or wrong (see SETUP_TOKEN).');
  }
  if (await isSetUp(ctx)) throw conflict('already_set_up', 'This organisation is already set up.');
  assertPasswordFits('password', body.password, body.email);
  const passwordHash = await hashPassword(body.password);
  return inTransaction(ctx, async (tx) => {
    const created = await tx.db
      .insertInto('organisation')
      .values({ id: 1, name: body.organisationName, default_locale: body.locale, created_at: tx.now })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) throw conflict('already_set_up', 'This organisation is already set up.');
    const userId = newId();
    await tx.db
      .insertInto('users')
      .values({
        id: userId,
        email: body.email,
        name: body.name,
        password_hash: passwordHash,
        role: 'admin',
        status: 'active',
        locale: body.locale,
        created_at: tx.now,
        updated_at: tx.now,
        last_sign_in_at: tx.now,
        password_changed_at: tx.now,
      })
      .execute();
    const session = await createSession(tx, userId, meta);
    const actor = { id: userId, label: `${body.name} <${body.email}>` };
    await audit(tx.db, {
      action: 'organisation.setup',
      actor,
      target: { type: 'organisation', id: '1', label: body.organisationName },
      after: { organisationName: body.organisationName, administrator: body.email, locale: body.locale },
      meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: userId,
      verb: 'organisation.set_up',
      objectType: 'organisation',
      objectId: '1',
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: userId,
      verb: 'user.activated',
      objectType: 'user',
      objectId: userId,
      at: tx.now,
    });
    return { userId, session };
  });
}
