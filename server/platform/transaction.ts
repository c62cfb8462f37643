// A unit of work: one database transaction, one "now" for every row it writes, and
// callbacks that run only once it has committed (publishing events, waking workers).
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { CHANGES_CHANNEL } from './cache/changes.ts';
import { newToken } from './tokens.ts';

export interface Tx {
  db: Transaction<Database>;
  now: Date;
  ctx: AppContext;
  afterCommit(fn: () => void | Promise<void>): void;
}

export async function inTransaction<T>(ctx: AppContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const callbacks: (() => void | Promise<void>)[] = [];
  const now = ctx.clock.now();
  // What the transaction changed, as its triggers noted it (see platform/cache/changes.ts):
  // read last, applied to this process's caches once committed — before anyone hears back.
  let changed: string | null = null;
  const result = await ctx.db.transaction().execute(async (db) => {
    const value = await work({ db, now, ctx, afterCommit: (fn) => callbacks.push(fn) });
    const row = await sql<{
      keys: string | null;
    }>`SELECT current_setting('trame.changes', true) AS keys`.execute(db);
    changed = row.rows[0]?.keys ?? null;
    return value;
  });
  if (changed) ctx.changes.committed(changed);
  for (const fn of callbacks) {
    try {
      await fn();
    } catch (error) {
      ctx.logger.error({ err: error }, 'after-commit callback failed');
    }
  }
  return result;
}

/**
 * Waits until this process's caches have heard every change committed so far — for writes
 * made outside inTransaction (scripts, tests writing rows directly) that are read back at once.
 */
export async function caughtUp(ctx: AppContext): Promise<void> {
  const marker = newToken();
  const heard = ctx.changes.expect(marker);
  try {
    await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${`tx:${marker}`})`.execute(ctx.db);
  } catch (error) {
    heard.cancel();
    throw error;
  }
  await heard.arrived;
}
