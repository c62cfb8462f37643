// Pre-moderation: where the organisation or the space asks for it, what a guest (customer,
// partner) writes in a space waits for a moderator's approval before anyone else sees it.
import type { Actor } from '../../platform/http/request.ts';
import type { Tx } from '../../platform/transaction.ts';

export async function needsApproval(tx: Tx, actor: Pick<Actor, 'role'>, spaceId: string): Promise<boolean> {
  if (actor.role !== 'guest') return false;
  const space = await tx.db
    .selectFrom('spaces')
    .select('premoderate_guests')
    .where('id', '=', spaceId)
    .executeTakeFirst();
  if (space?.premoderate_guests) return true;
  const org = await tx.db.selectFrom('organisation').select('premoderate_guests').executeTakeFirst();
  return org?.premoderate_guests ?? false;
}
