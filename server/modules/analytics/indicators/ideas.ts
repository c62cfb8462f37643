// Ideas: what the crowd proposes to the campaigns, how far it goes (by status, shipped,
// conversion), how long a decision takes, the votes, and who contributes — people of the
// company or guests of external spaces. The definitions are those of the campaign report
// (server/modules/ideas/report.ts: merged duplicates left out, conversion = shipped ÷
// submitted, hours from submission to `decided_at`), over a period and the organisation's
// campaigns. Place filters apply through the campaign's space, people filters to the author
// (the voter for votes). Read from the ideas tables through the indexes of migration
// 2026-12-03-43-analytics-domains.
import { sql } from 'kysely';
import { IDEA_STATUSES } from '../../../../common/schemas/ideas.ts';
import { weekOf } from '../../../platform/sql-weeks.ts';
import type { ResolvedFilters } from '../filters.ts';
import {
  type Built,
  type DashboardModule,
  type Db,
  figure,
  inList,
  num,
  numOrNull,
  peopleOnly,
  percent,
  round,
  rows,
  type Sql,
} from './common.ts';
import { bucket, byBucket, inBothPeriods, inPeriod, weeklyChart } from './domains.ts';

export const ideasFigures = [
  { key: 'ideas_submitted', unit: 'count' },
  { key: 'ideas_shipped', unit: 'count' },
  { key: 'idea_conversion', unit: 'percent' },
  { key: 'median_hours_to_decision', unit: 'hours' },
  { key: 'idea_votes', unit: 'count' },
  { key: 'idea_contributors', unit: 'count' },
  { key: 'guest_contributors', unit: 'count' },
] as const;

/** Spaces in the bar chart of ideas per space. */
export const TOP_IDEA_SPACES = 10;

/** Live ideas `i` (not merged into another) of campaigns `ca` in the chosen places. */
function liveIdeas(f: ResolvedFilters): Sql {
  const place = f.spaceIds === null ? sql`true` : inList(sql.ref('ca.space_id'), f.spaceIds);
  return sql`ideas i JOIN idea_campaigns ca ON ca.id = i.campaign_id AND ${place}`;
}

/** Ideas submitted in either period, by their author, as the filters choose them. */
const submitted = (f: ResolvedFilters, join: Sql = sql``) =>
  sql`${liveIdeas(f)} ${join} WHERE i.merged_into IS NULL AND ${inBothPeriods('i.created_at', f)}
    AND ${peopleOnly(f, sql.ref('i.author_id'))}`;

/** The first time each idea reached `shipped`, from its history of status changes. */
const firstShipped = sql`(SELECT sc.idea_id, min(sc.at) AS at FROM idea_status_changes sc
  WHERE sc.to_status = 'shipped' GROUP BY sc.idea_id)`;

