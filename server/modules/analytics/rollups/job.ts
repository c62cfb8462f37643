// The roll-ups follow the log every few minutes: a recurring task enqueues the refresh job,
// which recomputes the days touched since the last refresh (see refresh.ts).
import type { AppContext } from '../../../context.ts';
import type { JobHandler } from '../../../platform/jobs/queue.ts';
import { everyMinutes, type RecurringTask } from '../../../platform/jobs/schedule.ts';
import { refreshRollups } from './refresh.ts';

export const ANALYTICS_REFRESH_JOB = 'analytics.refresh';
/** How often the dashboards catch up with the log. */
export const ANALYTICS_REFRESH_MINUTES = 5;

export function analyticsRefreshTask(): RecurringTask {
  return {
    name: 'analytics.refresh',
    job: ANALYTICS_REFRESH_JOB,
    nextAfter: everyMinutes(ANALYTICS_REFRESH_MINUTES),
  };
}

export function refreshAnalytics(ctx: AppContext): JobHandler {
  return async () => {
    const started = Date.now();
    const result = await refreshRollups(ctx.db, ctx.clock.now());
    ctx.logger.info({ days: result.days, ms: Date.now() - started }, 'analytics roll-ups refreshed');
  };
}
