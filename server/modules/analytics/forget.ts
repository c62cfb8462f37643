// Erasure (privacy/erase.ts) clears a person from the analytics, in the erasure's
// transaction: their events keep counting in the organisation's totals (a post is still a
// post) but no longer name them — no actor, and their search words emptied — and every
// roll-up kept per person loses their rows; distinct-people counts of the days they were
// active are counted again without them. Events that name them as the author of the content
// someone answered (target_id) are cleared by a job, which scans the log (no index on it).
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { JobHandler } from '../../platform/jobs/queue.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import type { Tx } from '../../platform/transaction.ts';
import type { Trx } from './rollups/apply.ts';
import { countGroupActive, forgetGroups } from './rollups/groups.ts';

export const ANALYTICS_FORGET_TARGET_JOB = 'analytics.forget_target';

export async function forgetPerson(tx: Tx, userId: string): Promise<void> {
  const db = tx.db;
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  const days = sql`(SELECT d.day FROM analytics_person_days d WHERE d.user_id = ${userId})`;
  // Their words leave the terms table (what they searched stays counted, without words).
  await run(sql`
    UPDATE analytics_search_terms t SET searches = t.searches - s.searches, empty = t.empty - s.empty
    FROM (SELECT s.day, s.terms, sum(s.searches)::int AS searches, sum(s.empty)::int AS empty
      FROM analytics_search_days s WHERE s.user_id = ${userId} GROUP BY 1, 2) s
    WHERE t.day = s.day AND t.terms = s.terms`);
  await run(sql`DELETE FROM analytics_search_terms WHERE searches <= 0 AND day IN ${days}`);
  // Their events leave the totals of their department, site and cohorts (found by actor, now).
  await forgetGroups(db, userId);
  // What to count again once their rows are gone.
  const spaceDays = await sql<{ day: string; space_id: string }>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, space_id::text AS space_id FROM analytics_space_person_days
    WHERE user_id = ${userId}`.execute(db);
  await run(sql`CREATE TEMPORARY TABLE analytics_forget_days ON COMMIT DROP AS
    SELECT DISTINCT day FROM analytics_person_days WHERE user_id = ${userId}`);
  await run(sql`CREATE TEMPORARY TABLE analytics_forget_places ON COMMIT DROP AS
    SELECT DISTINCT place, day FROM analytics_place_person_days WHERE user_id = ${userId}`);
  for (const table of [
    'analytics_person_days',
    'analytics_space_person_days',
    'analytics_place_person_days',
    'analytics_actors',
    'analytics_search_days',
    'analytics_people',
    'analytics_person_months',
    'analytics_person_weeks',
    'analytics_share_person_days',
    'analytics_sharers',
  ])
    await run(sql`DELETE FROM ${sql.table(table)} WHERE user_id = ${userId}`);
  await run(sql`UPDATE analytics_questions SET asker_id = NULL WHERE asker_id = ${userId}`);
  await run(sql`
    UPDATE activity_events SET data = jsonb_set(data, '{terms}', '""'::jsonb)
    WHERE actor_id = ${userId} AND verb = 'search.performed' AND data ? 'terms'`);
  await run(sql`UPDATE activity_events SET actor_id = NULL WHERE actor_id = ${userId}`);
  await recount(db, spaceDays.rows);
  await enqueue(tx, ANALYTICS_FORGET_TARGET_JOB, { userId });
}

/** Distinct people of the days, space-days and type-days a forgotten person was active in. */
async function recount(db: Trx, spaceDays: { day: string; space_id: string }[]): Promise<void> {
  await sql`
    UPDATE analytics_days t SET active = (SELECT count(*)::int FROM analytics_person_days d WHERE d.day = t.day)
    WHERE t.day IN (SELECT day FROM analytics_forget_days)`.execute(db);
  await countGroupActive(db, sql`SELECT day FROM analytics_forget_days`);
  await sql`
    UPDATE analytics_place_days t SET active = (
      SELECT count(*)::int FROM analytics_place_person_days d WHERE d.place = t.place AND d.day = t.day)
    FROM analytics_forget_places k WHERE t.place = k.place AND t.day = k.day`.execute(db);
  for (const k of spaceDays)
    await sql`
      UPDATE analytics_space_days t SET people = (
        SELECT count(*)::int FROM analytics_space_person_days d WHERE d.day = t.day AND d.space_id = t.space_id)
      WHERE t.day = ${k.day}::date AND t.space_id = ${k.space_id}`.execute(db);
}

/** The job: events aimed at the erased person's content no longer name them. */
export function forgetTarget(ctx: AppContext): JobHandler {
  return async (payload) => {
    const userId = String(payload.userId ?? '');
    if (!userId) return;
    await sql`UPDATE activity_events SET target_id = NULL WHERE target_id = ${userId}::uuid`.execute(ctx.db);
  };
}
