// Policies answer "may this actor do this?" as plain functions, one file per domain
// (modules/<domain>/policies.ts). Routes call authorize() with their answer.
import { forbidden } from './errors.ts';

export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
