// The care grant every insight route checks first (agents and administrators), and the
// conversation an action names, which must exist.
import type { Db } from '../../../db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import type { Tx } from '../../../platform/transaction.ts';
import { carePolicy, loadCareReader } from '../policies.ts';

export async function requireAgent(db: Db, actor: Actor): Promise<void> {
  if (!carePolicy.canWorkInbox(await loadCareReader(db, actor)))
    throw new AppError(403, 'care_not_agent', 'Only members can work the customer-care inbox.');
}

/** The conversation, locked for the rest of the transaction. */
export async function lockedConversation(tx: Tx, id: string) {
  const row = await tx.db
    .selectFrom('care_conversations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Conversation');
  return row;
}
