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
  // A marker sent last: once it arrives back, the caches of this process have heard every
  // change this transaction made, so whoever made it reads it back (see cache/changes.ts).
  const marker = newToken();
  const heard = ctx.changes.expect(marker);
  let result: T;
  try {
    result = await ctx.db.transaction().execute(async (db) => {
      const value = await work({ db, now, ctx, afterCommit: (fn) => callbacks.push(fn) });
      await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${`tx:${marker}`})`.execute(db);
      return value;
    });
  } catch (error) {
    heard.cancel();
    throw error;
  }
  await heard.arrived;
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