interface Row {
  bucket: string;
  [k: string]: unknown;
}

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const author = peopleOnly(f, sql.ref('i.author_id'));
  const hours = sql`date_part('epoch', i.decided_at - i.created_at) / 3600`;
  const [statuses, people, shipped, decisions, votes, weeks, shippedWeeks, spaces] = await Promise.all([
    rows<Row & { status: string; n: unknown; shipped: unknown }>(
      db,
      sql`SELECT ${bucket('i.created_at', f)} AS bucket, i.status, count(*)::int AS n FROM ${submitted(f)} GROUP BY 1, 2`,
    ),
    rows<Row>(
      db,
      sql`SELECT ${bucket('i.created_at', f)} AS bucket, count(DISTINCT i.author_id)::int AS contributors,
          (count(DISTINCT i.author_id) FILTER (WHERE u.role = 'guest'))::int AS guests
        FROM ${submitted(f, sql`JOIN users u ON u.id = i.author_id`)} GROUP BY 1`,
    ),
    rows<Row>(
      db,
      sql`SELECT ${bucket('s.at', f)} AS bucket, count(*)::int AS n
        FROM ${firstShipped} s JOIN ${liveIdeas(f)} ON i.id = s.idea_id
        WHERE i.merged_into IS NULL AND ${inBothPeriods('s.at', f)} AND ${author} GROUP BY 1`,
    ),
    rows<Row>(
      db,
      sql`SELECT ${bucket('i.decided_at', f)} AS bucket,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours}) AS hours
        FROM ${liveIdeas(f)} WHERE i.merged_into IS NULL AND ${inBothPeriods('i.decided_at', f)} AND ${author}
        GROUP BY 1`,
    ),
    rows<Row>(
      db,
      sql`SELECT ${bucket('v.created_at', f)} AS bucket, count(*)::int AS n
        FROM idea_votes v JOIN ${liveIdeas(f)} ON i.id = v.idea_id
        WHERE i.merged_into IS NULL AND ${inBothPeriods('v.created_at', f)}
          AND ${peopleOnly(f, sql.ref('v.user_id'))} GROUP BY 1`,
    ),
    rows<{ week: string; n: unknown }>(
      db,
      sql`SELECT ${weekOf('i.created_at')} AS week, count(*)::int AS n FROM ${liveIdeas(f)}
        WHERE i.merged_into IS NULL AND ${inPeriod('i.created_at', f)} AND ${author} GROUP BY 1`,
    ),
    rows<{ week: string; n: unknown }>(
      db,
      sql`SELECT ${weekOf('s.at')} AS week, count(*)::int AS n
        FROM ${firstShipped} s JOIN ${liveIdeas(f)} ON i.id = s.idea_id
        WHERE i.merged_into IS NULL AND ${inPeriod('s.at', f)} AND ${author} GROUP BY 1`,
    ),
    rows<{ id: string; name: string; now: unknown; prev: unknown }>(
      db,
      sql`SELECT t.space_id::text AS id, sp.name, t.now, t.prev FROM (
          SELECT ca.space_id,
            (count(*) FILTER (WHERE ${inPeriod('i.created_at', f)}))::int AS now,
            (count(*) FILTER (WHERE NOT (${inPeriod('i.created_at', f)})))::int AS prev
          FROM ${submitted(f)} GROUP BY ca.space_id
        ) t JOIN spaces sp ON sp.id = t.space_id
        WHERE t.now > 0 ORDER BY t.now DESC, sp.name LIMIT ${TOP_IDEA_SPACES}`,
    ),
  ]);

  const statusCount = (b: string, status?: string) =>
    statuses
      .filter((r) => r.bucket === b && (!status || r.status === status))
      .reduce((s, r) => s + num(r.n), 0);
  const total = { now: statusCount('now'), prev: statusCount('prev') };
  const shippedNow = { now: statusCount('now', 'shipped'), prev: statusCount('prev', 'shipped') };
  const who = byBucket(people);
  const shippedIn = byBucket(shipped);
  const decided = byBucket(decisions);
  const voted = byBucket(votes);
  const internal = (r: Partial<Row>) => num(r.contributors) - num(r.guests);
  const shippedByWeek = new Map(shippedWeeks.map((r) => [r.week, num(r.n)]));
  const weekRows = [...new Set([...weeks.map((r) => r.week), ...shippedByWeek.keys()])].map((week) => ({
    week,
    submitted: num(weeks.find((r) => r.week === week)?.n),
    shipped: shippedByWeek.get(week) ?? 0,
  }));
  return {
    figures: [
      figure('ideas_submitted', 'count', total.now, total.prev),
      figure('ideas_shipped', 'count', num(shippedIn.now.n), num(shippedIn.prev.n)),
      figure(
        'idea_conversion',
        'percent',
        percent(shippedNow.now, total.now),
        percent(shippedNow.prev, total.prev),
      ),
      figure(
        'median_hours_to_decision',
        'hours',
        round(numOrNull(decided.now.hours), 1),
        round(numOrNull(decided.prev.hours), 1),
      ),
      figure('idea_votes', 'count', num(voted.now.n), num(voted.prev.n)),
      figure('idea_contributors', 'count', num(who.now.contributors), num(who.prev.contributors)),
      figure('guest_contributors', 'count', num(who.now.guests), num(who.prev.guests)),
    ],
    charts: [
      weeklyChart(f, 'ideas_by_week', 'count', weekRows, {
        ideas_submitted: (r) => r.submitted,
        ideas_shipped: (r) => r.shipped,
      }),
      {
        type: 'bar',
        key: 'ideas_by_status',
        unit: 'count',
        bars: IDEA_STATUSES.map((s) => ({
          id: null,
          label: `idea_status_${s}`,
          value: statusCount('now', s),
          previous: statusCount('prev', s),
          suppressed: false,
        })),
      },
      {
        type: 'bar',
        key: 'idea_contributors_by_kind',
        unit: 'count',
        bars: [
          {
            id: null,
            label: 'internal',
            value: internal(who.now),
            previous: internal(who.prev),
            suppressed: false,
          },
          {
            id: null,
            label: 'guests',
            value: num(who.now.guests),
            previous: num(who.prev.guests),
            suppressed: false,
          },
        ],
      },
      {
        type: 'bar',
        key: 'ideas_by_space',
        unit: 'count',
        bars: spaces.map((s) => ({
          id: s.id,
          label: s.name,
          value: num(s.now),
          previous: num(s.prev),
          suppressed: false,
        })),
      },
    ],
    notes: [],
  };
}

export const ideas: DashboardModule = { figures: [...ideasFigures], build };
