// An employee's part: joining or leaving the programme, and sharing a kit — which gets (or
// makes) their tracked link for the kit and network and counts the share.
import { randomBytes } from 'node:crypto';
import type { Network } from '../../../../common/ambassadors.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { currentKitsFor } from '../queries.ts';

/** 12 url-safe characters (72 random bits): unguessable, and naming nobody. */
export const newLinkCode = () => randomBytes(9).toString('base64url');

export async function setMembership(ctx: AppContext, input: { actor: Actor; optedIn: boolean }) {
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('ambassador_members')
      .select('opted_in')
      .where('user_id', '=', input.actor.id)
      .executeTakeFirst();
    if ((before?.opted_in ?? false) === input.optedIn) return;
    await tx.db
      .insertInto('ambassador_members')
      .values({ user_id: input.actor.id, opted_in: input.optedIn, updated_at: tx.now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ opted_in: input.optedIn, updated_at: tx.now }))
      .execute();
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: input.optedIn ? 'ambassador.opted_in' : 'ambassador.opted_out',
      objectType: 'user',
      objectId: input.actor.id,
      at: tx.now,
    });
  });
}

export async function shareKit(
  ctx: AppContext,
  input: { actor: Actor; kitId: string; network: Network },
): Promise<string> {
  const { actor, kitId, network } = input;
  return inTransaction(ctx, async (tx) => {
    const member = await tx.db
      .selectFrom('ambassador_members')
      .select('opted_in')
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (!member?.opted_in) throw forbidden('Join the ambassador programme to share kits.');
    // Only a current kit of the person's audience: another one is no business of theirs.
    const kits = await currentKitsFor(tx.db, actor.id, tx.now);
    if (!kits.some((k) => k.id === kitId)) throw notFound('Share kit');
    const link = await tx.db
      .insertInto('ambassador_links')
      .values({
        code: newLinkCode(),
        kit_id: kitId,
        network,
        user_id: actor.id,
        shares: 1,
        created_at: tx.now,
      })
      .onConflict((oc) =>
        oc.columns(['kit_id', 'network', 'user_id']).doUpdateSet((eb) => ({
          shares: eb('ambassador_links.shares', '+', 1),
        })),
      )
      .returning('code')
      .executeTakeFirstOrThrow();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'ambassador.shared',
      objectType: 'ambassador_kit',
      objectId: kitId,
      data: { network },
      at: tx.now,
    });
    return link.code;
  });
}
