// The feed poller: a recurring job (every minute) polls each enabled feed channel whose
// interval has passed since its last poll. Each new entry goes through ingestInbound (kind
// 'feed'; the entry's guid or id is its external id, so an entry seen before changes
// nothing) and a new conversation gets the channel's tag. A feed that fails keeps its error
// in last_error, shown to administrators, and the other feeds are polled all the same.
import { sql } from 'kysely';
import type { AppContext } from '../../../../context.ts';
import type { CareChannelRow } from '../../../../db/schema-care.ts';
import type { JobHandler } from '../../../../platform/jobs/queue.ts';
import { everyMinutes, type RecurringTask } from '../../../../platform/jobs/schedule.ts';
import { ingestInbound } from '../../ingest.ts';
import { FeedSettings } from './driver.ts';
import { fetchFeed, type Validators } from './fetch.ts';
import type { FeedEntry } from './parse.ts';

export const FEED_POLL_JOB = 'care.feeds.poll';

export function feedPollTask(): RecurringTask {
  return { name: 'care.feeds', job: FEED_POLL_JOB, nextAfter: everyMinutes(1) };
}

export function pollFeedsJob(ctx: AppContext): JobHandler {
  return async () => {
    await pollDueFeeds(ctx);
  };
}

export interface FeedPollOutcome {
  channelId: string;
  received: number;
  duplicates: number;
  notModified: boolean;
  error: string | null;
}

/** Polls every due feed, one after the other; one feed's failure never stops the others. */
export async function pollDueFeeds(ctx: AppContext): Promise<FeedPollOutcome[]> {
  const now = ctx.clock.now();
  const channels = await ctx.db
    .selectFrom('care_channels')
    .selectAll()
    .where('kind', '=', 'feed')
    .where('enabled', '=', true)
    .orderBy('polled_at', (ob) => ob.asc().nullsFirst())
    .execute();
  const outcomes: FeedPollOutcome[] = [];
  for (const channel of channels) {
    const settings = FeedSettings.safeParse(channel.settings);
    const interval = settings.success ? settings.data.intervalMinutes : 60;
    if (channel.polled_at && channel.polled_at.getTime() + interval * 60_000 > now.getTime()) continue;
    // Claim the poll: with several workers, only the one that moves polled_at polls.
    const claimed = await ctx.db
      .updateTable('care_channels')
      .set({ polled_at: now })
      .where('id', '=', channel.id)
      .where((eb) =>
        channel.polled_at ? eb('polled_at', '=', channel.polled_at) : eb('polled_at', 'is', null),
      )
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    outcomes.push(await pollFeed(ctx, channel));
  }
  return outcomes;
}

async function pollFeed(ctx: AppContext, channel: CareChannelRow): Promise<FeedPollOutcome> {
  const outcome: FeedPollOutcome = {
    channelId: channel.id,
    received: 0,
    duplicates: 0,
    notModified: false,
    error: null,
  };
  try {
    const settings = FeedSettings.safeParse(channel.settings);
    if (!settings.success) throw new Error('The feed settings are incomplete (url, intervalMinutes).');
    const state = channel.poll_state as Validators;
    const fetched = await fetchFeed(ctx, settings.data.url, {
      etag: typeof state.etag === 'string' ? state.etag : undefined,
      lastModified: typeof state.lastModified === 'string' ? state.lastModified : undefined,
    });
    if (fetched.notModified) outcome.notModified = true;
    else {
      const host = new URL(settings.data.url).host;
      // Entries seen on an earlier poll are skipped in one query (ingestInbound would also
      // recognise them, one transaction each).
      const ids = fetched.feed.entries.map((e) => e.id);
      const known = new Set(
        ids.length === 0
          ? []
          : (
              await ctx.db
                .selectFrom('care_messages')
                .select('external_id')
                .where('channel_id', '=', channel.id)
                .where('external_id', 'in', ids)
                .execute()
            ).map((r) => r.external_id),
      );
      // Oldest first, so conversations open in the order the feed published them.
      for (const entry of [...fetched.feed.entries].reverse()) {
        if (known.has(entry.id)) {
          outcome.duplicates++;
          continue;
        }
        const result = await ingestEntry(
          ctx,
          channel,
          host,
          fetched.feed.title,
          entry,
          settings.data.tag ?? null,
        );
        if (result === 'duplicate') outcome.duplicates++;
        else outcome.received++;
      }
    }
    await ctx.db
      .updateTable('care_channels')
      .set({
        last_error: null,
        ...(fetched.notModified ? {} : { poll_state: JSON.stringify(fetched.validators) }),
      })
      .where('id', '=', channel.id)
      .execute();
  } catch (error) {
    outcome.error = (error as Error).message.slice(0, 500) || 'The feed could not be read.';
    await ctx.db
      .updateTable('care_channels')
      .set({ last_error: outcome.error })
      .where('id', '=', channel.id)
      .execute();
    ctx.logger.warn({ channel: channel.id, error: outcome.error }, 'care feed poll failed');
  }
  return outcome;
}

async function ingestEntry(
  ctx: AppContext,
  channel: CareChannelRow,
  host: string,
  feedTitle: string,
  entry: FeedEntry,
  tag: string | null,
): Promise<'new' | 'duplicate'> {
  const who = entry.author || feedTitle || host;
  const body = [entry.body || entry.title, entry.link].filter(Boolean).join('\n\n');
  const result = await ingestInbound(ctx, {
    channelId: channel.id,
    externalId: entry.id,
    customer: { kind: 'feed', value: `${host}:${who}`.slice(0, 300), displayName: who },
    subject: entry.title || null,
    body: body || '—',
    metadata: { feed: feedTitle, link: entry.link, published: entry.published },
  });
  if (result.duplicate) return 'duplicate';
  if (result.opened && tag) {
    await ctx.db
      .updateTable('care_conversations')
      .set({
        tags: sql<string[]>`CASE WHEN ${tag} = ANY(tags) THEN tags ELSE array_append(tags, ${tag}::text) END`,
      })
      .where('id', '=', result.conversationId)
      .execute();
  }
  return 'new';
}
