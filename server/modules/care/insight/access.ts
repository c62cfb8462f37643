// The conversation an insight action names, which must exist.
import { notFound } from '../../../platform/errors.ts';
import type { Tx } from '../../../platform/transaction.ts';

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
