// Fetching a feed through the outbound guard: bounded in size and time, conditional when the
// last answer gave an ETag or a Last-Modified date.
import type { AppContext } from '../../../../context.ts';
import { OutboundRefused, outboundFetch } from '../../../../platform/outbound/fetch.ts';
import { FeedInvalid, type ParsedFeed, parseFeed } from './parse.ts';

export const FEED_MAX_BYTES = 2 * 1024 * 1024;
const FEED_TIMEOUT_MS = 10_000;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FeedFetch =
  | { notModified: true }
  | { notModified: false; feed: ParsedFeed; validators: Validators };

const header = (value: string | string[] | undefined) =>
  typeof value === 'string' && value.length > 0 && value.length <= 500 ? value : undefined;

/** Fetches and parses the feed; throws OutboundRefused or FeedInvalid with a message for administrators. */
export async function fetchFeed(
  ctx: AppContext,
  url: string,
  validators: Validators = {},
): Promise<FeedFetch> {
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let res: Awaited<ReturnType<typeof outboundFetch>>;
  try {
    res = await outboundFetch(url, {
      allowHosts: ctx.config.OUTBOUND_ALLOW_HOSTS,
      headers,
      userAgent: 'TrameFeedReader/1.0',
      maxBytes: FEED_MAX_BYTES,
      timeoutMs: FEED_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof OutboundRefused) throw error;
    throw new OutboundRefused(`The feed could not be fetched: ${(error as Error).message}`);
  }
  if (res.status === 304) return { notModified: true };
  if (res.status < 200 || res.status >= 300) throw new OutboundRefused(`The feed answered ${res.status}.`);
  if (res.truncated) throw new FeedInvalid(`The feed is larger than ${FEED_MAX_BYTES / 1024 / 1024} MB.`);
  const feed = parseFeed(res.body.toString('utf8'));
  return {
    notModified: false,
    feed,
    validators: { etag: header(res.headers.etag), lastModified: header(res.headers['last-modified']) },
  };
}
