// Customer care: conversations opened, how fast they are answered and resolved, the SLA
// targets missed, and how customers feel — with the very measures /care/insight reports
// (care/insight/figures.ts), read from the care tables through their time indexes. Care
// belongs to no space and to no department of ours: only the period applies (note
// `care_period_only`); channels are charted side by side instead.
import { sql } from 'kysely';
import {
  CONVERSATION_COUNTS,
  CONVERSATION_MEASURES,
  FIRST_RESPONSE_MEDIAN,
  MESSAGE_MEASURES,
} from '../../care/insight/figures.ts';
import type { ResolvedFilters } from '../filters.ts';
import {
  type Built,
  type DashboardModule,
  type Db,
  figure,
  num,
  numOrNull,
  percent,
  round,
  rows,
} from './common.ts';
import {
  anyFilter,
  bucket,
  byBucket,
  inBothPeriods,
  inDays,
  inPeriod,
  weekly,
  weeklyChart,
} from './domains.ts';

export const careFigures = [
  { key: 'conversations_opened', unit: 'count' },
  { key: 'customer_messages', unit: 'count' },
  { key: 'median_first_response_minutes', unit: 'minutes' },
  { key: 'median_resolution_hours', unit: 'hours' },
  { key: 'first_response_breaches', unit: 'count' },
  { key: 'resolution_breaches', unit: 'count' },
  { key: 'mean_sentiment', unit: 'ratio' },
  { key: 'negative_share', unit: 'percent' },
] as const;

interface ConversationRow {
  bucket: string;
  conversations: unknown;
  resolved: unknown;
  frt: unknown;
  rt: unknown;
  frb: unknown;
  rb: unknown;
}
interface MessageRow {
  bucket: string;
  inbound: unknown;
  scored: unknown;
  avg: unknown;
  negative: unknown;
}

/**
 * Conversations opened per bucket (every measure: the period and the previous period each in
 * one plain aggregate, so no row is sorted but the medians' values), per bucket and channel
 * (the counts and the first-response median the bars show: one plain aggregate per channel
 * and period, read through the (channel, created_at) index, where grouping both periods'
 * 134,000 conversations by channel sorted them to disk at 50M events) and per week of the
 * period (the counts the weekly line shows): each grouping computes only the medians it shows.
 */
const conversations = (db: Db, f: ResolvedFilters, group: 'now' | 'prev' | 'channel' | 'week') =>
  rows<ConversationRow & { channel_id: string; name: string; week: string }>(
    db,
    group === 'week'
      ? weekly(
          f,
          'c.created_at',
          CONVERSATION_COUNTS,
          sql`FROM care_conversations c WHERE ${inPeriod('c.created_at', f)}`,
        )
      : group === 'channel'
        ? sql`SELECT x.*, ch.id AS channel_id, ch.name FROM care_channels ch
            CROSS JOIN LATERAL (${sql.join(
              (['now', 'prev'] as const).map(
                (b) => sql`SELECT ${sql.lit(b)} AS bucket, ${CONVERSATION_COUNTS}, ${FIRST_RESPONSE_MEDIAN}
                  FROM care_conversations c
                  WHERE c.channel_id = ch.id AND ${inDays('c.created_at', b === 'now' ? f.period : f.previous)}`,
              ),
              sql` UNION ALL `,
            )}) x
            WHERE x.conversations > 0`
        : sql`SELECT ${group}::text AS bucket, ${CONVERSATION_MEASURES}
            FROM care_conversations c WHERE ${inDays('c.created_at', group === 'now' ? f.period : f.previous)}`,
  );

const messages = (db: Db, f: ResolvedFilters, group: 'bucket' | 'week') =>
  rows<MessageRow & { week: string }>(
    db,
    group === 'week'
      ? weekly(
          f,
          'm.created_at',
          MESSAGE_MEASURES,
          sql`FROM care_messages m WHERE m.kind = 'inbound' AND ${inPeriod('m.created_at', f)}`,
        )
      : sql`SELECT ${bucket('m.created_at', f)} AS bucket, ${MESSAGE_MEASURES}
          FROM care_messages m WHERE m.kind = 'inbound' AND ${inBothPeriods('m.created_at', f)} GROUP BY 1`,
  );

const hours = (minutes: unknown) => {
  const m = numOrNull(minutes);
  return m === null ? null : round(m / 60, 1);
};
const sentiment = (r: Partial<MessageRow>) => round(numOrNull(r.avg), 2);
const negativeShare = (r: Partial<MessageRow>) => percent(num(r.negative), num(r.scored));

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const [now, prev, m, channels, cWeeks, mWeeks] = await Promise.all([
    conversations(db, f, 'now'),
    conversations(db, f, 'prev'),
    messages(db, f, 'bucket'),
    conversations(db, f, 'channel'),
    conversations(db, f, 'week'),
    messages(db, f, 'week'),
  ]);
  const conv = byBucket([...now, ...prev]);
  const msg = byBucket(m);
  const perChannel = new Map<string, { name: string; now?: ConversationRow; prev?: ConversationRow }>();
  for (const row of channels) {
    const entry = perChannel.get(row.channel_id) ?? { name: row.name };
    entry[row.bucket === 'now' ? 'now' : 'prev'] = row;
    perChannel.set(row.channel_id, entry);
  }
  const channelBars = (value: (r: ConversationRow | undefined) => number | null) =>
    [...perChannel]
      .map(([id, e]) => ({
        id,
        label: e.name,
        value: value(e.now),
        previous: value(e.prev),
        suppressed: false,
      }))
      .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const both = <T>(value: (r: Partial<T>) => number | null, pair: { now: Partial<T>; prev: Partial<T> }) =>
    [value(pair.now), value(pair.prev)] as const;
  return {
    figures: [
      figure('conversations_opened', 'count', ...both((r) => num(r.conversations), conv)),
      figure('customer_messages', 'count', ...both((r) => num(r.inbound), msg)),
      figure('median_first_response_minutes', 'minutes', ...both((r) => round(numOrNull(r.frt), 1), conv)),
      figure('median_resolution_hours', 'hours', ...both((r) => hours(r.rt), conv)),
      figure('first_response_breaches', 'count', ...both((r) => num(r.frb), conv)),
      figure('resolution_breaches', 'count', ...both((r) => num(r.rb), conv)),
      figure('mean_sentiment', 'ratio', ...both(sentiment, msg)),
      figure('negative_share', 'percent', ...both(negativeShare, msg)),
    ],
    charts: [
      weeklyChart(f, 'care_by_week', 'count', cWeeks, {
        conversations_opened: (r) => num(r.conversations),
        first_response_breaches: (r) => num(r.frb),
        resolution_breaches: (r) => num(r.rb),
      }),
      weeklyChart(f, 'sentiment_by_week', 'ratio', mWeeks, { mean_sentiment: sentiment }, null),
      {
        type: 'bar',
        key: 'conversations_by_channel',
        unit: 'count',
        bars: channelBars((r) => num(r?.conversations)),
      },
      {
        type: 'bar',
        key: 'first_response_by_channel',
        unit: 'minutes',
        bars: channelBars((r) => round(numOrNull(r?.frt), 1)),
      },
    ],
    notes: anyFilter(f) ? ['care_period_only'] : [],
  };
}

export const care: DashboardModule = { figures: [...careFigures], build };
