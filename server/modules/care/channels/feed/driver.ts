// The review and mention feed channel: an RSS or Atom URL polled in the background (poll.ts).
// Agents answer where the customer wrote (the review site), so nothing is delivered back.
import { z } from 'zod';
import { TAG_PATTERN } from '../../../../../common/rich-text.ts';
import type { AppContext } from '../../../../context.ts';
import type { CareChannelRow } from '../../../../db/schema-care.ts';
import type { ChannelDriver, TestResult } from '../driver.ts';
import { fetchFeed } from './fetch.ts';
import { FeedInvalid } from './parse.ts';

export const FeedSettings = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  intervalMinutes: z.number().int().min(5).max(1440),
  /** Put on every conversation the feed opens (a product, a site). */
  tag: z
    .union([
      z.literal('').transform(() => null),
      z
        .string()
        .trim()
        .transform((t) => t.replace(/^#/, '').toLowerCase())
        .pipe(z.string().regex(TAG_PATTERN, 'Tags are letters, digits, _ and -.')),
    ])
    .nullish(),
});
export type FeedSettings = z.infer<typeof FeedSettings>;

async function test(ctx: AppContext, channel: CareChannelRow): Promise<TestResult> {
  const settings = FeedSettings.safeParse(channel.settings);
  if (!settings.success)
    return {
      ok: false,
      code: 'feed_settings',
      message: 'The feed settings are incomplete (url, intervalMinutes).',
    };
  try {
    const fetched = await fetchFeed(ctx, settings.data.url);
    const count = fetched.notModified ? 0 : fetched.feed.entries.length;
    return { ok: true, code: 'feed_ok', message: `The feed answered with ${count} entries.` };
  } catch (error) {
    return {
      ok: false,
      code: error instanceof FeedInvalid ? 'feed_invalid' : 'feed_unreachable',
      message: (error as Error).message,
    };
  }
}

export const feedDriver: ChannelDriver<typeof FeedSettings> = {
  kind: 'feed',
  settings: FeedSettings,
  deliver: async () => ({ status: 'not_applicable' }),
  test,
};
