// A durable job queue in the database: rows in `jobs`, claimed with
// FOR UPDATE SKIP LOCKED so several workers (processes) never take the same job.
// Jobs are enqueued in the transaction of the action that needs them, so they exist
// exactly when that action committed.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { JobRow } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Tx } from '../transaction.ts';
import { enqueueDueTasks, type RecurringTask, registerTasks } from './schedule.ts';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
}

export async function enqueue(
  tx: Tx,
  name: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  await tx.db
    .insertInto('jobs')
    .values({
      name,
      payload: JSON.stringify(payload),
      status: 'queued',
      run_at: options.runAt ?? tx.now,
      max_attempts: options.maxAttempts ?? 8,
      created_at: tx.now,
    })
    .execute();
  tx.afterCommit(() => tx.ctx.jobs?.nudge());
}

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

/** How long a claimed job stays invisible to other workers before it counts as abandoned. */
const LEASE_MS = 5 * 60_000;

export async function claimDue(db: Db, now: Date, limit: number): Promise<JobRow[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const result = await sql<JobRow>`
    UPDATE jobs SET locked_until = ${leaseUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE status = 'queued' AND run_at <= ${now} AND (locked_until IS NULL OR locked_until < ${now})
      ORDER BY run_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  return result.rows;
}

/** Retry after 10 s, 20 s, 40 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

export class Worker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  #registered = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handlers: Record<string, JobHandler>,
    private readonly log: { error(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void },
    private readonly pollMs = 1000,
    private readonly recurring: RecurringTask[] = [],
  ) {}

  start(): void {
    this.#stopped = false;
    this.nudge();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Look for due jobs now (called after a commit that enqueued one). */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.runDue()
      .then(() => undefined)
      .catch((error) => this.log.error({ err: error }, 'job worker pass failed'))
      .finally(() => {
        this.#running = undefined;
        if (this.#stopped) return;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        } else {
          this.#timer = setTimeout(() => this.nudge(), this.pollMs);
          this.#timer.unref();
        }
      });
  }

  /** Runs every job that is due, batch by batch; returns how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    if (this.recurring.length > 0) {
      if (!this.#registered) await registerTasks(this.db, this.clock.now(), this.recurring);
      this.#registered = true;
      await enqueueDueTasks(this.db, this.clock.now(), this.recurring);
    }
    for (;;) {
      const jobs = await claimDue(this.db, this.clock.now(), 10);
      if (jobs.length === 0) return ran;
      for (const job of jobs) await this.#run(job);
      ran += jobs.length;
    }
  }

  async #run(job: JobRow): Promise<void> {
    const handler = this.handlers[job.name];
    try {
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      await handler(job.payload, job);
      await this.db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: this.clock.now(), locked_until: null, last_error: null })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.max_attempts;
      this.log.warn(
        { job: job.id, name: job.name, attempts: job.attempts, final, error: message },
        'job failed',
      );
      await this.db
        .updateTable('jobs')
        .set({
          status: final ? 'failed' : 'queued',
          run_at: new Date(this.clock.now().getTime() + backoffMs(job.attempts)),
          finished_at: final ? this.clock.now() : null,
          locked_until: null,
          last_error: message.slice(0, 2000),
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
