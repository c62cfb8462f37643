// Writes of analytics by administrators: the privacy settings, the analyst grant, the ROI
// assumptions — each in one transaction with its audit record (before → after) and activity.
// And the one audited read: looking at individual people's activity.
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { recordActivity } from '../../platform/activity.ts';
import { audit, type RequestMeta } from '../../platform/audit.ts';
import { AppError, notFound, ValidationError } from '../../platform/errors.ts';
import { type Actor, actorRef } from '../../platform/http/request.ts';
import { inTransaction } from '../../platform/transaction.ts';
import type { ResolvedFilters } from './filters.ts';
import { currentValues, isAssumptionKey } from './roi.ts';

interface Who {
  actor: Actor;
  meta: RequestMeta;
}

export async function setAnalyticsSettings(
  ctx: AppContext,
  who: Who,
  input: { minGroup: number; individual: boolean },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('organisation')
      .select(['id', 'analytics_min_group', 'analytics_individual'])
      .orderBy('id')
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Organisation');
    const before = { minGroup: row.analytics_min_group, individual: row.analytics_individual };
    const after = { minGroup: input.minGroup, individual: input.individual };
    if (before.minGroup === after.minGroup && before.individual === after.individual) return;
    await tx.db
      .updateTable('organisation')
      .set({ analytics_min_group: input.minGroup, analytics_individual: input.individual })
      .where('id', '=', row.id)
      .execute();
    await audit(tx.db, {
      action: 'analytics.settings_changed',
      actor: actorRef(who.actor),
      target: { type: 'organisation', id: String(row.id), label: 'analytics' },
      before,
      after,
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: 'analytics.settings_changed',
      objectType: 'organisation',
      data: { before, after },
      at: tx.now,
    });
  });
}

/** Grants or withdraws the analyst grant. Only active colleagues may hold it. */
export async function setAnalyst(ctx: AppContext, who: Who, userId: string, analyst: boolean): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await tx.db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role', 'status', 'erased_at', 'analyst'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user || user.erased_at) throw notFound('User');
    // Withdrawing is always possible; granting only to an active colleague.
    if (analyst && user.role === 'guest')
      throw new AppError(
        409,
        'analyst_not_eligible',
        "Guests cannot read the organisation's analytics: the analyst grant is for colleagues.",
      );
    if (analyst && user.status !== 'active')
      throw new AppError(409, 'analyst_not_eligible', 'This account is deactivated: reactivate it first.');
    if (user.analyst === analyst) return;
    await tx.db.updateTable('users').set({ analyst, updated_at: tx.now }).where('id', '=', userId).execute();
    await audit(tx.db, {
      action: 'user.analyst_changed',
      actor: actorRef(who.actor),
      target: { type: 'user', id: user.id, label: `${user.name} <${user.email}>` },
      before: { analyst: user.analyst },
      after: { analyst },
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: analyst ? 'analytics.analyst_granted' : 'analytics.analyst_withdrawn',
      objectType: 'user',
      objectId: user.id,
      at: tx.now,
    });
  });
}

/** Changes assumptions by key; an unknown key is refused, naming it. */
export async function setAssumptions(
  ctx: AppContext,
  who: Who,
  values: Record<string, number>,
): Promise<void> {
  const keys = Object.keys(values);
  const unknown = keys.filter((k) => !isAssumptionKey(k));
  if (unknown.length > 0)
    throw new ValidationError(
      unknown.map((k) => ({
        field: `values.${k}`,
        reason: 'unknown_key',
        message: `Unknown assumption "${k}".`,
      })),
    );
  if (keys.length === 0) return;
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .selectFrom('analytics_assumptions')
      .select(['key', 'value'])
      .forUpdate()
      .execute();
    const current = currentValues(rows);
    const changed = keys.filter((k) => current[k as keyof typeof current] !== values[k]).sort();
    if (changed.length === 0) return;
    for (const key of changed)
      await tx.db
        .insertInto('analytics_assumptions')
        .values({ key, value: values[key]!, updated_by: who.actor.id, updated_at: tx.now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: values[key]!, updated_by: who.actor.id, updated_at: tx.now }),
        )
        .execute();
    const before = Object.fromEntries(changed.map((k) => [k, current[k as keyof typeof current]]));
    const after = Object.fromEntries(changed.map((k) => [k, values[k]]));
    await audit(tx.db, {
      action: 'analytics.assumptions_changed',
      actor: actorRef(who.actor),
      target: { type: 'analytics_assumptions', id: null, label: changed.join(', ') },
      before,
      after,
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: 'analytics.assumptions_changed',
      objectType: 'analytics_assumptions',
      data: { before, after },
      at: tx.now,
    });
  });
}

/** Looking at individuals is recorded: who looked, when, over which period and filters. */
export async function recordPeopleViewed(
  db: Db,
  who: Who & { at: Date },
  filters: ResolvedFilters,
  count: number,
): Promise<void> {
  await audit(db, {
    action: 'analytics.people_viewed',
    actor: actorRef(who.actor),
    target: { type: 'analytics', id: null, label: 'people' },
    details: {
      period: filters.period,
      departmentId: filters.departmentId,
      siteId: filters.siteId,
      cohortId: filters.peopleCohortId,
      spaceIds: filters.spaceIds,
      people: count,
    },
    meta: who.meta,
    at: who.at,
  });
}
