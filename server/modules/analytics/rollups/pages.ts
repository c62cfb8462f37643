// Knowledge pages read by someone other than their author: per page, the days it was read
// (analytics_page_reads, a bitmap from its first such day), and per day, how many pages
// were read that day after last being read on some earlier day (analytics_page_reuse_days:
// day, prev_day — NULL for a first read —, n pages).
//
// The pages read over [a, b] are then the rows with a ≤ day ≤ b and prev_day < a (or NULL):
// each page read in the range has exactly one such day, its first in the range. The knowledge
// dashboard sums a few thousand rows instead of testing every page's bitmap.
//
// A batch can add a day anywhere in a page's history (a late event), which changes the
// previous day of the read after it, so the pairs follow by difference: the pages the batch
// reads are counted out as they were, their bitmaps merged, then counted in as they are.

import { type RawBuilder, sql } from 'kysely';
import type { Trx } from './apply.ts';

type Sql = RawBuilder<unknown>;

/** (day, prev_day, n) of the pages `pr` matching `where`, from their bitmaps. */
function pairs(where: Sql): Sql {
  return sql`
    SELECT r.day, r.prev_day, count(*)::int AS n
    FROM (
      SELECT d.day, lag(d.day) OVER (PARTITION BY d.page_id ORDER BY d.day) AS prev_day
      FROM (
        SELECT pr.page_id, pr.first_day + (i - 1) AS day
        FROM analytics_page_reads pr CROSS JOIN LATERAL generate_series(1, length(pr.days)) i
        WHERE ${where} AND substring(pr.days FROM i FOR 1) = B'1'
      ) d
    ) r
    GROUP BY 1, 2`;
}

/** Adds `sign` × the rows `c` of `source` (day, prev_day, n) to analytics_page_reuse_days. */
async function add(db: Trx, sign: 1 | -1, source: Sql): Promise<void> {
  await sql`
    INSERT INTO analytics_page_reuse_days AS t (day, prev_day, n)
    SELECT c.day, c.prev_day, ${sign} * c.n FROM ${source}
    ON CONFLICT ON CONSTRAINT analytics_page_reuse_days_key DO UPDATE SET n = t.n + excluded.n`.execute(db);
}

/** After a rebuild has filled analytics_page_reads: every page's pairs, once. */
export function countAllPageReuse(db: Trx): Promise<void> {
  return add(db, 1, sql`(${pairs(sql`true`)}) c`);
}

/** Merges the batch's reads into the pages' bitmaps, and their pairs with them (not in a rebuild). */
export async function mergePageReads(db: Trx, run: (q: Sql) => Promise<void>): Promise<void> {
  const read = sql`b.verb = 'knowledge.page_read' AND b.object_id IS NOT NULL`;
  const touched = sql`pr.page_id IN (
    SELECT (CASE WHEN ${read} THEN b.object_id END)::uuid FROM analytics_batch b WHERE ${read})`;
  await run(sql`DROP TABLE IF EXISTS analytics_batch_page_pairs`);
  await run(sql`CREATE TEMPORARY TABLE analytics_batch_page_pairs ON COMMIT DROP AS ${pairs(touched)}`);
  await add(db, -1, sql`analytics_batch_page_pairs c`);
  // A page's space, as max() over its events gives it, whichever batches brought them.
  await run(sql`
    INSERT INTO analytics_page_reads AS t (page_id, space_id, first_day, last_day, days)
    SELECT (CASE WHEN ${read} THEN b.object_id END)::uuid, max(b.space_id::text)::uuid,
      min(b.day), max(b.day), analytics_bits_of(array_agg(DISTINCT b.day))
    FROM analytics_batch b
    WHERE ${read}
    GROUP BY 1
    ON CONFLICT (page_id) DO UPDATE SET space_id = greatest(t.space_id::text, excluded.space_id::text)::uuid,
      first_day = least(t.first_day, excluded.first_day), last_day = greatest(t.last_day, excluded.last_day),
      days = analytics_bits_merge(t.first_day, t.days, excluded.first_day, excluded.days)`);
  await add(db, 1, sql`(${pairs(touched)}) c`);
  // A pair no page has any more has no row, as after a rebuild.
  await run(sql`
    DELETE FROM analytics_page_reuse_days t USING analytics_batch_page_pairs c
    WHERE t.day = c.day AND t.prev_day IS NOT DISTINCT FROM c.prev_day AND t.n = 0`);
}
