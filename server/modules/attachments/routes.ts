import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound, ValidationError } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { contentDisposition } from '../../platform/storage/sniff.ts';
import { canReadIdea } from '../ideas/commands/access.ts';
import { loadPost } from '../stream/access.ts';
import { presentAttachment } from '../stream/presenters.ts';
import { writeLimits } from '../stream/rate-limits.ts';
import { uploadAttachment } from './commands.ts';

export function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.uploadAttachment, async ({ actor, req }) => {
    await enforce(ctx.limiter, [[writeLimits.uploadPerAccount, actor.id]]);
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file) {
      throw new ValidationError([
        { field: 'file', reason: 'required', message: 'Send the file as multipart/form-data, field "file".' },
      ]);
    }
    const row = await uploadAttachment(ctx, {
      actor,
      fileName: file.filename,
      stream: file.file,
      truncated: () => file.file.truncated,
    });
    return presentAttachment(row);
  });

  route(app, ctx, api.attachmentContent, async ({ actor, params, reply }) => {
    const row = await ctx.db
      .selectFrom('attachments')
      .selectAll()
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (!row) throw notFound('File');
    // Before it is attached, only its uploader; after, whoever may read the post or the idea.
    const allowed = row.post_id
      ? (await loadPost(ctx.db, actor, row.post_id))?.readable === true
      : row.idea_id
        ? await canReadIdea(ctx.db, actor, row.idea_id)
        : row.uploader_id === actor.id;
    if (!allowed) throw notFound('File');
    reply
      .header(
        'content-type',
        row.content_type.startsWith('text/') ? `${row.content_type}; charset=utf-8` : row.content_type,
      )
      .header('content-length', String(row.size_bytes))
      .header(
        'content-disposition',
        contentDisposition(row.is_image ? 'inline' : 'attachment', row.file_name),
      )
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      // Access can end (leaving a space, signing out): a copy kept by the browser would outlive it.
      .header('cache-control', 'no-store');
    await reply.send(ctx.storage.read(row.storage_key));
  });
}
