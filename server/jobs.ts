// Every background job this process knows how to run, by name.
import type { AppContext } from './context.ts';
import { RESET_JOB, sendPasswordReset } from './modules/auth/commands/passwords.ts';
import type { JobHandler } from './platform/jobs/queue.ts';
import { deliverMail, MAIL_JOB } from './platform/mail/outbox.ts';

export function jobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [MAIL_JOB]: deliverMail(ctx) as JobHandler,
    [RESET_JOB]: sendPasswordReset(ctx),
  };
}
