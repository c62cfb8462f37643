import { z } from 'zod';
import { AnyPassword, Email, LinkToken, Locale, NewPassword, PersonName, Ref, Role } from './primitives.ts';

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  handle: z.string(),
  role: Role,
  locale: Locale,
  jobTitle: z.string().nullable(),
  department: Ref.nullable(),
  site: Ref.nullable(),
  /** care: inbox — may work the customer-care inbox (users.care_agent; administrators may anyway). */
  careAgent: z.boolean(),
  /**
   * May open Analytics (administrators, analysts, owners of a space; never guests), as the
   * analytics policy says when the payload is built: the navigation's entry, not a permission.
   */
  readsAnalytics: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const Organisation = z.object({ name: z.string(), defaultLocale: Locale });

export const SessionInfo = z.object({
  setupRequired: z.boolean(),
  setupTokenRequired: z.boolean(),
  organisation: Organisation.nullable(),
  user: Me.nullable(),
  /** Also set as a cookie; echoed here for clients that cannot read cookies. */
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SetupBody = z.object({
  organisationName: z.string().trim().min(2).max(120),
  name: PersonName,
  email: Email,
  password: NewPassword,
  locale: Locale,
  setupToken: z.string().max(200).optional(),
});
export type SetupBody = z.input<typeof SetupBody>;

export const SignInBody = z.object({ email: Email, password: AnyPassword });
export type SignInBody = z.input<typeof SignInBody>;

export const PasswordChangeBody = z.object({ currentPassword: AnyPassword, newPassword: NewPassword });
export type PasswordChangeBody = z.input<typeof PasswordChangeBody>;

export const ResetRequestBody = z.object({ email: Email });
export type ResetRequestBody = z.input<typeof ResetRequestBody>;

export const ResetCompleteBody = z.object({ token: LinkToken, newPassword: NewPassword });
export type ResetCompleteBody = z.input<typeof ResetCompleteBody>;

export const UpdateMeBody = z
  .object({ name: PersonName.optional(), locale: Locale.optional() })
  .refine((b) => b.name !== undefined || b.locale !== undefined, 'Nothing to change.');
export type UpdateMeBody = z.input<typeof UpdateMeBody>;
