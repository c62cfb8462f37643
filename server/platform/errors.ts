// The one module of error classes. Each carries its HTTP status, a stable code the
// clients rely on, and whether it is worth logging (5xx are; a wrong password is not).
import type { ErrorCode, FieldIssue } from '../../common/errors.ts';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  get shouldLog(): boolean {
    return this.status >= 500;
  }
}

export class ValidationError extends AppError {
  constructor(issues: FieldIssue[], message?: string) {
    super(
      400,
      'validation_failed',
      message ?? `Invalid ${issues.map((i) => i.field || 'request').join(', ')}: ${issues[0]?.message ?? ''}`,
      { issues },
    );
  }
}

export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`);
export const conflict = (code: ErrorCode, message: string) => new AppError(409, code, message);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'rate_limited',
    `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
