// Clicks on ambassadors' tracked links, rolled up per UTC day (migration 2026-12-03-46): the
// ambassadors dashboard read every raw click of two periods three times a load (1.8 s at 2
// million clicks); it now reads a few rows per day instead.
//
// - The redirect is untouched: it inserts one click row and nothing else (its p99 budget is
//   5 ms); the refresh job rolls the clicks up, as it does the activity log.
// - Only closed days are rolled, each once, in order: a day is closed once the next one has
//   begun plus CLICK_GRACE_MS (a click is dated by its request's clock, and its insert commits
//   moments later), so no click lands in a rolled day afterwards.
// - The dashboard stays exact whatever the job's lag: it reads the roll-ups for the days
//   before `rolledUntil` and the raw clicks from it on (their time index), in one statement,
//   so a refresh committing meanwhile is seen entirely or not at all.
// - A kit's deletion cascades to its rolled clicks, as to its links and raw clicks.
// - How far they are rolled is `clicks_until` on the roll-ups' state row (the end of the last
//   rolled day; NULL: nothing rolled): a missing state row empties every roll-up and comes
//   back with NULL, so the click roll-ups and their position always reset together.

import { sql } from 'kysely';
import type { Trx } from './apply.ts';

/** How long after midnight UTC a day's clicks may still be committing. */
export const CLICK_GRACE_MS = 5 * 60_000;
export const CLICK_TABLES = ['analytics_click_days', 'analytics_click_person_days'] as const;

/**
 * The end of the last rolled day (a midnight UTC), as a timestamptz expression: the raw
 * clicks are read from it on, the roll-ups before it; -infinity when nothing is rolled.
 */
export const rolledUntil = sql`(SELECT coalesce(max(s.clicks_until), '-infinity'::timestamptz)
  FROM analytics_state s WHERE s.name = 'rollups')`;

/** Nothing rolled any more (the caller empties CLICK_TABLES in the same transaction). */
export async function resetClicks(db: Trx): Promise<void> {
  await sql`UPDATE analytics_state SET clicks_until = NULL WHERE name = 'rollups'`.execute(db);
}

const DAY_MS = 86_400_000;

/**
 * Rolls up the clicks of the closed days not rolled yet, in one statement over the raw
 * clicks' time index (the first run rolls every past day); returns the clicks rolled.
 */
export async function rollClicks(db: Trx, now: Date): Promise<number> {
  const state = await sql<{ at: Date | string | null }>`
    SELECT clicks_until AS at FROM analytics_state WHERE name = 'rollups' FOR UPDATE`.execute(db);
  // No state row: the next refresh creates it and empties the roll-ups (lockState).
  if (state.rows.length === 0) return 0;
  const raw = state.rows[0]!.at;
  const from = raw === null ? null : new Date(raw);
  if (from === null) for (const table of CLICK_TABLES) await sql`DELETE FROM ${sql.table(table)}`.execute(db);
  const closing = now.getTime() - CLICK_GRACE_MS;
  const until = new Date(closing - (((closing % DAY_MS) + DAY_MS) % DAY_MS));
  if (from !== null && until.getTime() <= from.getTime()) return 0;
  const rolled = await sql<{ n: number }>`
    WITH c AS (
      SELECT (k.at AT TIME ZONE 'UTC')::date AS day, l.user_id, l.kit_id, l.network, count(*)::int AS n
      FROM ambassador_clicks k JOIN ambassador_links l ON l.code = k.code
      WHERE k.at >= ${from ?? '-infinity'}::timestamptz AND k.at < ${until}
      GROUP BY 1, 2, 3, 4
    ), p AS (
      INSERT INTO analytics_click_person_days (day, user_id, kit_id, network, n)
      SELECT c.day, c.user_id, c.kit_id, c.network, c.n FROM c ORDER BY c.user_id, c.day, c.kit_id, c.network
    ), d AS (
      INSERT INTO analytics_click_days (day, kit_id, network, n)
      SELECT c.day, c.kit_id, c.network, sum(c.n)::int FROM c GROUP BY 1, 2, 3
    )
    SELECT coalesce(sum(c.n), 0)::int AS n FROM c`.execute(db);
  await sql`UPDATE analytics_state SET clicks_until = ${until} WHERE name = 'rollups'`.execute(db);
  return Number(rolled.rows[0]?.n ?? 0);
}
