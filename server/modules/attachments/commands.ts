// Uploading a file to attach to a post or an idea being written. It belongs to its uploader
// until a post or an idea takes it; one never attached is removed after a day.
import type { AppContext } from '../../context.ts';
import { recordActivity } from '../../platform/activity.ts';
import { AppError, ValidationError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { newId } from '../../platform/ids.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import { TooLarge } from '../../platform/storage/local.ts';
import { cleanFileName, sniff } from '../../platform/storage/sniff.ts';
import { inTransaction, type Tx } from '../../platform/transaction.ts';

export const ORPHAN_CLEANUP_JOB = 'attachment.cleanup';
const ORPHAN_AFTER_MS = 24 * 3_600_000;

export async function uploadAttachment(
  ctx: AppContext,
  input: { actor: Actor; fileName: string; stream: NodeJS.ReadableStream; truncated: () => boolean },
) {
  const maxBytes = ctx.config.MAX_UPLOAD_MB * 1024 * 1024;
  const tooLarge = () =>
    new AppError(413, 'payload_too_large', `Files may be at most ${ctx.config.MAX_UPLOAD_MB} MB.`);
  let stored: Awaited<ReturnType<typeof ctx.storage.save>>;
  try {
    stored = await ctx.storage.save(input.stream, maxBytes);
  } catch (error) {
    if (error instanceof TooLarge) throw tooLarge();
    throw error;
  }
  // The multipart parser stops at its own limit without an error: check it too.
  if (input.truncated()) {
    await ctx.storage.remove(stored.key);
    throw tooLarge();
  }
  const fileName = cleanFileName(input.fileName);
  const kind = sniff(stored.head, fileName);
  try {
    return await inTransaction(ctx, async (tx) => {
      const id = newId();
      const row = {
        id,
        uploader_id: input.actor.id,
        post_id: null,
        file_name: fileName,
        content_type: kind.contentType,
        size_bytes: stored.size,
        sha256: stored.sha256,
        storage_key: stored.key,
        is_image: kind.isImage,
        created_at: tx.now,
      };
      await tx.db.insertInto('attachments').values(row).execute();
      await enqueue(tx, ORPHAN_CLEANUP_JOB, { id }, { runAt: new Date(tx.now.getTime() + ORPHAN_AFTER_MS) });
      await recordActivity(tx.db, {
        actorId: input.actor.id,
        verb: 'attachment.uploaded',
        objectType: 'attachment',
        objectId: id,
        data: { contentType: kind.contentType, sizeBytes: stored.size },
        at: tx.now,
      });
      return row;
    });
  } catch (error) {
    await ctx.storage.remove(stored.key);
    throw error;
  }
}

/** Uploads of the actor not yet taken by a post or an idea, locked and given to `owner`. */
export async function claimUploads(
  tx: Tx,
  actor: Actor,
  owner: { post_id: string } | { idea_id: string },
  attachmentIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(attachmentIds)];
  if (ids.length === 0) return;
  const rows = await tx.db
    .selectFrom('attachments')
    .select('id')
    .where('id', 'in', ids)
    .where('uploader_id', '=', actor.id)
    .where('post_id', 'is', null)
    .where('idea_id', 'is', null)
    .forUpdate()
    .execute();
  if (rows.length !== ids.length)
    throw new ValidationError([
      {
        field: 'attachmentIds',
        reason: 'invalid',
        message: 'Attach only files you uploaded and attached nowhere else.',
      },
    ]);
  await tx.db.updateTable('attachments').set(owner).where('id', 'in', ids).execute();
}

/** The job: an upload no post nor idea took within a day is deleted, row and file. */
export function cleanupOrphan(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const row = await ctx.db
      .deleteFrom('attachments')
      .where('id', '=', String(payload.id))
      .where('post_id', 'is', null)
      .where('idea_id', 'is', null)
      .returning('storage_key')
      .executeTakeFirst();
    if (row) await ctx.storage.remove(row.storage_key);
  };
}
