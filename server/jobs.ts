// Every background job this process knows how to run, by name.
import type { AppContext } from './context.ts';
import { ANALYTICS_FORGET_TARGET_JOB, forgetTarget } from './modules/analytics/forget.ts';
import {
  ANALYTICS_REFRESH_JOB,
  analyticsRefreshTask,
  refreshAnalytics,
} from './modules/analytics/rollups/job.ts';
import { cleanupOrphan, ORPHAN_CLEANUP_JOB } from './modules/attachments/commands.ts';
import { RESET_JOB, sendPasswordReset } from './modules/auth/commands/passwords.ts';
// care: inbox
import { CARE_DELIVER_JOB, deliverReply } from './modules/care/deliver.ts';
import { CARE_SLA_WATCH_JOB, careSlaWatchTask, watchSla } from './modules/care/sla-watch.ts';
import { EVENT_REMINDER_JOB, remindAttendees } from './modules/events/commands.ts';
import { LINK_PREVIEW_JOB, previewLink } from './modules/links/preview-job.ts';
import { REMOVE_FILES_JOB, removeFiles } from './modules/privacy/erase.ts';
import { buildExport, EXPORT_BUILD_JOB, EXPORT_EXPIRE_JOB, expireExport } from './modules/privacy/exports.ts';
import { applyRetention, RETENTION_JOB, retentionTask } from './modules/retention/run.ts';
import type { JobHandler } from './platform/jobs/queue.ts';
import type { RecurringTask } from './platform/jobs/schedule.ts';
import { deliverMail, MAIL_JOB } from './platform/mail/outbox.ts';

export function jobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [MAIL_JOB]: deliverMail(ctx) as JobHandler,
    [RESET_JOB]: sendPasswordReset(ctx),
    [LINK_PREVIEW_JOB]: previewLink(ctx),
    [ORPHAN_CLEANUP_JOB]: cleanupOrphan(ctx),
    [EVENT_REMINDER_JOB]: remindAttendees(ctx),
    [RETENTION_JOB]: applyRetention(ctx),
    [EXPORT_BUILD_JOB]: buildExport(ctx),
    [EXPORT_EXPIRE_JOB]: expireExport(ctx),
    [REMOVE_FILES_JOB]: removeFiles(ctx),
    [ANALYTICS_REFRESH_JOB]: refreshAnalytics(ctx),
    [ANALYTICS_FORGET_TARGET_JOB]: forgetTarget(ctx),
    // care: inbox
    [CARE_DELIVER_JOB]: deliverReply(ctx),
    [CARE_SLA_WATCH_JOB]: watchSla(ctx),
  };
}

/** Jobs that run on a schedule (each due time once across every worker process). */
export function recurringTasks(ctx: AppContext): RecurringTask[] {
  return [
    retentionTask(ctx.config.RETENTION_HOUR_UTC),
    analyticsRefreshTask(),
    careSlaWatchTask(), // care: inbox
  ];
}
