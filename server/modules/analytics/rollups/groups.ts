// Totals per group of people: a department, a site, a people cohort ('department:<id>',
// 'site:<id>', 'cohort:<id>'). A dashboard filtered by one of them reads one row per day
// (analytics_group_days) or per day and space (analytics_group_space_days) instead of every
// member's rows. People filters follow people's CURRENT department, site and cohorts, so:
// - analytics_person_groups says under which groups each person's applied events are filed;
// - before each refresh applies its batch, `syncGroups` compares it with the people as they
//   are now: for each person who moved (or joined or left a cohort), their applied events
//   (the log's, by actor: ids up to the watermark and not pending) are taken out of the
//   groups they left and added to those they joined;
// - the batch is then filed under each actor's groups (`fileBatch`);
// - analytics_group_active (distinct members active each day) is counted again, from the
//   person-days and the noted groups, for every day whose people changed: the days a batch
//   brings, the days of people who moved, the days of an erased person (`countGroupActive`).
// A rebuild takes the people's groups once at its start and files every day under them.

import { type RawBuilder, sql } from 'kysely';
import type { Trx } from './apply.ts';

type Sql = RawBuilder<unknown>;

const ENGAGED = ['post.created', 'comment.created', 'reaction.set', 'comment_reaction.set', 'post.shared'];
const list = (verbs: readonly string[]) => sql.join(verbs.map((v) => sql.lit(v)));
const SEARCH = sql`b.verb = 'search.performed' AND b.data->>'terms' IS NOT NULL`;
/** Columns of analytics_group_days and the events each counts (on the row `b`). */
const DAY_COLUMNS: [string, Sql][] = [
  ['posts', sql`b.verb = 'post.created'`],
  ['comments', sql`b.verb = 'comment.created'`],
  ['reactions', sql`b.verb IN ('reaction.set', 'comment_reaction.set')`],
  ['shares', sql`b.verb = 'post.shared'`],
  ['pages', sql`b.verb IN ('knowledge.page_created', 'knowledge.saved_from_post')`],
  ['searches', SEARCH],
  ['searches_empty', sql`${SEARCH} AND b.data->>'results' = '0'`],
];
const RELEVANT = sql`(b.verb IN (${list([...ENGAGED, 'knowledge.page_created', 'knowledge.saved_from_post'])}) OR ${SEARCH})`;

/**
 * The groups of everyone in at least one, as they are now, sorted the same way every time
 * (department, site, cohorts). People in none have no row.
 */
const GROUPS_NOW = sql`
  SELECT u.id AS user_id,
    array_remove(ARRAY['department:' || u.department_id::text, 'site:' || u.site_id::text], NULL)
      || coalesce(c.groups, '{}'::text[]) AS groups
  FROM users u
  LEFT JOIN (
    SELECT cm.member_id, array_agg('cohort:' || cm.cohort_id::text ORDER BY cm.cohort_id) AS groups
    FROM analytics_cohort_members cm JOIN analytics_cohorts co ON co.id = cm.cohort_id AND co.kind = 'people'
    GROUP BY cm.member_id
  ) c ON c.member_id = u.id
  WHERE u.erased_at IS NULL AND (u.department_id IS NOT NULL OR u.site_id IS NOT NULL OR c.groups IS NOT NULL)`;

/**
 * Adds the events of `source` (rows b: day, actor_id, space_id, verb, data) to the group
 * tables, once per row of `groups` (user_id, grp, sign: +1 adds, −1 takes out).
 */
