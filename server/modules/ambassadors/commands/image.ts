// A share kit's image: one picture in file storage, uploaded through the same machinery as a
// post's files and a profile photo (streamed to a temporary file under a size limit, its type
// read from its first bytes, never from its name), replaced whole. The old file is removed once
// the change is committed (storage_deletions), a new file that failed to commit is removed too, so storage holds
// exactly the images the kits name. Changing it is audited as a change of the kit.
import type { AppContext } from '../../../context.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { deleteFilesAfterCommit } from '../../../platform/storage/deletions.ts';
import { storeImage } from '../../../platform/storage/images.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';

export const KIT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

interface Change {
  actor: Actor;
  id: string;
  meta: RequestMeta;
}

/** Locks the kit and refuses an archived one: its image is part of what was published. */
async function lockKit(tx: Tx, id: string) {
  const kit = await tx.db
    .selectFrom('ambassador_kits')
    .select(['title', 'status', 'image_key'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!kit) throw notFound('Share kit');
  if (kit.status === 'archived') throw conflict('conflict', 'An archived kit cannot change.');
  return kit;
}

async function auditImage(tx: Tx, input: Change, title: string, before: boolean, after: boolean) {
  await audit(tx.db, {
    action: 'ambassador_kit.updated',
    actor: actorRef(input.actor),
    target: { type: 'ambassador_kit', id: input.id, label: title },
    before: { image: before },
    after: { image: after },
    meta: input.meta,
    at: tx.now,
  });
}

export async function setKitImage(
  ctx: AppContext,
  input: Change & { stream: NodeJS.ReadableStream; truncated: () => boolean },
): Promise<void> {
  const stored = await storeImage(ctx, { ...input, maxBytes: KIT_IMAGE_MAX_BYTES, what: 'A kit image' });
  try {
    await inTransaction(ctx, async (tx) => {
      const kit = await lockKit(tx, input.id);
      if (kit.image_key) await deleteFilesAfterCommit(tx, [kit.image_key]);
      await tx.db
        .updateTable('ambassador_kits')
        .set({
          image_key: stored.key,
          image_type: stored.contentType,
          image_updated_at: tx.now,
          updated_at: tx.now,
        })
        .where('id', '=', input.id)
        .execute();
      await auditImage(tx, input, kit.title, kit.image_key !== null, true);
    });
  } catch (error) {
    await ctx.storage.remove(stored.key);
    throw error;
  }
}

export async function removeKitImage(ctx: AppContext, input: Change): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const kit = await lockKit(tx, input.id);
    if (!kit.image_key) return;
    await deleteFilesAfterCommit(tx, [kit.image_key]);
    await tx.db
      .updateTable('ambassador_kits')
      .set({ image_key: null, image_type: null, image_updated_at: null, updated_at: tx.now })
      .where('id', '=', input.id)
      .execute();
    await auditImage(tx, input, kit.title, true, false);
  });
}
