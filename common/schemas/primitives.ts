// Building blocks of the API contracts. Inputs are trimmed and bounded here, once.
import { z } from 'zod';
import { PASSWORD_MAX, passwordProblem } from '../passwords.ts';

export const LOCALES = ['fr', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const ROLES = ['admin', 'member', 'guest'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Id = z.uuid();

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

export const PersonName = z.string().trim().min(1, 'Enter a name.').max(120);

/** A password being chosen: long enough, not a common one. */
export const NewPassword = z
  .string()
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters.`)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: `Password ${problem.replace('_', ' ')}.`,
        params: { problem },
      });
  });

/** A password being checked: never trimmed, bounded so hashing stays cheap. */
export const AnyPassword = z.string().min(1, 'Enter your password.').max(1000);

/** Opaque token from an emailed link. */
export const LinkToken = z.string().min(20).max(200);

export const Cursor = z.string().max(400).optional();
export const Limit = z.coerce.number().int().min(1).max(100).default(25);

export const Ref = z.object({ id: z.string(), name: z.string() });

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const DateTime = z.iso.datetime({ offset: true });
