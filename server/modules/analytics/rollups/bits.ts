// Bitmaps of days (bit varying, the first bit for `first_day`) as the refresh adds to them.
// Most of a refresh's rows bring one day the row already has (a person active again today):
// both helpers keep those from costing a function call or a new row version.

import { type RawBuilder, sql } from 'kysely';

/**
 * The bitmap of the `day`s of a group, from the earliest: a lone day is B'1' without calling
 * analytics_bits_of (a query per row, the larger part of the actors' statement).
 */
export const bitsOfDays = (day: RawBuilder<unknown>) =>
  sql`CASE WHEN min(${day}) = max(${day}) THEN B'1'::bit varying
    ELSE analytics_bits_of(array_agg(DISTINCT ${day})) END`;

/**
 * In ON CONFLICT DO UPDATE … WHERE: the batch's days (`excluded`) are not all in the row's
 * already (`t`), so the row has something to change (`first_day` and `days` only). A CASE,
 * whose order PostgreSQL keeps: the AND of the bits is only defined once the lengths match.
 */
export const BITS_ADDED = sql`CASE
  WHEN excluded.first_day < t.first_day
    OR excluded.first_day + length(excluded.days) > t.first_day + length(t.days) THEN true
  ELSE substring(t.days FROM excluded.first_day - t.first_day + 1 FOR length(excluded.days)) & excluded.days
    <> excluded.days
  END`;
