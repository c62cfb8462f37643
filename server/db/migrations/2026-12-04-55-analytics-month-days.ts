// Analytics at 50 million events (issue 6): the participation figures read each person's
// month rows (60,000 for a 30-day period and the one before, at 20,000 people), four arrays
// of running totals each (~800 bytes a row), and made some 800,000 array reads to cut the
// two periods out of them. Whether a person created, responded or did anything in a range of
// days needs no totals: analytics_person_months now keeps those as bitmaps of the month's days
// (bit i - 1: day i), tested with one AND against the range's mask, and keeps running totals
// for contributions only (~260 bytes a row). Built from the arrays it had, so no rebuild is
// needed; the table is written anew (a column dropped in place would keep its bytes).
import { type Kysely, sql } from 'kysely';

/** The days of a running-totals array on which its total grew, as a bitmap. */
const daysOf = (column: string) =>
  `(SELECT coalesce(bit_or(1 << (i - 1)), 0) FROM generate_subscripts(m.${column}, 1) i
     WHERE m.${column}[i] > coalesce(m.${column}[i - 1], 0))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE analytics_person_months_next (
      place text NOT NULL,
      user_id uuid NOT NULL,
      month date NOT NULL,
      -- running totals of the month's days: element i = the first i days
      contributions integer[] NOT NULL,
      -- bitmaps of the month's days (bit i - 1: day i) with a creation, a response, any action
      created_days integer NOT NULL,
      responded_days integer NOT NULL,
      active_days integer NOT NULL
    );
    INSERT INTO analytics_person_months_next
    SELECT m.place, m.user_id, m.month, m.contributions, ${daysOf('created')}, ${daysOf('responded')},
      ${daysOf('actions')}
    FROM analytics_person_months m
    ORDER BY m.place, m.month, m.user_id;
    DROP TABLE analytics_person_months;
    ALTER TABLE analytics_person_months_next RENAME TO analytics_person_months;
    ALTER TABLE analytics_person_months ADD CONSTRAINT analytics_person_months_pkey PRIMARY KEY (place, month, user_id);
    -- Built here: a definition a rebuild that died left behind would be built again.
    DELETE FROM analytics_dropped_indexes WHERE name = 'analytics_person_months_user_idx';
    CREATE INDEX analytics_person_months_user_idx ON analytics_person_months (user_id, place, month);
    ANALYZE analytics_person_months;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The bitmaps cannot give back the totals they summarise: the roll-ups need a rebuild.
  await sql
    .raw(`
    TRUNCATE analytics_person_months;
    ALTER TABLE analytics_person_months DROP COLUMN created_days, DROP COLUMN responded_days,
      DROP COLUMN active_days, ADD COLUMN created integer[] NOT NULL, ADD COLUMN responded integer[] NOT NULL,
      ADD COLUMN actions integer[] NOT NULL;
  `)
    .execute(db);
}
