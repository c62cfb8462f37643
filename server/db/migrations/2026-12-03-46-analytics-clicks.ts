// Clicks on ambassadors' tracked links, rolled up per UTC day by the analytics refresh (never
// by the redirect, which stays one insert): everyone's per day × kit × network, read by the
// dashboard without a people filter, and per link owner, read for a department, a site or a
// people cohort (their users joined to it through the key). Only closed days are rolled; the
// dashboard adds the raw clicks after the last rolled day (rollups/clicks.ts says why).
// Deleting a kit takes its rolled clicks with it, as it takes its links and raw clicks.
// How far the clicks are rolled is a column of the roll-ups' state row (analytics_state
// 'rollups'.clicks_until, the end of the last rolled day; NULL: nothing rolled) rather than a
// row of its own: the refresh locks that row already, and when it is missing the roll-ups are
// emptied and it is created afresh — with clicks_until NULL, so the click roll-ups and their
// position reset together, with nothing more to keep in step.
// The index on kit_id serves the cascade: without it a kit's deletion reads every row.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE analytics_click_days (
      day date NOT NULL,
      kit_id uuid NOT NULL REFERENCES ambassador_kits (id) ON DELETE CASCADE,
      network text NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (day, kit_id, network)
    );
    CREATE TABLE analytics_click_person_days (
      day date NOT NULL,
      user_id uuid NOT NULL,
      kit_id uuid NOT NULL REFERENCES ambassador_kits (id) ON DELETE CASCADE,
      network text NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (user_id, day, kit_id, network)
    );
    CREATE INDEX analytics_click_person_days_kit ON analytics_click_person_days (kit_id);
    ALTER TABLE analytics_state ADD COLUMN clicks_until timestamptz;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE analytics_state DROP COLUMN clicks_until;
    DROP TABLE analytics_click_person_days;
    DROP TABLE analytics_click_days;
  `)
    .execute(db);
}
