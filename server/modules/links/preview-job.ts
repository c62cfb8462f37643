// The 'link.preview' job: fetch a posted link through the outbound guard and keep its
// title, description, image and site name. A failure is recorded and not retried (a page
// that refuses us now will likely refuse again); posts carrying the link refresh live.
import type { AppContext } from '../../context.ts';
import { OutboundRefused, outboundFetch } from '../../platform/outbound/fetch.ts';
import { LINK_PREVIEW_JOB } from '../stream/references.ts';
import { parsePreview } from './parse.ts';

export { LINK_PREVIEW_JOB };

export function previewLink(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const url = String(payload.url);
    const now = () => ctx.clock.now();
    try {
      const res = await outboundFetch(url, {
        allowHosts: ctx.config.OUTBOUND_ALLOW_HOSTS,
        accept: ['text/html', 'application/xhtml+xml'],
        maxBytes: 512 * 1024,
        timeoutMs: 5000,
      });
      if (res.status >= 400) throw new OutboundRefused(`The page answered ${res.status}.`);
      const preview = parsePreview(res.body.toString('utf8'), res.url);
      await ctx.db
        .updateTable('link_previews')
        .set({
          status: 'ready',
          title: preview.title,
          description: preview.description,
          image_url: preview.imageUrl,
          site_name: preview.siteName,
          error: null,
          fetched_at: now(),
        })
        .where('url', '=', url)
        .execute();
    } catch (error) {
      const message =
        error instanceof OutboundRefused ? error.message : `Fetch failed: ${(error as Error).message}`;
      await ctx.db
        .updateTable('link_previews')
        .set({ status: 'failed', error: message.slice(0, 500), fetched_at: now() })
        .where('url', '=', url)
        .execute();
    }
    const posts = await ctx.db
      .selectFrom('posts')
      .select(['id', 'space_id', 'author_id'])
      .where('link_url', '=', url)
      .where('deleted_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    for (const p of posts) {
      await ctx.bus.publish({
        type: 'post.updated',
        postId: p.id,
        spaceId: p.space_id,
        authorId: p.author_id,
      });
    }
  };
}
