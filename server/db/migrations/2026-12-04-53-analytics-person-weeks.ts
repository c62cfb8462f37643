// Analytics at 50 million events (issue 6): the participation dashboard's weekly Gini read
// each person's month rows and cut every week out of their running totals (40,000 rows and
// 120,000 cuts for a 30-day period at 20,000 people, ~100 ms). analytics_person_weeks keeps,
// per place ('*' or 'type:<type>'), ISO week (its Monday) and person active that week, the
// person's contributions of the week: a whole week of the period is then one narrow index
// entry per active person, read in order by (place, week, contributions). Weeks the period
// cuts short still read the month rows. Filled here from the person-day tables, so an
// installation that already has roll-ups needs no rebuild.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE analytics_person_weeks (
      place text NOT NULL,
      week date NOT NULL,
      user_id uuid NOT NULL,
      -- posts, questions, comments, answers, pages, events, shares of the week in the place
      contributions integer NOT NULL,
      PRIMARY KEY (place, week, user_id)
    );
    INSERT INTO analytics_person_weeks (place, week, user_id, contributions)
    SELECT '*', d.day - (extract(isodow FROM d.day)::int - 1), d.user_id,
      sum(d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares)
    FROM analytics_person_days d WHERE d.actions > 0
    GROUP BY 1, 2, 3;
    INSERT INTO analytics_person_weeks (place, week, user_id, contributions)
    SELECT d.place, d.day - (extract(isodow FROM d.day)::int - 1), d.user_id,
      sum(d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares)
    FROM analytics_place_person_days d WHERE d.actions > 0
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
  await sql.raw('DROP TABLE analytics_person_weeks;').execute(db);
}
