// The roll-ups: tables derived from the activity log, which is the only source (a roll-up is
// never written by a command). Each event is added to them exactly once (apply.ts):
//
// - A refresh applies the events it has not applied yet: ids above the watermark (the
//   highest id applied), plus the ids below it that were not visible when it was read.
//   Identity values are taken when a transaction inserts, not when it commits, so an event
//   with a lower id may become visible after a higher one was read: the ids missing under
//   the watermark are noted (analytics_pending_events) and looked for again by the next
//   refreshes, for an hour (a rolled-back insert leaves a hole for good). Its cost follows
//   the number of new events, not the size of a day.
// - A rebuild empties the roll-ups and applies every event up to the current top id, one
//   UTC day per transaction, in order of time; the watermark moves to that top first, so
//   a refresh running meanwhile applies only later events.
// - Clicks on ambassadors' links are not in the log: both also roll up the clicks of the
//   closed days not rolled yet (clicks.ts), after the events.

import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { applyBatch, applyFinal, ROLLUP_TABLES, stageBatch, type Trx } from './apply.ts';
import { resetClicks, rollClicks } from './clicks.ts';
import { resetGroups, syncGroups } from './groups.ts';

export { CONTRIBUTED, INTERACTION_VERBS, VERBS } from './apply.ts';

const DAY_MS = 86_400_000;
/** How far below the top id a refresh looks for ids not visible yet. */
const PENDING_WINDOW = 10_000;
/** How long a missing id is looked for (a transaction still committing is seconds old). */
const PENDING_MS = 3_600_000;
/** A rebuild that started longer ago than this is taken for one that died: refreshes resume. */
const REBUILD_MS = 12 * 3_600_000;

export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
function startOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
function addDays(day: string, n: number): string {
  return dayOf(new Date(startOf(day).getTime() + n * DAY_MS));
}

/**
 * The state row, locked: one refresh or rebuild step at a time. Without it nothing says
 * which events the roll-ups hold: it is created at 0 and the roll-ups are emptied, so
 * every event is applied again, once.
 */
async function lockState(db: Trx): Promise<string> {
  const created = await sql`
    INSERT INTO analytics_state (name) VALUES ('rollups') ON CONFLICT (name) DO NOTHING RETURNING name`.execute(
    db,
  );
  // The click roll-ups too: the new row's clicks_until is NULL (nothing rolled).
  if (created.rows.length > 0)
    for (const table of ROLLUP_TABLES) await sql`DELETE FROM ${sql.table(table)}`.execute(db);
  const state = await sql<{ last_event_id: string }>`
    SELECT last_event_id::text AS last_event_id FROM analytics_state WHERE name = 'rollups' FOR UPDATE`.execute(
    db,
  );
  return state.rows[0]?.last_event_id ?? '0';
}

async function finish(db: Trx, lastEventId: string, now: Date): Promise<void> {
  await sql`
    INSERT INTO analytics_state (name, last_event_id, refreshed_at) VALUES ('rollups', ${lastEventId}::bigint, ${now})
    ON CONFLICT (name) DO UPDATE SET last_event_id = excluded.last_event_id, refreshed_at = excluded.refreshed_at`.execute(
    db,
  );
}

async function maxEventId(db: Trx): Promise<string> {
  const row = await sql<{ id: string | null }>`SELECT max(id)::text AS id FROM activity_events`.execute(db);
  return row.rows[0]?.id ?? '0';
}

/** Notes the ids in (from, top] (at most PENDING_WINDOW below top) that no visible event has. */
async function notePending(db: Trx, from: string, top: string, now: Date, seen: string): Promise<void> {
  await sql`
    INSERT INTO analytics_pending_events (id, noted_at)
    SELECT g, ${now} FROM generate_series(greatest(${from}::bigint + 1, ${top}::bigint - ${PENDING_WINDOW}), ${top}::bigint) g
    WHERE NOT EXISTS (SELECT 1 FROM ${sql.table(seen)} s WHERE s.id = g)
    ON CONFLICT (id) DO NOTHING`.execute(db);
}