async function file(db: Trx, source: Sql, groups: Sql, fresh: boolean): Promise<void> {
  const sums = sql.join(DAY_COLUMNS.map(([, when]) => sql`sum(g.sign * (${when})::int)::int`));
  const cols = DAY_COLUMNS.map(([c]) => c);
  const adding = sql.join(
    cols.map((c) => sql`${sql.ref(c)} = ${sql.ref(`t.${c}`)} + ${sql.ref(`excluded.${c}`)}`),
  );
  const upsert = (keys: Sql, set: Sql) =>
    fresh ? sql`ORDER BY ${keys}` : sql`ON CONFLICT (${keys}) DO UPDATE SET ${set}`;
  await sql`
    INSERT INTO analytics_group_days AS t (grp, day, ${sql.join(cols.map((c) => sql.ref(c)))})
    SELECT g.grp, b.day, ${sums}
    FROM ${source} b JOIN (${groups}) g ON g.user_id = b.actor_id
    WHERE ${RELEVANT}
    GROUP BY 1, 2
    ${upsert(sql`grp, day`, adding)}`.execute(db);
  await sql`
    INSERT INTO analytics_group_space_days AS t (grp, day, space_id, engaged)
    SELECT g.grp, b.day, b.space_id, sum(g.sign)::int
    FROM ${source} b JOIN (${groups}) g ON g.user_id = b.actor_id
    WHERE b.space_id IS NOT NULL AND b.verb IN (${list(ENGAGED)})
    GROUP BY 1, 2, 3
    ${upsert(sql`grp, day, space_id`, sql`engaged = t.engaged + excluded.engaged`)}`.execute(db);
}

/** Files the staged batch (analytics_batch) under each actor's groups. */
export async function fileBatch(db: Trx, fresh: boolean): Promise<void> {
  await file(
    db,
    sql`analytics_batch`,
    sql`SELECT pg.user_id, x.grp, 1 AS sign FROM analytics_person_groups pg, unnest(pg.groups) x(grp)`,
    fresh,
  );
}

/**
 * Distinct members of each group active on each of `days` (a query of `day`s), counted again
 * from the person-days and the groups each person's events are filed under.
 */
export async function countGroupActive(db: Trx, days: Sql): Promise<void> {
  await sql`DROP TABLE IF EXISTS analytics_group_active_days`.execute(db);
  await sql`CREATE TEMPORARY TABLE analytics_group_active_days ON COMMIT DROP AS SELECT DISTINCT k.day FROM (${days}) k`.execute(
    db,
  );
  // Without statistics the planner takes it for thousands of days and reads every person-day.
  await sql`ANALYZE analytics_group_active_days`.execute(db);
  await sql`DELETE FROM analytics_group_active WHERE day IN (SELECT k.day FROM analytics_group_active_days k)`.execute(
    db,
  );
  await sql`
    INSERT INTO analytics_group_active (grp, day, active)
    SELECT x.grp, d.day, count(*)::int
    FROM analytics_person_days d JOIN analytics_person_groups g ON g.user_id = d.user_id, unnest(g.groups) x(grp)
    WHERE d.day IN (SELECT k.day FROM analytics_group_active_days k)
    GROUP BY 1, 2
    ORDER BY 1, 2`.execute(db);
}

/** A rebuild's start: the groups of everyone as they are now (the roll-ups are empty). */
export async function resetGroups(db: Trx): Promise<void> {
  await sql`DELETE FROM analytics_person_groups`.execute(db);
  await sql`INSERT INTO analytics_person_groups (user_id, groups) SELECT n.user_id, n.groups FROM (${GROUPS_NOW}) n`.execute(
    db,
  );
}

/**
 * Moves the applied events (ids up to `watermark`, not pending) of the people in the temporary
 * table analytics_groups_moved (user_id, old, new) from their old groups to their new ones,
 * and notes their new groups.
 */
