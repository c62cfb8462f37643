// Weeks in SQL, shared by every domain that charts by week (care insight, the analytics
// dashboards): a week is Monday to Sunday, in UTC.
import { sql } from 'kysely';

/** The Monday (UTC) of a time column's ISO week, as YYYY-MM-DD. */
export const weekOf = (column: string) =>
  sql<string>`to_char(date_trunc('week', ${sql.ref(column)} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
