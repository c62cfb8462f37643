// A person's photo: one image in file storage, replaced whole. The old file is removed
// once the new one is committed, and a new file that failed to commit is removed too,
// so storage holds exactly the photos the database names.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { storeImage } from '../../../platform/storage/images.ts';
import { inTransaction } from '../../../platform/transaction.ts';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export async function setPhoto(
  ctx: AppContext,
  input: { actor: Actor; stream: NodeJS.ReadableStream; truncated: () => boolean },
): Promise<Date> {
  const stored = await storeImage(ctx, { ...input, maxBytes: PHOTO_MAX_BYTES, what: 'A photo' });
  let previous: string | null = null;
  try {
    const at = await inTransaction(ctx, async (tx) => {
      const row = await tx.db
        .selectFrom('users')
        .select('photo_key')
        .where('id', '=', input.actor.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      previous = row.photo_key;
      await tx.db
        .updateTable('users')
        .set({
          photo_key: stored.key,
          photo_type: stored.contentType,
          photo_updated_at: tx.now,
          updated_at: tx.now,
        })
        .where('id', '=', input.actor.id)
        .execute();
      await recordActivity(tx.db, {
        actorId: input.actor.id,
        verb: 'profile.photo_changed',
        objectType: 'user',
        objectId: input.actor.id,
        data: { contentType: stored.contentType, sizeBytes: stored.size },
        at: tx.now,
      });
      return tx.now;
    });
    if (previous) await ctx.storage.remove(previous);
    return at;
  } catch (error) {
    await ctx.storage.remove(stored.key);
    throw error;
  }
}

export async function removePhoto(ctx: AppContext, actor: Actor): Promise<void> {
  const previous = await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('users')
      .select('photo_key')
      .where('id', '=', actor.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!row.photo_key) return null;
    await tx.db
      .updateTable('users')
      .set({ photo_key: null, photo_type: null, photo_updated_at: null, updated_at: tx.now })
      .where('id', '=', actor.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'profile.photo_removed',
      objectType: 'user',
      objectId: actor.id,
      at: tx.now,
    });
    return row.photo_key;
  });
  if (previous) await ctx.storage.remove(previous);
}
