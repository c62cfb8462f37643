// Reads of customer-care insight: open alerts, a conversation's escalations, where an agent may
// ask, tag counts per week, and the care figures — all computed from the care tables, through
// the indexes of migration 2026-12-03-05 (inbound messages by time, conversations by creation).
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { weekOf } from '../../../platform/sql-weeks.ts';
import { readablePosts, readableSpaceIds, type Viewer } from '../../spaces/visibility.ts';
import { PRODUCT_TAG } from './commands.ts';
import { CONVERSATION_MEASURES, MESSAGE_MEASURES } from './figures.ts';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export interface Period {
  from: string;
  to: string;
  /** [start, end): midnight UTC of `from`, midnight UTC after `to`. */
  start: Date;
  end: Date;
}

/** The period asked for, or the 30 days up to today (UTC). */
export function resolvePeriod(now: Date, from?: string, to?: string): Period {
  const last = to ?? isoDay(now);
  const first = from ?? isoDay(new Date(Date.parse(last) - 29 * DAY));
  return { from: first, to: last, start: new Date(first), end: new Date(Date.parse(last) + DAY) };
}

export async function listOpenAlerts(db: Db) {
  return db
    .selectFrom('care_alerts as a')
    .leftJoin('care_channels as ch', 'ch.id', 'a.channel_id')
    .selectAll('a')
    .select('ch.name as channel_name')
    .where('a.acknowledged_at', 'is', null)
    .orderBy('a.created_at', 'desc')
    .limit(50)
    .execute();
}

