// Ambassadors' shares rolled up with the other activity roll-ups (rollups/shares.ts): the
// dashboard read two periods of `ambassador.shared` events from the log three times a load
// (200–400 ms each at 100,000 shares, 4.4 s with a department filter, walked by actor).
// - analytics_share_days: everyone's shares per UTC day, kit and network (erased people's
//   included, as the log keeps them without an actor). No foreign key to the kits: the log
//   keeps a deleted kit's shares and the dashboard counts them in its totals.
// - analytics_share_person_days: the same per ambassador, for people filters.
// - analytics_sharers: a bitmap of the days each person shared (as analytics_actors), for
//   distinct sharers over any range from one row per ambassador.
// - activity_events_shared_id: the shares by id, so the dashboard reads the shares the
//   refresh has not applied yet (above the watermark) without walking the period's.
// Filled here with the shares the roll-ups hold already (ids up to the watermark, not
// pending), so no rebuild is needed and the next refresh adds the rest once.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE analytics_share_days (
      day date NOT NULL,
      kit_id uuid NOT NULL,
      network text NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (day, kit_id, network)
    );
    CREATE TABLE analytics_share_person_days (
      user_id uuid NOT NULL,
      day date NOT NULL,
      kit_id uuid NOT NULL,
      network text NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (user_id, day, kit_id, network)
    );
    CREATE TABLE analytics_sharers (
      user_id uuid PRIMARY KEY,
      first_day date NOT NULL,
      -- Bit i (1-based) is set when the person shared on first_day + i - 1.
      days bit varying NOT NULL
    );
    CREATE INDEX activity_events_shared_id ON activity_events (id) WHERE verb = 'ambassador.shared';
    WITH a AS (
      SELECT (e.at AT TIME ZONE 'UTC')::date AS day, e.actor_id,
        CASE WHEN e.object_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          THEN e.object_id ELSE '00000000-0000-0000-0000-000000000000' END::uuid AS kit_id,
        coalesce(e.data->>'network', '') AS network
      FROM activity_events e
      WHERE e.verb = 'ambassador.shared'
        AND e.id <= (SELECT s.last_event_id FROM analytics_state s WHERE s.name = 'rollups')
        AND e.id NOT IN (SELECT p.id FROM analytics_pending_events p)
    ), d AS (
      INSERT INTO analytics_share_days (day, kit_id, network, n)
      SELECT day, kit_id, network, count(*) FROM a GROUP BY 1, 2, 3
    ), p AS (
      INSERT INTO analytics_share_person_days (user_id, day, kit_id, network, n)
      SELECT actor_id, day, kit_id, network, count(*) FROM a WHERE actor_id IS NOT NULL GROUP BY 1, 2, 3, 4
    )
    INSERT INTO analytics_sharers (user_id, first_day, days)
    SELECT actor_id, min(day), analytics_bits_of(array_agg(DISTINCT day)) FROM a WHERE actor_id IS NOT NULL
    GROUP BY 1;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX activity_events_shared_id;
    DROP TABLE analytics_sharers;
    DROP TABLE analytics_share_person_days;
    DROP TABLE analytics_share_days;
  `)
    .execute(db);
}
