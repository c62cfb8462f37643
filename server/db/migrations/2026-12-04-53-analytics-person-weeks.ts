// Analytics at 50 million events (issue 6): the participation dashboard's weekly Gini read
// each person's month rows and cut every week out of their running totals (40,000 rows, a
// week across two months grouped per person, ~100 ms for a 30-day period at 20,000 people).
// analytics_person_weeks keeps, per place ('*' or 'type:<type>'), ISO week (its Monday) and
// person active there that week, the week's contributions, the running totals of its days
// (element i = the week's first i days) and a bitmap of its days with any action (bit i - 1:
// day i, Monday first): a week wholly inside the period is one narrow index entry per active
// person, read in order by (place, week, contributions); a week the period cuts short is two
// array reads and one AND of one row per person.
// Filled here from the person-day tables, so an installation that already has roll-ups needs
// no rebuild.
import { type Kysely, sql } from 'kysely';

/** The running totals of a week's contributions: seven filtered sums of the days `x`. */
const running = `ARRAY[${[1, 2, 3, 4, 5, 6, 7]
  .map((i) => `coalesce(sum(x.contributions) FILTER (WHERE x.day - x.week < ${i}), 0)::int`)
  .join(', ')}]`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE analytics_person_weeks (
      place text NOT NULL,
      week date NOT NULL,
      user_id uuid NOT NULL,
      -- posts, questions, comments, answers, pages, events, shares of the week in the place
      contributions integer NOT NULL,
      -- running totals of the week's seven days' contributions (the last one is contributions)
      contributions_days integer[] NOT NULL,
      -- bitmap of the week's days with any action (bit i - 1: day i, Monday first)
      active_days integer NOT NULL,
      PRIMARY KEY (place, week, user_id)
    );
    INSERT INTO analytics_person_weeks
    SELECT x.place, x.week, x.user_id, sum(x.contributions), ${running}, bit_or(1 << (x.day - x.week))
    FROM (
      SELECT '*' AS place, d.day - (extract(isodow FROM d.day)::int - 1) AS week, d.user_id, d.day,
        d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares AS contributions
      FROM analytics_person_days d WHERE d.actions > 0
      UNION ALL
      SELECT d.place, d.day - (extract(isodow FROM d.day)::int - 1), d.user_id, d.day,
        d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares
      FROM analytics_place_person_days d WHERE d.actions > 0
    ) x
    GROUP BY 1, 2, 3
    -- In key order: a week's rows together on disk, as a week is read.
    ORDER BY 1, 2, 3;
    -- The whole weeks of a period: people per contributions value, in index order (with who,
    -- for a group of people: index-only all the same).
    CREATE INDEX analytics_person_weeks_values_idx ON analytics_person_weeks (place, week, contributions)
      INCLUDE (user_id);
    -- A group of people's weeks, and an erased person's rows.
    CREATE INDEX analytics_person_weeks_user_idx ON analytics_person_weeks (user_id, place, week);
    ANALYZE analytics_person_weeks;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE analytics_person_weeks;').execute(db);
}
