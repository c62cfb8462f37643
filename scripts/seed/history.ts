// The seeded past as the real commands would have logged it: audit and activity rows with
// exactly the shape audit() and recordActivity() write, built in memory for batch inserts.
import type { Db } from '../../server/db/database.ts';
import { activityRow } from '../../server/platform/activity.ts';
import { auditRow } from '../../server/platform/audit.ts';

export { activityRow, auditRow };

const BATCH = 1000;

/** Multi-row inserts of 1,000 rows: few round trips, far below PostgreSQL's 65,535 parameters. */
// biome-ignore lint/suspicious/noExplicitAny: rows of several tables go through one helper.
export async function insertBatched(db: Db, table: any, rows: any[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** Where the administrator worked from; other people sign in from the office networks. */
export const ADMIN_META = { ip: '10.20.0.12', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' };
