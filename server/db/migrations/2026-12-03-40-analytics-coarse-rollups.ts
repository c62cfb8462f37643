// Analytics at 50 million events (issue 6, second pass): the dashboards that still read
// millions of person-day rows get coarser roll-ups.
// - analytics_person_months: per place ('*' or 'type:<type>'), person and month, the running
//   totals of each day of the month (created, responded, contributions, actions): what a
//   person did over any range of days is two array reads per month the range touches, so
//   participation reads at most three rows per person for a 30-day period and the one before.
// - analytics_person_groups: the groups each person's applied events are filed under
//   ('department:<id>', 'site:<id>', 'cohort:<id>' of a people cohort), as of the last
//   refresh; analytics_group_days and analytics_group_space_days: totals per group and day
//   (and per space), so a dashboard filtered by one department, site or people cohort reads
//   one small row per day (and space) instead of each member's. When people move (or join a
//   cohort), the refresh moves their applied history from the old groups to the new ones.
// - analytics_search_days gets a partial index per person for the searches that found
//   nothing (the no-result terms of a group of people).
// - covering indexes for the knowledge questions and the interaction matrix of a period.
// - analytics_dropped_indexes: the secondary indexes a rebuild dropped, until built again.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    -- Sum over [lo, hi] of a month's running totals (cum[i] = total of the month's first i days).
    CREATE FUNCTION analytics_cum_in(cum integer[], month date, lo date, hi date) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN hi < lo OR hi < month OR lo > month + cardinality(cum) - 1 THEN 0
        ELSE cum[least(hi - month, cardinality(cum) - 1) + 1] - coalesce(cum[greatest(lo - month, 0)], 0) END
    $$;
    -- The running totals of a month (one element per day of the month) from counts per day.
    CREATE FUNCTION analytics_cum_of(month date, days date[], counts integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT array_agg(s.total ORDER BY s.i) FROM (
        SELECT g.i, (sum(coalesce(x.c, 0)) OVER (ORDER BY g.i))::integer AS total
        FROM generate_series(0, ((month + interval '1 month')::date - month) - 1) g(i)
        LEFT JOIN (SELECT d - month AS i, sum(c) AS c FROM unnest(days, counts) u(d, c) GROUP BY 1) x ON x.i = g.i
      ) s
    $$;
    -- Two arrays of the same length added element by element.
    CREATE FUNCTION analytics_cum_add(a integer[], b integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY u(x, y, i)
    $$;

    CREATE TABLE analytics_person_months (
      place text NOT NULL,
      user_id uuid NOT NULL,
      month date NOT NULL,
      created integer[] NOT NULL,
      responded integer[] NOT NULL,
      contributions integer[] NOT NULL,
      actions integer[] NOT NULL,
      PRIMARY KEY (place, month, user_id)
    );
    CREATE INDEX analytics_person_months_user_idx ON analytics_person_months (user_id, place, month);

    CREATE TABLE analytics_person_groups (
      user_id uuid PRIMARY KEY,
      groups text[] NOT NULL
    );
    CREATE TABLE analytics_group_days (
      grp text NOT NULL,
      day date NOT NULL,
      posts integer NOT NULL DEFAULT 0,
      comments integer NOT NULL DEFAULT 0,
      reactions integer NOT NULL DEFAULT 0,
      shares integer NOT NULL DEFAULT 0,
      pages integer NOT NULL DEFAULT 0,
      searches integer NOT NULL DEFAULT 0,
      searches_empty integer NOT NULL DEFAULT 0,
      PRIMARY KEY (grp, day)
    );
    CREATE TABLE analytics_group_space_days (
      grp text NOT NULL,
      day date NOT NULL,
      space_id uuid NOT NULL,
      -- posts + comments + reactions + shares
      engaged integer NOT NULL,
      PRIMARY KEY (grp, day, space_id)
    );

    -- A rebuild drops the roll-ups' secondary indexes while it inserts, and builds them again
    -- at the end: their definitions wait here, so a rebuild that dies leaves them to the next
    -- refresh to build.
    CREATE TABLE analytics_dropped_indexes (
      name text PRIMARY KEY,
      definition text NOT NULL
    );

    CREATE INDEX analytics_search_days_user_empty_idx ON analytics_search_days (user_id, day)
      INCLUDE (terms, empty) WHERE empty > 0;

    -- The invitations a group of people sent: the few person-days with any.
    CREATE INDEX analytics_person_days_invitations_idx ON analytics_person_days (user_id, day)
      INCLUDE (invitations) WHERE invitations > 0;

    -- Covering indexes: the knowledge questions and the interaction matrix read their rows of
    -- a period from the index alone.
    DROP INDEX analytics_questions_asked_idx;
    DROP INDEX analytics_questions_answered_idx;
    DROP INDEX analytics_questions_accepted_idx;
    CREATE INDEX analytics_questions_asked_idx ON analytics_questions (asked_at) INCLUDE (space_id, asker_id);
    CREATE INDEX analytics_questions_answered_idx ON analytics_questions (first_answer_at)
      INCLUDE (asked_at, space_id, asker_id);
    CREATE INDEX analytics_questions_accepted_idx ON analytics_questions (accepted_at) INCLUDE (space_id, asker_id);
    DROP INDEX analytics_interaction_days_day_idx;
    CREATE INDEX analytics_interaction_days_day_idx ON analytics_interaction_days (day)
      INCLUDE (from_department_id, to_department_id, n) WHERE space_id IS NULL AND space_type IS NULL;
    DROP INDEX analytics_interaction_days_type_idx;
    CREATE INDEX analytics_interaction_days_type_idx ON analytics_interaction_days (space_type, day)
      INCLUDE (from_department_id, to_department_id, n) WHERE space_type IS NOT NULL;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX analytics_interaction_days_type_idx;
    CREATE INDEX analytics_interaction_days_type_idx ON analytics_interaction_days (space_type, day)
      WHERE space_type IS NOT NULL;
    DROP INDEX analytics_interaction_days_day_idx;
    CREATE INDEX analytics_interaction_days_day_idx ON analytics_interaction_days (day)
      WHERE space_id IS NULL AND space_type IS NULL;
    DROP INDEX analytics_questions_accepted_idx;
    DROP INDEX analytics_questions_answered_idx;
    DROP INDEX analytics_questions_asked_idx;
    CREATE INDEX analytics_questions_asked_idx ON analytics_questions (asked_at);
    CREATE INDEX analytics_questions_answered_idx ON analytics_questions (first_answer_at);
    CREATE INDEX analytics_questions_accepted_idx ON analytics_questions (accepted_at);
    DROP INDEX analytics_person_days_invitations_idx;
    DROP INDEX analytics_search_days_user_empty_idx;
    DROP TABLE analytics_dropped_indexes;
    DROP TABLE analytics_group_space_days;
    DROP TABLE analytics_group_days;
    DROP TABLE analytics_person_groups;
    DROP TABLE analytics_person_months;
    DROP FUNCTION analytics_cum_add(integer[], integer[]);
    DROP FUNCTION analytics_cum_of(date, date[], integer[]);
    DROP FUNCTION analytics_cum_in(integer[], date, date, date);
  `)
    .execute(db);
}
