// Ambassadors' shares (`ambassador.shared`, object = the kit, data.network), rolled up with
// the other activity roll-ups (migration 2026-12-03-49): the dashboard read two periods of
// them from the log three times a load (200–400 ms each at 100,000 shares, 4.4 s with a
// department filter); it now reads a few rows per day, and one row per ambassador for the
// distinct sharers. Kept apart from apply.ts, which only calls it, as clicks.ts is.
//
// - analytics_share_days (day × kit × network) counts every share, with or without an actor
//   (an erased person's shares stay counted); analytics_share_person_days the same per
//   ambassador (people filters); analytics_sharers a bitmap of the days each person shared.
// - The kit is the event's object_id as a uuid; one that is not a kit id (it never joins a
//   kit, as before) is kept under the nil uuid, a missing network under '' (no bar of it):
//   the totals count them, as the dashboard always did.
// - The dashboard stays exact whatever the refresh's lag: it adds the shares not applied yet
//   (`unappliedShares`: above the watermark, or pending) to the roll-ups, in one statement.

import { type RawBuilder, sql } from 'kysely';
import type { Trx } from './apply.ts';
import { BITS_ADDED, bitsOfDays } from './bits.ts';

type Sql = RawBuilder<unknown>;

export const SHARE_TABLES = [
  'analytics_share_days',
  'analytics_share_person_days',
  'analytics_sharers',
] as const;

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;
/** The kit of a share `e`: its object as a uuid, or the nil uuid if it is none (lower case, as kit ids print). */
export const kitOf = (e: string) =>
  sql`(CASE WHEN ${sql.ref(`${e}.object_id`)} ~ ${sql.raw(UUID)} THEN ${sql.ref(`${e}.object_id`)}
    ELSE '00000000-0000-0000-0000-000000000000' END)::uuid`;
export const networkOf = (e: string) => sql`coalesce(${sql.ref(`${e}.data`)}->>'network', '')`;

/**
 * The highest event id the roll-ups hold, or NULL when they are not to be read: no state row
 * (the next refresh empties and refills them) or a rebuild under way (they hold only the
 * days it has reached). Every share above it, or pending, is read raw.
 */
export const shareWatermark = sql`(SELECT s.last_event_id FROM analytics_state s WHERE s.name = 'rollups'
  AND NOT EXISTS (SELECT 1 FROM analytics_state r WHERE r.name = 'rebuild'))`;

/**
 * The shares of the log the roll-ups do not hold (id, at, actor_id, object_id, data): those
 * above the watermark, through activity_events_shared_id, and the pending ones under it, by
 * id — two arms, so that each reads its few rows through an index.
 */
export const unappliedShares = sql`(
  SELECT e.id, e.at, e.actor_id, e.object_id, e.data FROM activity_events e
  WHERE e.verb = 'ambassador.shared' AND e.id > coalesce(${shareWatermark}, 0)
  UNION ALL
  SELECT e.id, e.at, e.actor_id, e.object_id, e.data FROM analytics_pending_events p
  JOIN activity_events e ON e.id = p.id
  WHERE e.verb = 'ambassador.shared' AND e.id <= ${shareWatermark}
)`;

/** Adds the staged batch's shares (analytics_batch `b`); a rebuild (`fresh`) leaves the bitmaps to `finalShares`. */
export async function applyShares(fresh: boolean, run: (q: Sql) => Promise<void>): Promise<void> {
  const shared = sql`b.verb = 'ambassador.shared'`;
  const adding = sql`DO UPDATE SET n = t.n + excluded.n`;
  await run(sql`
    INSERT INTO analytics_share_days AS t (day, kit_id, network, n)
    SELECT b.day, ${kitOf('b')}, ${networkOf('b')}, count(*)::int FROM analytics_batch b WHERE ${shared}
    GROUP BY 1, 2, 3
    ${fresh ? sql`` : sql`ON CONFLICT (day, kit_id, network) ${adding}`}`);
  await run(sql`
    INSERT INTO analytics_share_person_days AS t (user_id, day, kit_id, network, n)
    SELECT b.actor_id, b.day, ${kitOf('b')}, ${networkOf('b')}, count(*)::int FROM analytics_batch b
    WHERE ${shared} AND b.actor_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ${fresh ? sql`ORDER BY 1, 2, 3, 4` : sql`ON CONFLICT (user_id, day, kit_id, network) ${adding}`}`);
  if (!fresh)
    await run(sql`
    INSERT INTO analytics_sharers AS t (user_id, first_day, days)
    SELECT b.actor_id, min(b.day), ${bitsOfDays(sql`b.day`)} FROM analytics_batch b
    WHERE ${shared} AND b.actor_id IS NOT NULL
    GROUP BY 1
    ON CONFLICT (user_id) DO UPDATE
      SET first_day = least(t.first_day, excluded.first_day),
        days = analytics_bits_merge(t.first_day, t.days, excluded.first_day, excluded.days)
      WHERE ${BITS_ADDED}`);
}

/** After a rebuild: the sharers' bitmaps, in one pass over the person table. */
export async function finalShares(db: Trx): Promise<void> {
  await sql`
    INSERT INTO analytics_sharers (user_id, first_day, days)
    SELECT d.user_id, min(d.day), analytics_bits_of(array_agg(DISTINCT d.day)) FROM analytics_share_person_days d
    GROUP BY d.user_id`.execute(db);
}
