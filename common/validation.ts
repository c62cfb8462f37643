// Turns zod issues into the field issues the API returns and the forms display,
// so a field error reads the same whether the browser or the server caught it.
import type { z } from 'zod';
import type { FieldIssue } from './errors.ts';

// `input` (the value that was parsed) lets a missing field read "required" rather than "invalid_type".
export function toFieldIssues(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { problem?: string } }).params;
    let reason: string = issue.code;
    if (params?.problem) reason = params.problem;
    else if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) reason = 'required';
    return { field: issue.path.map(String).join('.'), reason, message: issue.message };
  });
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}