async function moveHistory(db: Trx, watermark: string): Promise<void> {
  const moving = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM analytics_groups_moved WHERE old IS DISTINCT FROM new`.execute(db);
  if (Number(moving.rows[0]?.n ?? 0) > 0) {
    await sql`DROP TABLE IF EXISTS analytics_groups_history`.execute(db);
    await sql`
      CREATE TEMPORARY TABLE analytics_groups_history ON COMMIT DROP AS
      SELECT (e.at AT TIME ZONE 'UTC')::date AS day, e.actor_id, e.space_id, e.verb, e.data
      FROM analytics_groups_moved m JOIN activity_events e ON e.actor_id = m.user_id
      WHERE m.old IS DISTINCT FROM m.new AND e.id <= ${watermark}::bigint
        AND e.id NOT IN (SELECT p.id FROM analytics_pending_events p)`.execute(db);
    await file(
      db,
      sql`analytics_groups_history`,
      sql`SELECT m.user_id, x.grp, -1 AS sign FROM analytics_groups_moved m, unnest(m.old) x(grp)
          WHERE NOT x.grp = ANY (coalesce(m.new, '{}'::text[]))
        UNION ALL
        SELECT m.user_id, x.grp, 1 FROM analytics_groups_moved m, unnest(m.new) x(grp)
          WHERE NOT x.grp = ANY (m.old)`,
      false,
    );
    // Rows left at nothing are gone, as a rebuild would not have them.
    const touched = sql`(SELECT x.grp FROM analytics_groups_moved m, unnest(m.old || coalesce(m.new, '{}'::text[])) x(grp))`;
    await sql`DELETE FROM analytics_group_days WHERE grp IN ${touched}
      AND posts = 0 AND comments = 0 AND reactions = 0 AND shares = 0 AND pages = 0 AND searches = 0`.execute(
      db,
    );
    await sql`DELETE FROM analytics_group_space_days WHERE grp IN ${touched} AND engaged = 0`.execute(db);
  }
  await sql`
    INSERT INTO analytics_person_groups AS t (user_id, groups)
    SELECT m.user_id, m.new FROM analytics_groups_moved m WHERE m.new IS NOT NULL
    ON CONFLICT (user_id) DO UPDATE SET groups = excluded.groups`.execute(db);
  await sql`DELETE FROM analytics_person_groups
    WHERE user_id IN (SELECT m.user_id FROM analytics_groups_moved m WHERE m.new IS NULL)`.execute(db);
  if (Number(moving.rows[0]?.n ?? 0) > 0)
    await countGroupActive(
      db,
      sql`SELECT d.day FROM analytics_person_days d
        WHERE d.user_id IN (SELECT m.user_id FROM analytics_groups_moved m WHERE m.old IS DISTINCT FROM m.new)`,
    );
  await sql`DROP TABLE analytics_groups_moved`.execute(db);
}

/** Before a refresh applies its batch: people whose groups changed take their history along. */
export async function syncGroups(db: Trx, watermark: string): Promise<void> {
  await sql`DROP TABLE IF EXISTS analytics_groups_moved`.execute(db);
  await sql`
    CREATE TEMPORARY TABLE analytics_groups_moved ON COMMIT DROP AS
    SELECT coalesce(n.user_id, p.user_id) AS user_id, coalesce(p.groups, '{}'::text[]) AS old, n.groups AS new
    FROM (${GROUPS_NOW}) n FULL JOIN analytics_person_groups p ON p.user_id = n.user_id
    WHERE p.groups IS DISTINCT FROM n.groups`.execute(db);
  await moveHistory(db, watermark);
}

/**
 * Erasure: the person's applied events leave their groups (before the log forgets who did
 * them); their groups stay noted as they are, with nothing left under their name.
 */
export async function forgetGroups(db: Trx, userId: string): Promise<void> {
  await sql`DROP TABLE IF EXISTS analytics_groups_moved`.execute(db);
  await sql`
    CREATE TEMPORARY TABLE analytics_groups_moved ON COMMIT DROP AS
    SELECT p.user_id, p.groups AS old, NULL::text[] AS new FROM analytics_person_groups p
    WHERE p.user_id = ${userId}`.execute(db);
  const state = await sql<{ id: string }>`
    SELECT last_event_id::text AS id FROM analytics_state WHERE name = 'rollups'`.execute(db);
  await moveHistory(db, state.rows[0]?.id ?? '0');
  await sql`INSERT INTO analytics_person_groups (user_id, groups)
    SELECT n.user_id, n.groups FROM (${GROUPS_NOW}) n WHERE n.user_id = ${userId}`.execute(db);
}
