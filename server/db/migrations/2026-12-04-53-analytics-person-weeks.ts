// Analytics at 50 million events (issue 6): the participation dashboard's weekly Gini read
// each person's month rows and cut every week out of their running totals (40,000 rows, a
// week across two months grouped per person, ~100 ms for a 30-day period at 20,000 people).
// analytics_person_weeks keeps, per place ('*' or 'type:<type>'), ISO week (its Monday) and
// person active there that week, the week's contributions and the running totals of its
// days (contributions and actions; element i = the week's first i days): a week wholly inside
// the period is one narrow index entry per active person, read in order by (place, week,
// contributions); a week the period cuts short is two array reads of one row per person.
// Filled here from the person-day tables, so an installation that already has roll-ups needs
// no rebuild.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    -- The running totals of \`length\` days from \`start\` (element i = the first i days), from counts per day.
    CREATE FUNCTION analytics_cum_days(start date, length integer, days date[], counts integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT array_agg(s.total ORDER BY s.i) FROM (
        SELECT g.i, (sum(coalesce(x.c, 0)) OVER (ORDER BY g.i))::integer AS total
        FROM generate_series(0, length - 1) g(i)
        LEFT JOIN (SELECT d - start AS i, sum(c) AS c FROM unnest(days, counts) u(d, c) GROUP BY 1) x ON x.i = g.i
      ) s
    $$;

    CREATE TABLE analytics_person_weeks (
      place text NOT NULL,
      week date NOT NULL,
      user_id uuid NOT NULL,
      -- posts, questions, comments, answers, pages, events, shares of the week in the place
      contributions integer NOT NULL,
      -- running totals of the week's seven days: contributions, and actions of any kind
      contributions_days integer[] NOT NULL,
      actions_days integer[] NOT NULL,
      PRIMARY KEY (place, week, user_id)
    );
    INSERT INTO analytics_person_weeks
    SELECT x.place, x.week, x.user_id, sum(x.contributions),
      analytics_cum_days(x.week, 7, array_agg(x.day), array_agg(x.contributions)),
      analytics_cum_days(x.week, 7, array_agg(x.day), array_agg(x.actions))
    FROM (
      SELECT '*' AS place, d.day - (extract(isodow FROM d.day)::int - 1) AS week, d.user_id, d.day, d.actions,
        d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares AS contributions
      FROM analytics_person_days d WHERE d.actions > 0
      UNION ALL
      SELECT d.place, d.day - (extract(isodow FROM d.day)::int - 1), d.user_id, d.day, d.actions,
        d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares
      FROM analytics_place_person_days d WHERE d.actions > 0
    ) x
    GROUP BY 1, 2, 3;
    -- The whole weeks of a period: people per contributions value, in index order.
    CREATE INDEX analytics_person_weeks_values_idx ON analytics_person_weeks (place, week, contributions);
    -- A group of people's weeks, and an erased person's rows.
    CREATE INDEX analytics_person_weeks_user_idx ON analytics_person_weeks (user_id, place, week);
    ANALYZE analytics_person_weeks;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TABLE analytics_person_weeks;
    DROP FUNCTION analytics_cum_days(date, integer, date[], integer[]);
  `)
    .execute(db);
}
