import { z } from 'zod';
import {
  Cursor,
  DateTime,
  Email,
  Limit,
  LinkToken,
  Locale,
  NewPassword,
  Page,
  PersonName,
  Ref,
  Role,
} from './primitives.ts';

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export const InvitationStatus = z.enum(INVITATION_STATUSES);

export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  locale: Locale,
  status: InvitationStatus,
  invitedBy: Ref.nullable(),
  createdAt: DateTime,
  expiresAt: DateTime,
  acceptedAt: DateTime.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationPage = Page(Invitation);
export type InvitationPage = z.infer<typeof InvitationPage>;

export const InvitationListQuery = z.object({
  status: InvitationStatus.optional(),
  cursor: Cursor,
  limit: Limit,
});

export const InvitationCreateBody = z.object({
  email: Email,
  role: Role.default('member'),
  locale: Locale,
  message: z.string().trim().max(1000).optional(),
});
export type InvitationCreateBody = z.input<typeof InvitationCreateBody>;

export const InvitationTokenBody = z.object({ token: LinkToken });

export const InvitationPreview = z.object({
  email: z.string(),
  organisationName: z.string(),
  inviterName: z.string(),
  role: Role,
  locale: Locale,
  message: z.string().nullable(),
  expiresAt: DateTime,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const InvitationAcceptBody = z.object({
  token: LinkToken,
  name: PersonName,
  password: NewPassword,
  locale: Locale,
});
export type InvitationAcceptBody = z.input<typeof InvitationAcceptBody>;
