// Writes of retention: rules (audited with before and after) and legal holds (placed and
// released, audited). Each in one transaction with its audit record and activity event.

import type { AppContext } from '../../context.ts';
import type { RetentionRuleTable } from '../../db/schema.ts';
import { recordActivity } from '../../platform/activity.ts';
import { audit, type RequestMeta } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { type Actor, actorRef } from '../../platform/http/request.ts';
import { newId } from '../../platform/ids.ts';
import { inTransaction } from '../../platform/transaction.ts';
import { listableSpaceIds } from '../spaces/visibility.ts';
import { type RuleTarget, ruleKey } from './expiry.ts';

interface Who {
  actor: Actor;
  meta: RequestMeta;
}

const ruleState = (row: Pick<RetentionRuleTable, 'keep_days'> | undefined) =>
  row ? { keepDays: row.keep_days } : null;

async function targetLabel(ctx: AppContext, target: RuleTarget): Promise<string> {
  if (target.scope !== 'space') return ruleKey(target);
  const space = await ctx.db
    .selectFrom('spaces')
    .select('name')
    .where('id', '=', target.spaceId!)
    .executeTakeFirst();
  if (!space) throw notFound('Space');
  return space.name;
}

/** Sets (or, with `keepDays` undefined, removes) the rule of one place. */
export async function setRule(
  ctx: AppContext,
  who: Who,
  target: RuleTarget,
  keepDays: number | null | undefined,
): Promise<string> {
  const label = await targetLabel(ctx, target);
  const key = ruleKey(target);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('retention_rules')
      .select('keep_days')
      .where('key', '=', key)
      .forUpdate()
      .executeTakeFirst();
    if (keepDays === undefined) {
      if (!before) return key;
      await tx.db.deleteFrom('retention_rules').where('key', '=', key).execute();
    } else {
      const values = { keep_days: keepDays, updated_by: who.actor.id, updated_at: tx.now };
      await tx.db
        .insertInto('retention_rules')
        .values({
          key,
          scope: target.scope,
          space_type: target.scope === 'space_type' ? target.spaceType : null,
          space_id: target.scope === 'space' ? target.spaceId : null,
          ...values,
        })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    }
    const after = keepDays === undefined ? null : { keepDays };
    await audit(tx.db, {
      action: 'retention.rule_changed',
      actor: actorRef(who.actor),
      target: { type: 'retention_rule', id: key, label },
      before: ruleState(before),
      after,
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: 'retention.rule_changed',
      objectType: 'retention_rule',
      objectId: key,
      spaceId: target.scope === 'space' ? target.spaceId : null,
      data: { before: ruleState(before), after },
      at: tx.now,
    });
    return key;
  });
}

export interface HoldInput {
  name: string;
  reason: string;
  userId?: string | undefined;
  spaceId?: string | undefined;
}

export async function placeHold(ctx: AppContext, who: Who, input: HoldInput): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    let label: string;
    if (input.userId) {
      const user = await tx.db
        .selectFrom('users')
        .select('name')
        .where('id', '=', input.userId)
        .executeTakeFirst();
      if (!user) throw notFound('Person');
      label = user.name;
    } else {
      const space = await tx.db
        .selectFrom('spaces')
        .select('name')
        .where('id', '=', input.spaceId!)
        .where((eb) => eb('spaces.id', 'in', listableSpaceIds(eb as never, who.actor)))
        .executeTakeFirst();
      if (!space) throw notFound('Space');
      label = space.name;
    }
    const id = newId(tx.now.getTime());
    await tx.db
      .insertInto('legal_holds')
      .values({
        id,
        name: input.name,
        reason: input.reason,
        user_id: input.userId ?? null,
        space_id: input.spaceId ?? null,
        placed_by: who.actor.id,
        placed_at: tx.now,
      })
      .execute();
    const on = input.userId ? { userId: input.userId } : { spaceId: input.spaceId };
    await audit(tx.db, {
      action: 'legal_hold.placed',
      actor: actorRef(who.actor),
      target: { type: input.userId ? 'user' : 'space', id: input.userId ?? input.spaceId!, label },
      after: { holdId: id, name: input.name, reason: input.reason, ...on },
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: 'legal_hold.placed',
      objectType: 'legal_hold',
      objectId: id,
      spaceId: input.spaceId ?? null,
      at: tx.now,
    });
    return id;
  });
}

export async function releaseHold(ctx: AppContext, who: Who, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const hold = await tx.db
      .selectFrom('legal_holds')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!hold) throw notFound('Legal hold');
    if (hold.released_at) throw conflict('hold_released', 'This legal hold was already released.');
    await tx.db
      .updateTable('legal_holds')
      .set({ released_at: tx.now, released_by: who.actor.id })
      .where('id', '=', id)
      .execute();
    await audit(tx.db, {
      action: 'legal_hold.released',
      actor: actorRef(who.actor),
      target: {
        type: hold.user_id ? 'user' : 'space',
        id: hold.user_id ?? hold.space_id,
        label: hold.name,
      },
      before: { holdId: id, name: hold.name, released: false },
      after: { holdId: id, name: hold.name, released: true },
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: 'legal_hold.released',
      objectType: 'legal_hold',
      objectId: id,
      spaceId: hold.space_id,
      at: tx.now,
    });
  });
}