export async function findAlert(db: Db, id: string) {
  return db
    .selectFrom('care_alerts as a')
    .leftJoin('care_channels as ch', 'ch.id', 'a.channel_id')
    .selectAll('a')
    .select('ch.name as channel_name')
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AlertRow = NonNullable<Awaited<ReturnType<typeof findAlert>>>;

/** A message's sentiment and whether an agent set it by hand. */
export async function messageSentiment(db: Db, id: string) {
  return db
    .selectFrom('care_messages')
    .select(['sentiment', 'sentiment_edited_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A conversation's escalations; the question and its answer only where the reader may read them. */
export async function listEscalations(db: Db, viewer: Viewer, conversationId: string) {
  const rows = await db
    .selectFrom('care_escalations as e')
    .leftJoin('spaces as s', 's.id', 'e.space_id')
    .leftJoin('users as expert', 'expert.id', 'e.expert_id')
    .leftJoin('users as asker', 'asker.id', 'e.requested_by')
    .leftJoin('comments as answer', 'answer.id', 'e.answer_comment_id')
    .leftJoin('users as answerer', 'answerer.id', 'answer.author_id')
    .selectAll('e')
    .select([
      's.name as space_name',
      's.slug as space_slug',
      'expert.name as expert_name',
      'asker.name as asker_name',
      'answerer.id as answerer_id',
      'answerer.name as answerer_name',
    ])
    .where('e.conversation_id', '=', conversationId)
    .orderBy('e.created_at', 'desc')
    .execute();
  // Which questions the viewer may read, in one query, by the stream's own rule in SQL.
  const postIds = rows.flatMap((r) => (r.post_id ? [r.post_id] : []));
  const readable =
    postIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .selectFrom('posts')
              .select('posts.id')
              .where('posts.id', 'in', postIds)
              .where((eb) => readablePosts(eb as never, viewer))
              .execute()
          ).map((p) => p.id),
        );
  return rows.map((row) => ({ ...row, readable: row.post_id !== null && readable.has(row.post_id) }));
}
export type EscalationRow = Awaited<ReturnType<typeof listEscalations>>[number];

export async function escalationTargets(db: Db, viewer: Viewer, q: string) {
  const spaces = await db
    .selectFrom('spaces')
    .innerJoin('space_members as sm', 'sm.space_id', 'spaces.id')
    .select(['spaces.id', 'spaces.name'])
    .where('sm.user_id', '=', viewer.id)
    .where('spaces.archived_at', 'is', null)
    .orderBy('spaces.name')
    .limit(200)
    .execute();
  const experts =
    q === ''
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'name', 'job_title'])
          .where('status', '=', 'active')
          .where('role', '!=', 'guest')
          .where('id', '!=', viewer.id)
          .where('name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
          .orderBy('name')
          .limit(10)
          .execute();
  return { spaces, experts };
}

/** Conversations opened per ISO week (Monday, UTC) and tag: the product tag first, then the busiest 20. */
export async function tagCounts(db: Db, period: Period) {
  const result = await sql<{ week: string; tag: string; n: number }>`
    SELECT ${weekOf('c.created_at')} AS week,
      t.tag, count(*)::int AS n
    FROM care_conversations c CROSS JOIN LATERAL unnest(c.tags) AS t(tag)
    WHERE c.created_at >= ${period.start} AND c.created_at < ${period.end}
    GROUP BY 1, 2`.execute(db);
  const weeks: string[] = [];
  const first = new Date(period.start);
  first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  for (let w = first; w < period.end; w = new Date(w.getTime() + 7 * DAY)) weeks.push(isoDay(w));
  const byTag = new Map<string, number[]>();
  for (const row of result.rows) {
    const counts = byTag.get(row.tag) ?? weeks.map(() => 0);
    const i = weeks.indexOf(row.week);
    if (i >= 0) counts[i] = Number(row.n);
    byTag.set(row.tag, counts);
  }
  const series = [...byTag]
    .map(([tag, counts]) => ({ tag, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => Number(b.tag === PRODUCT_TAG) - Number(a.tag === PRODUCT_TAG) || b.total - a.total)
    .slice(0, 20);
  return { from: period.from, to: period.to, weeks, series };
}

interface FigureRow {
  by: 'all' | 'channel' | 'team';
  channel_id: string | null;
  team_id: string | null;
  conversations: number;
  resolved: number;
  frt: number | null;
  rt: number | null;
  frb: number;
  rb: number;
}
interface MessageRow {
  by: 'all' | 'channel' | 'team';
  channel_id: string | null;
  team_id: string | null;
  inbound: number;
  scored: number;
  avg: number | null;
  negative: number;
}

export async function careSummary(db: Db, period: Period, filters: { channel?: string; team?: string }) {
  const where = (alias: string): RawBuilder<unknown> =>
    sql.join(
      [
        sql`TRUE`,
        ...(filters.channel ? [sql`${sql.ref(`${alias}.channel_id`)} = ${filters.channel}`] : []),
        ...(filters.team ? [sql`c.team_id = ${filters.team}`] : []),
      ],
      sql` AND `,
    );
  const grouping = sql`CASE WHEN GROUPING(c.channel_id) = 0 THEN 'channel' WHEN GROUPING(c.team_id) = 0 THEN 'team' ELSE 'all' END`;
  // Medians need every value of their group: grouping sets compute the whole, per channel and
  // per team in one pass.
  const conversations = await sql<FigureRow>`
    SELECT ${grouping} AS by, c.channel_id, c.team_id,
      ${CONVERSATION_MEASURES}
    FROM care_conversations c
    WHERE c.created_at >= ${period.start} AND c.created_at < ${period.end} AND ${where('c')}
    GROUP BY GROUPING SETS ((), (c.channel_id), (c.team_id))`.execute(db);
  const messages = await sql<MessageRow>`
    SELECT ${grouping} AS by, c.channel_id, c.team_id,
      ${MESSAGE_MEASURES}
    FROM care_messages m JOIN care_conversations c ON c.id = m.conversation_id
    WHERE m.kind = 'inbound' AND m.created_at >= ${period.start} AND m.created_at < ${period.end}
      AND ${where('m')}
    GROUP BY GROUPING SETS ((), (c.channel_id), (c.team_id))`.execute(db);
  const trend = await sql<{ week: string; channel_id: string; average: number; messages: number }>`
    SELECT ${weekOf('m.created_at')} AS week,
      m.channel_id, avg(m.sentiment) AS average, count(*)::int AS messages
    FROM care_messages m JOIN care_conversations c ON c.id = m.conversation_id
    WHERE m.kind = 'inbound' AND m.sentiment IS NOT NULL
      AND m.created_at >= ${period.start} AND m.created_at < ${period.end} AND ${where('m')}
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  const channels = await db
    .selectFrom('care_channels')
    .select(['id', 'name', 'kind'])
    .orderBy('name')
    .execute();
  const teams = await db.selectFrom('care_teams').select(['id', 'name']).orderBy('name').execute();
  return { conversations: conversations.rows, messages: messages.rows, trend: trend.rows, channels, teams };
}
export type SummaryRows = Awaited<ReturnType<typeof careSummary>>;

/** A conversation's insight: its tags and sentiment, and its latest customer message. */
export async function conversationInsight(db: Db, viewer: Viewer, conversationId: string) {
  const conversation = await db
    .selectFrom('care_conversations')
    .select(['id', 'subject', 'sentiment', 'tags'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return null;
  const latest = await db
    .selectFrom('care_messages')
    .select(['id', 'body', 'sentiment', 'sentiment_edited_by'])
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', 'inbound')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { conversation, latest: latest ?? null, ideas: await conversationIdeas(db, viewer, conversationId) };
}

/** Ideas made from a conversation, in campaigns of spaces the viewer may read. */
export async function conversationIdeas(db: Db, viewer: Viewer, conversationId: string) {
  return db
    .selectFrom('care_conversation_ideas as ci')
    .innerJoin('ideas as i', 'i.id', 'ci.idea_id')
    .innerJoin('idea_campaigns as c', 'c.id', 'i.campaign_id')
    .select([
      'i.id',
      'i.title',
      'i.status',
      'c.id as campaign_id',
      'c.title as campaign_title',
      'ci.created_at',
    ])
    .where('ci.conversation_id', '=', conversationId)
    .where((eb) => eb('c.space_id', 'in', readableSpaceIds(eb as never, viewer)))
    .orderBy('ci.created_at')
    .execute();
}
