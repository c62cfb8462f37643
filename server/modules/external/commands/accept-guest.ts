// A new guest joins every external space that invited their address by email and whose
// invitation is still pending (one link creates the account; the others would otherwise
// be dead). A space that stopped being external is skipped: guests belong only to
// external spaces.

import type { Tx } from '../../../platform/transaction.ts';
import { addMember } from '../../spaces/commands/members.ts';

export async function joinInvitedSpaces(tx: Tx, email: string, userId: string): Promise<string[]> {
  const invited = await tx.db
    .selectFrom('invitations')
    .innerJoin('spaces', 'spaces.id', 'invitations.space_id')
    .select(['invitations.id', 'spaces.id as space_id', 'spaces.name', 'spaces.external'])
    .where('invitations.email', '=', email)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', tx.now)
    .where('spaces.archived_at', 'is', null)
    .forUpdate(['invitations', 'spaces'])
    .execute();
  const joined: string[] = [];
  for (const row of invited) {
    await tx.db
      .updateTable('invitations')
      .set({ accepted_at: tx.now, accepted_user_id: userId })
      .where('id', '=', row.id)
      .execute();
    if (!row.external) continue;
    if (await addMember(tx, { id: row.space_id, name: row.name }, userId, 'invitation'))
      joined.push(row.space_id);
  }
  return joined;
}
