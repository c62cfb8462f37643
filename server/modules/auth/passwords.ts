import { passwordProblem } from '../../../common/passwords.ts';
import { ValidationError } from '../../platform/errors.ts';

/** The one rule the shared schema cannot check alone: the password must not contain the email. */
export function assertPasswordFits(field: string, password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    throw new ValidationError([
      { field, reason: problem, message: `Password ${problem.replace('_', ' ')}.` },
    ]);
  }
}
