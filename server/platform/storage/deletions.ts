// Removing stored files whose rows a transaction deleted. The keys are written in that
// transaction (`storage_deletions`), the files removed once it commits, and any left behind
// by a process that stopped in between are swept by the next caller: a row never points at
// a missing file, and a file never outlives its row for long.
import type { AppContext } from '../../context.ts';
import type { Tx } from '../transaction.ts';

/** In the transaction that deleted the rows: remove these files once it commits. */
export async function deleteFilesAfterCommit(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.db
    .insertInto('storage_deletions')
    .values(keys.map((storage_key) => ({ storage_key, created_at: tx.now })))
    .onConflict((oc) => oc.column('storage_key').doNothing())
    .execute();
  tx.afterCommit(() => removeFiles(tx.ctx, keys));
}

async function removeFiles(ctx: AppContext, keys: string[]): Promise<void> {
  for (const key of keys) {
    await ctx.storage.remove(key);
    await ctx.db.deleteFrom('storage_deletions').where('storage_key', '=', key).execute();
  }
}

/** Removes the files of any deletion a stopped process left unfinished. */
export async function sweepFileDeletions(ctx: AppContext): Promise<void> {
  const rows = await ctx.db.selectFrom('storage_deletions').select('storage_key').execute();
  await removeFiles(
    ctx,
    rows.map((r) => r.storage_key),
  );
}
