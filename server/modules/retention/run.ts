// The retention job: deletes expired posts batch by batch (each batch one bounded
// transaction), skipping held ones, and records the run. One run at a time (a unique index
// on the running row), whichever process or button started it; a run interrupted by a crash
// is resumed by the job's retry, since each batch simply takes the next expired posts.
import type { AppContext } from '../../context.ts';
import type { RetentionRunCount, RetentionRunTable } from '../../db/schema.ts';
import { recordActivity } from '../../platform/activity.ts';
import type { RequestMeta } from '../../platform/audit.ts';
import { audit } from '../../platform/audit.ts';
import { conflict } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { newId } from '../../platform/ids.ts';
import { enqueue, type JobHandler } from '../../platform/jobs/queue.ts';
import { dailyAtUtc, type RecurringTask } from '../../platform/jobs/schedule.ts';
import { sweepFileDeletions } from '../../platform/storage/deletions.ts';
import { inTransaction, type Tx } from '../../platform/transaction.ts';
import { countExpired, expiredPosts } from './expiry.ts';
import { purgePosts } from './purge-posts.ts';

export const RETENTION_JOB = 'retention.apply';
/** Posts deleted per transaction. */
export const RETENTION_BATCH = 100;

export function retentionTask(hourUtc: number): RecurringTask {
  return { name: 'retention.daily', job: RETENTION_JOB, nextAfter: dailyAtUtc(hourUtc) };
}

const NO_META: RequestMeta = { ip: null, userAgent: null };

async function insertRun(
  tx: Tx,
  trigger: RetentionRunTable['trigger'],
  actor: Actor | null,
): Promise<string | null> {
  const id = newId(tx.now.getTime());
  const row = await tx.db
    .insertInto('retention_runs')
    .values({ id, trigger, requested_by: actor?.id ?? null, status: 'running', started_at: tx.now })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** "Run now" from the admin page: records the run and enqueues its job. */
export async function requestRun(ctx: AppContext, actor: Actor): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const id = await insertRun(tx, 'manual', actor);
    if (!id) throw conflict('retention_running', 'A retention run is already in progress.');
    await enqueue(tx, RETENTION_JOB, { runId: id }, { maxAttempts: 5 });
    return id;
  });
}

export function applyRetention(ctx: AppContext): JobHandler {
  return async (payload, job) => {
    let runId = typeof payload.runId === 'string' ? payload.runId : null;
    if (!runId) {
      // The daily schedule: nothing to record while every rule keeps forever.
      const deleting = await ctx.db
        .selectFrom('retention_rules')
        .select('key')
        .where('keep_days', 'is not', null)
        .executeTakeFirst();
      if (!deleting) return;
      runId = await inTransaction(ctx, async (tx) => {
        const id = await insertRun(tx, 'schedule', null);
        // Remembered on the job, so a retry after a crash resumes this run.
        if (id) {
          await tx.db
            .updateTable('jobs')
            .set({ payload: JSON.stringify({ runId: id }) })
            .where('id', '=', job.id)
            .execute();
        }
        return id;
      });
      if (!runId) return; // another run is in progress and covers today
    }
    try {
      await executeRun(ctx, runId, job.id);
    } catch (error) {
      if (job.attempts >= job.max_attempts) {
        await ctx.db
          .updateTable('retention_runs')
          .set({ status: 'failed', finished_at: ctx.clock.now() })
          .where('id', '=', runId)
          .where('status', '=', 'running')
          .execute();
      }
      throw error;
    }
  };
}

function addCounts(details: RetentionRunCount[], entry: Omit<RetentionRunCount, 'held'> & { held?: number }) {
  let row = details.find((d) => d.rule === entry.rule && d.spaceId === entry.spaceId);
  if (!row) {
    row = {
      rule: entry.rule,
      spaceId: entry.spaceId,
      spaceName: entry.spaceName,
      posts: 0,
      comments: 0,
      files: 0,
      held: 0,
    };
    details.push(row);
  }
  row.posts += entry.posts;
  row.comments += entry.comments;
  row.files += entry.files;
  row.held += entry.held ?? 0;
}

async function lockRun(tx: Tx, runId: string) {
  return tx.db
    .selectFrom('retention_runs')
    .selectAll()
    .where('id', '=', runId)
    .forUpdate()
    .executeTakeFirst();
}

export async function executeRun(ctx: AppContext, runId: string, jobId?: number): Promise<void> {
  await sweepFileDeletions(ctx);
  for (;;) {
    const more = await inTransaction(ctx, async (tx) => {
      const run = await lockRun(tx, runId);
      if (run?.status !== 'running') return false;
      const batch = await expiredPosts(tx.db, tx.now, { deletableOnly: true, limit: RETENTION_BATCH });
      if (batch.length === 0) return false;
      const result = await purgePosts(
        tx,
        batch.map((p) => p.id),
      );
      const details = [...run.details];
      for (const post of batch) {
        const counts = result.byPost.get(post.id);
        if (!counts) continue;
        addCounts(details, {
          rule: post.rule_key,
          spaceId: post.space_id,
          spaceName: post.space_name,
          posts: 1,
          comments: counts.comments,
          files: counts.files,
        });
      }
      await tx.db
        .updateTable('retention_runs')
        .set({
          deleted_posts: run.deleted_posts + result.posts,
          deleted_comments: run.deleted_comments + result.comments,
          deleted_files: run.deleted_files + result.files,
          details: JSON.stringify(details),
        })
        .where('id', '=', runId)
        .execute();
      if (jobId !== undefined) {
        // Still working: keep other workers from taking this job over.
        await tx.db
          .updateTable('jobs')
          .set({ locked_until: new Date(tx.now.getTime() + 5 * 60_000) })
          .where('id', '=', jobId)
          .execute();
      }
      return batch.length === RETENTION_BATCH;
    });
    if (!more) break;
  }
  await finishRun(ctx, runId);
}

async function finishRun(ctx: AppContext, runId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const run = await lockRun(tx, runId);
    if (run?.status !== 'running') return;
    const details = [...run.details];
    let held = 0;
    for (const count of await countExpired(tx.db, tx.now)) {
      if (count.held === 0) continue;
      held += count.held;
      addCounts(details, { ...count, posts: 0, comments: 0, files: 0 });
    }
    await tx.db
      .updateTable('retention_runs')
      .set({ status: 'done', finished_at: tx.now, skipped_held: held, details: JSON.stringify(details) })
      .where('id', '=', runId)
      .execute();
    const requester = run.requested_by
      ? await tx.db
          .selectFrom('users')
          .select(['id', 'name', 'email'])
          .where('id', '=', run.requested_by)
          .executeTakeFirst()
      : undefined;
    const counts = {
      posts: run.deleted_posts,
      comments: run.deleted_comments,
      files: run.deleted_files,
      skippedHeld: held,
    };
    await audit(tx.db, {
      action: 'retention.applied',
      actor: requester ? { id: requester.id, label: `${requester.name} <${requester.email}>` } : null,
      target: { type: 'retention_run', id: runId, label: run.trigger },
      details: { ...counts, byRule: details },
      meta: NO_META,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: requester?.id ?? null,
      verb: 'retention.applied',
      objectType: 'retention_run',
      objectId: runId,
      data: counts,
      at: tx.now,
    });
  });
}
