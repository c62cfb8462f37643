// Weeks in SQL, shared by every domain that charts or rolls up by week (care insight, the
// analytics dashboards and roll-ups): a week is Monday to Sunday, in UTC.
import { sql } from 'kysely';

/** The Monday (UTC) of a time column's ISO week, as YYYY-MM-DD. */
export const weekOf = (column: string) =>
  sql<string>`to_char(date_trunc('week', ${sql.ref(column)} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;

/** The Monday of a date column's ISO week, as a date (pure date arithmetic: no time zone). */
export const WEEK = (column: string) =>
  sql`(${sql.ref(column)} - (extract(isodow FROM ${sql.ref(column)})::int - 1))`;
