// Recurring jobs ("every day at 03:00 UTC") on top of the durable queue. Each task's next
// time lives in `scheduled_tasks`; a worker that finds it due moves it forward and enqueues
// the job in the same statement, so with several worker processes exactly one wins, and a
// restart neither loses nor repeats a day.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface RecurringTask {
  /** Row in scheduled_tasks. */
  name: string;
  /** The job enqueued each time it is due. */
  job: string;
  /** The next time after `now` it should run. */
  nextAfter(now: Date): Date;
}

/** Every day at `hour`:00 UTC. */
export function dailyAtUtc(hour: number): (now: Date) => Date {
  return (now) => {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
    if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
    return next;
  };
}

/** Every `n` minutes, on the clock (for n = 5: :00, :05, :10… UTC). */
export function everyMinutes(n: number): (now: Date) => Date {
  const step = n * 60_000;
  return (now) => new Date((Math.floor(now.getTime() / step) + 1) * step);
}

/** Creates the rows of tasks never scheduled before (first run: their next time after now). */
export async function registerTasks(db: Db, now: Date, tasks: RecurringTask[]): Promise<void> {
  for (const task of tasks) {
    await db
      .insertInto('scheduled_tasks')
      .values({ name: task.name, next_run_at: task.nextAfter(now) })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
}

/** Enqueues the job of every task that is due; returns how many were enqueued. */
export async function enqueueDueTasks(db: Db, now: Date, tasks: RecurringTask[]): Promise<number> {
  let enqueued = 0;
  for (const task of tasks) {
    const result = await sql<{ id: number }>`
      WITH won AS (
        UPDATE scheduled_tasks SET next_run_at = ${task.nextAfter(now)}
        WHERE name = ${task.name} AND next_run_at <= ${now}
        RETURNING name
      )
      INSERT INTO jobs (name, payload, status, run_at, max_attempts, created_at)
      SELECT ${task.job}, '{}'::jsonb, 'queued', ${now}, 5, ${now} FROM won
      RETURNING id`.execute(db);
    enqueued += result.rows.length;
  }
  return enqueued;
}
