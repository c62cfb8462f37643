// Analytics at scale (50 million events): the roll-ups are maintained by adding what new
// events bring (deltas, exactly once) instead of recomputing whole days, and dashboards get
// small tables for what they asked of large ones:
// - analytics_actors: per place (the organisation '*', or a space type 'type:<type>') and
//   person, a bitmap of the days they were active, so "distinct people active between A and
//   B" reads at most one row per person;
// - analytics_place_person_days / analytics_place_days: the person-day and day tables per
//   space type (a space-type filter no longer reads the rows of a hundred spaces);
// - analytics_search_terms: searches per term and day; analytics_page_reads: per page, a
//   bitmap of the days someone other than its author read it;
// - analytics_pending_events: ids below the watermark not yet visible when it was read
//   (a transaction still committing), read again by the next refreshes.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    -- Number of days set in a day bitmap (bit 1 = first_day) within [lo, hi].
    CREATE FUNCTION analytics_days_in(days bit varying, first_day date, lo date, hi date) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN hi < first_day OR hi < lo THEN 0
        ELSE bit_count(substring(days FROM greatest(lo - first_day, 0) + 1
          FOR hi - greatest(lo, first_day) + 1))::integer END
    $$;
    -- The bitmap of a set of days, starting at the earliest.
    CREATE FUNCTION analytics_bits_of(days date[]) RETURNS bit varying
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT string_agg(CASE WHEN d::date = ANY (days) THEN '1' ELSE '0' END, '' ORDER BY d)::bit varying
      FROM generate_series((SELECT min(x) FROM unnest(days) x), (SELECT max(x) FROM unnest(days) x),
        interval '1 day') d
    $$;
    -- Two bitmaps (each with its first day) merged into one starting at the earlier first day.
    CREATE FUNCTION analytics_bits_merge(a_first date, a bit varying, b_first date, b bit varying)
    RETURNS bit varying LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT (rpad(repeat('0', a_first - f) || a::text, e - f, '0'))::bit varying
        | (rpad(repeat('0', b_first - f) || b::text, e - f, '0'))::bit varying
      FROM (SELECT least(a_first, b_first) AS f,
        greatest(a_first + length(a), b_first + length(b)) AS e) p
    $$;

    CREATE TABLE analytics_actors (
      -- '*' (every place, visits included) or 'type:<space type>'.
      place text NOT NULL,
      user_id uuid NOT NULL,
      first_day date NOT NULL,
      -- Bit i (1-based) is set when the person did anything there on first_day + i - 1.
      days bit varying NOT NULL,
      PRIMARY KEY (place, user_id)
    );
    CREATE INDEX analytics_actors_user_idx ON analytics_actors (user_id);

    -- Person-days per space type (the columns of analytics_space_person_days).
    CREATE TABLE analytics_place_person_days (
      place text NOT NULL,
      day date NOT NULL,
      user_id uuid NOT NULL,
      posts integer NOT NULL DEFAULT 0,
      questions integer NOT NULL DEFAULT 0,
      comments integer NOT NULL DEFAULT 0,
      answers integer NOT NULL DEFAULT 0,
      reactions integer NOT NULL DEFAULT 0,
      shares integer NOT NULL DEFAULT 0,
      votes integer NOT NULL DEFAULT 0,
      pages integer NOT NULL DEFAULT 0,
      events integer NOT NULL DEFAULT 0,
      actions integer NOT NULL DEFAULT 0,
      PRIMARY KEY (place, day, user_id)
    );
    CREATE INDEX analytics_place_person_days_user_idx ON analytics_place_person_days (place, user_id, day);

    -- Days per space type: totals and distinct people (active).
    CREATE TABLE analytics_place_days (
      place text NOT NULL,
      day date NOT NULL,
      active integer NOT NULL DEFAULT 0,
      posts integer NOT NULL DEFAULT 0,
      questions integer NOT NULL DEFAULT 0,
      comments integer NOT NULL DEFAULT 0,
      answers integer NOT NULL DEFAULT 0,
      reactions integer NOT NULL DEFAULT 0,
      shares integer NOT NULL DEFAULT 0,
      votes integer NOT NULL DEFAULT 0,
      pages integer NOT NULL DEFAULT 0,
      events integer NOT NULL DEFAULT 0,
      PRIMARY KEY (place, day)
    );

    -- A space's day gets the remaining columns, so one space's daily totals read it alone.
    ALTER TABLE analytics_space_days
      ADD COLUMN votes integer NOT NULL DEFAULT 0,
      ADD COLUMN pages integer NOT NULL DEFAULT 0,
      ADD COLUMN events integer NOT NULL DEFAULT 0;
    -- People filters read one person's rows.
    CREATE INDEX analytics_search_days_user_idx ON analytics_search_days (user_id, day);
    CREATE INDEX analytics_search_days_terms_idx ON analytics_search_days (terms, day) WHERE empty > 0;

    -- Searches per normalised terms and day (everyone), and those that found nothing.
    CREATE TABLE analytics_search_terms (
      day date NOT NULL,
      terms text NOT NULL,
      searches integer NOT NULL,
      empty integer NOT NULL,
      PRIMARY KEY (day, terms)
    );

    -- Per knowledge page: the days someone other than its author read it.
    CREATE TABLE analytics_page_reads (
      page_id uuid PRIMARY KEY,
      space_id uuid,
      first_day date NOT NULL,
      last_day date NOT NULL,
      days bit varying NOT NULL
    );
    CREATE INDEX analytics_page_reads_last_idx ON analytics_page_reads (last_day);

    -- Interactions get rows per space type too (space_id NULL): a type filter reads those.
    -- Rows are added to: one per key (NULL departments, space and type included).
    ALTER TABLE analytics_interaction_days ADD COLUMN space_type text;
    CREATE UNIQUE INDEX analytics_interaction_days_key_idx ON analytics_interaction_days
      (day, from_department_id, to_department_id, kind, space_id, space_type) NULLS NOT DISTINCT;
    DROP INDEX analytics_interaction_days_day_idx;
    CREATE INDEX analytics_interaction_days_day_idx ON analytics_interaction_days (day)
      WHERE space_id IS NULL AND space_type IS NULL;
    CREATE INDEX analytics_interaction_days_type_idx ON analytics_interaction_days (space_type, day)
      WHERE space_type IS NOT NULL;

    -- The latest acceptance decision (accept or withdraw) merged into the question.
    ALTER TABLE analytics_questions ADD COLUMN decided_at timestamptz;

    CREATE TABLE analytics_pending_events (
      id bigint PRIMARY KEY,
      noted_at timestamptz NOT NULL
    );
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TABLE analytics_pending_events;
    ALTER TABLE analytics_questions DROP COLUMN decided_at;
    DROP INDEX analytics_interaction_days_type_idx;
    DROP INDEX analytics_interaction_days_key_idx;
    DROP INDEX analytics_interaction_days_day_idx;
    DELETE FROM analytics_interaction_days WHERE space_type IS NOT NULL;
    ALTER TABLE analytics_interaction_days DROP COLUMN space_type;
    CREATE INDEX analytics_interaction_days_day_idx ON analytics_interaction_days (day) WHERE space_id IS NULL;
    DROP TABLE analytics_page_reads;
    DROP TABLE analytics_search_terms;
    DROP INDEX analytics_search_days_terms_idx;
    DROP INDEX analytics_search_days_user_idx;
    ALTER TABLE analytics_space_days DROP COLUMN votes, DROP COLUMN pages, DROP COLUMN events;
    DROP TABLE analytics_place_days;
    DROP TABLE analytics_place_person_days;
    DROP TABLE analytics_actors;
    DROP FUNCTION analytics_bits_merge(date, bit varying, date, bit varying);
    DROP FUNCTION analytics_bits_of(date[]);
    DROP FUNCTION analytics_days_in(bit varying, date, date, date);
  `)
    .execute(db);
}
