// An image sent by a person (a profile photo, a share kit's picture): streamed into storage
// under a size limit, then kept only if its first bytes are an image every browser shows
// (PNG, JPEG, GIF, WebP — never SVG), whatever its name or claimed type. Served back inline,
// never sniffed, in a sandbox.
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../errors.ts';
import { type Stored, TooLarge } from './local.ts';
import { sniff } from './sniff.ts';

export async function storeImage(
  ctx: AppContext,
  input: { stream: NodeJS.ReadableStream; truncated: () => boolean; maxBytes: number; what: string },
): Promise<Stored & { contentType: string }> {
  const tooLarge = () =>
    new AppError(
      413,
      'payload_too_large',
      `${input.what} may be at most ${input.maxBytes / 1024 / 1024} MB.`,
    );
  let stored: Stored;
  try {
    stored = await ctx.storage.save(input.stream, input.maxBytes);
  } catch (error) {
    // Our storage's limit, or the multipart parser's (set to the same size by the route).
    if (error instanceof TooLarge || (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge();
    }
    throw error;
  }
  if (input.truncated()) {
    await ctx.storage.remove(stored.key);
    throw tooLarge();
  }
  const kind = sniff(stored.head, '');
  if (!kind.isImage) {
    await ctx.storage.remove(stored.key);
    throw new AppError(
      415,
      'unsupported_media_type',
      `${input.what} must be a PNG, JPEG, GIF or WebP image.`,
    );
  }
  return { ...stored, contentType: kind.contentType };
}

/** Sends a stored image inline; its address changes with it, so the browser may keep it `maxAge` seconds. */
export async function sendImage(
  ctx: AppContext,
  reply: FastifyReply,
  image: { key: string; type: string; maxAge: number },
): Promise<void> {
  reply
    .header('content-type', image.type)
    .header('content-disposition', 'inline')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', `private, max-age=${image.maxAge}`);
  await reply.send(ctx.storage.read(image.key));
}
