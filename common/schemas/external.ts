// External spaces and guests: the organisation's settings, and inviting guests by email
// into an external space.
import { z } from 'zod';
import { DateTime, Email, Id, Locale, Ref } from './primitives.ts';

export const EXTERNAL_SPACE_CREATORS = ['admins', 'members'] as const;
export const ExternalSpaceCreators = z.enum(EXTERNAL_SPACE_CREATORS);
export const GUEST_INVITERS = ['admins', 'managers'] as const;
export const GuestInviters = z.enum(GUEST_INVITERS);

export const ExternalSettingsBody = z.object({
  /** admins: administrators only; members: any member. */
  externalSpaceCreators: ExternalSpaceCreators,
  /** admins: administrators only; managers: owners and moderators of external spaces. */
  guestInviters: GuestInviters,
});
export type ExternalSettingsBody = z.input<typeof ExternalSettingsBody>;

export const ExternalSettings = ExternalSettingsBody.extend({
  /** Whether the viewer may create external spaces (or make one external). */
  canCreateExternal: z.boolean(),
});
export type ExternalSettings = z.infer<typeof ExternalSettings>;

export const GuestInviteBody = z.object({
  email: Email,
  /** The language of the invitation mail, for someone who has no account yet. */
  locale: Locale,
  message: z.string().trim().max(1000).optional(),
});
export type GuestInviteBody = z.input<typeof GuestInviteBody>;

export const GuestInvitation = z.object({
  id: z.string(),
  email: z.string(),
  invitedBy: Ref.nullable(),
  createdAt: DateTime,
  expiresAt: DateTime,
});
export type GuestInvitation = z.infer<typeof GuestInvitation>;

/**
 * emailed: no account yet, an invitation mail left; invited: an existing guest or colleague
 * was invited into the space (they accept by joining); already_member: nothing to do.
 */
export const GuestInviteResult = z.object({
  outcome: z.enum(['emailed', 'invited', 'already_member']),
  invitation: GuestInvitation.nullable(),
});
export type GuestInviteResult = z.infer<typeof GuestInviteResult>;

export const GuestInvitationList = z.object({
  items: z.array(GuestInvitation),
  /** Whether the viewer may invite guests here (the organisation's setting and their role). */
  canInvite: z.boolean(),
});
export type GuestInvitationList = z.infer<typeof GuestInvitationList>;

export const GuestInvitationParams = z.object({ space: z.string().trim().min(1).max(80), id: Id });