/** A rebuild is under way (its row, less than REBUILD_MS old): the refresh leaves the tables to it. */
async function rebuilding(db: Trx, now: Date): Promise<boolean> {
  const row = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM analytics_state
    WHERE name = 'rebuild' AND refreshed_at > ${new Date(now.getTime() - REBUILD_MS)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > 0;
}

/**
 * A rebuild inserts faster without the roll-ups' secondary indexes (those behind no
 * constraint): it drops them, noting their definitions in analytics_dropped_indexes, and
 * builds them again at its end — or the next refresh does, if the rebuild died.
 */
async function dropIndexes(db: Trx): Promise<void> {
  const found = await sql<{ name: string; definition: string }>`
    SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join([...ROLLUP_TABLES])})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(db);
  for (const index of found.rows) {
    await sql`INSERT INTO analytics_dropped_indexes (name, definition) VALUES (${index.name}, ${index.definition})
      ON CONFLICT (name) DO NOTHING`.execute(db);
    await sql`DROP INDEX ${sql.ref(index.name)}`.execute(db);
  }
}

async function restoreIndexes(db: Trx): Promise<void> {
  const dropped = await sql<{ name: string; definition: string }>`
    SELECT name, definition FROM analytics_dropped_indexes ORDER BY name`.execute(db);
  for (const index of dropped.rows) {
    await sql.raw(index.definition).execute(db);
    await sql`DELETE FROM analytics_dropped_indexes WHERE name = ${index.name}`.execute(db);
  }
}

export interface RefreshResult {
  /** Days that received events. */
  days: number;
  events: number;
  /** Clicks on ambassadors' links rolled up (those of the days that closed since). */
  clicks: number;
  refreshedAt: Date;
}

/** Applies the events added since the last refresh (and those that were not visible then), in one transaction. */
export async function refreshRollups(db: Db, now: Date): Promise<RefreshResult> {
  return db.transaction().execute(async (trx) => {
    const watermark = await lockState(trx);
    if (await rebuilding(trx, now)) return { days: 0, events: 0, clicks: 0, refreshedAt: now };
    await restoreIndexes(trx);
    // People who moved take their applied history to their new groups before the batch.
    await syncGroups(trx, watermark);
    const top = await maxEventId(trx);
    // Pending ids were noted under an earlier top, so none is above the watermark.
    const events = await stageBatch(
      trx,
      sql`e.id > ${watermark}::bigint AND e.id <= ${top}::bigint`,
      sql`e.id IN (SELECT p.id FROM analytics_pending_events p) AND e.id <= ${watermark}::bigint`,
    );
    const days = events > 0 ? await applyBatch(trx) : [];
    await sql`DELETE FROM analytics_pending_events
      WHERE id IN (SELECT id FROM analytics_batch) OR noted_at < ${new Date(now.getTime() - PENDING_MS)}`.execute(
      trx,
    );
    if (BigInt(top) > BigInt(watermark)) await notePending(trx, watermark, top, now, 'analytics_batch');
    const clicks = await rollClicks(trx, now);
    await finish(trx, BigInt(top) > BigInt(watermark) ? top : watermark, now);
    return { days: days.length, events, clicks, refreshedAt: now };
  });
}

/**
 * Recomputes every roll-up from the whole log: empties them, then applies the events of
 * each day from the first event to today, one day per transaction, in order of time.
 */
export async function rebuildRollups(
  db: Db,
  now: Date,
  progress: (day: string, events: number) => void = () => {},
  onStep?: (step: number, ms: number) => void,
): Promise<RefreshResult> {
  const { top, pending } = await db.transaction().execute(async (trx) => {
    await lockState(trx);
    const top = await maxEventId(trx);
    await sql`TRUNCATE ${sql.join(ROLLUP_TABLES.map((t) => sql.table(t)))}`.execute(trx);
    // Until the end, the dashboard reads every click raw (exact, slower); then they are rolled.
    await resetClicks(trx);
    await dropIndexes(trx);
    await resetGroups(trx);
    // Ids under the top not visible now are left to the refresh, which looks for them.
    await sql`CREATE TEMPORARY TABLE analytics_seen ON COMMIT DROP AS
      SELECT id FROM activity_events WHERE id > ${top}::bigint - ${PENDING_WINDOW}`.execute(trx);
    await notePending(trx, '0', top, now, 'analytics_seen');
    const pending = await sql<{ id: string }>`SELECT id::text AS id FROM analytics_pending_events`.execute(
      trx,
    );
    await finish(trx, top, now);
    // Until it ends, refreshes wait: the rebuild inserts whole days that nothing else writes.
    await sql`INSERT INTO analytics_state (name, refreshed_at) VALUES ('rebuild', ${new Date()})
      ON CONFLICT (name) DO UPDATE SET refreshed_at = excluded.refreshed_at`.execute(trx);
    return { top, pending: pending.rows.map((r) => r.id) };
  });
  const first = await sql<{ day: string | null }>`
    SELECT to_char((min(at) AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day FROM activity_events
    WHERE id <= ${top}::bigint`.execute(db);
  const last = await sql<{ day: string | null }>`
    SELECT to_char((max(at) AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day FROM activity_events
    WHERE id <= ${top}::bigint`.execute(db);
  const today = dayOf(now);
  const from = first.rows[0]?.day ?? today;
  const lastDay = last.rows[0]?.day ?? today;
  const to = lastDay > today ? lastDay : today;
  const skip = pending.length === 0 ? sql`true` : sql`e.id NOT IN (${sql.join(pending)})`;
  let days = 0;
  let events = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const n = await db.transaction().execute(async (trx) => {
      const staged = await stageBatch(
        trx,
        sql`e.at >= ${startOf(day)} AND e.at < ${startOf(addDays(day, 1))} AND e.id <= ${top}::bigint AND ${skip}`,
      );
      if (staged > 0) await applyBatch(trx, { fresh: true, onStep });
      return staged;
    });
    days += 1;
    events += n;
    progress(day, n);
  }
  const clicks = await db.transaction().execute(async (trx) => {
    await applyFinal(trx);
    const clicks = await rollClicks(trx, now);
    await restoreIndexes(trx);
    await sql`DELETE FROM analytics_state WHERE name = 'rebuild'`.execute(trx);
    return clicks;
  });
  // Fresh statistics; after a large rebuild, a vacuum too: index-only reads need the pages
  // marked all-visible, which autovacuum would do only later.
  for (const table of ROLLUP_TABLES)
    await (events > 100_000
      ? sql`VACUUM (ANALYZE) ${sql.table(table)}`
      : sql`ANALYZE ${sql.table(table)}`
    ).execute(db);
  return { days, events, clicks, refreshedAt: now };
}
