// The checks every path that brings a guest into a space shares (the people picker, an
// email invitation, accepting one): the space is external — read under a share lock, so
// it cannot be made internal by a concurrent request before this transaction commits —
// and the person inviting may invite guests.
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/transaction.ts';
import type { Membership } from '../spaces/visibility.ts';
import { externalPolicy } from './policies.ts';
import { externalRules } from './queries.ts';

export const notExternal = () =>
  conflict(
    'space_not_external',
    'Guests may only join external spaces: make this space external first, or invite colleagues only.',
  );

/** Locks the space against becoming internal and says whether it is external. */
export async function isExternalLocked(tx: Tx, spaceId: string): Promise<boolean> {
  const row = await tx.db
    .selectFrom('spaces')
    .select('external')
    .where('id', '=', spaceId)
    .forShare()
    .executeTakeFirst();
  if (!row) throw notFound('Space');
  return row.external;
}

export async function assertGuestsWelcome(
  tx: Tx,
  actor: { id: string; role: 'admin' | 'member' | 'guest' },
  spaceId: string,
  myRole: Membership,
): Promise<void> {
  if (!(await isExternalLocked(tx, spaceId))) throw notExternal();
  if (!externalPolicy.canInviteGuests(actor, myRole, await externalRules(tx.db))) {
    throw forbidden('The organisation does not let you invite guests.');
  }
}
