import type { Invitation } from '../../../common/schemas/invitations.ts';
import type { InvitationRow } from '../../db/schema.ts';

export function invitationStatus(i: InvitationRow, now: Date): Invitation['status'] {
  if (i.accepted_at) return 'accepted';
  if (i.revoked_at) return 'revoked';
  return i.expires_at.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function presentInvitation(i: InvitationRow & { inviter_name: string | null }, now: Date): Invitation {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    locale: i.locale,
    status: invitationStatus(i, now),
    invitedBy: i.inviter_name ? { id: i.invited_by, name: i.inviter_name } : null,
    createdAt: i.created_at.toISOString(),
    expiresAt: i.expires_at.toISOString(),
    acceptedAt: i.accepted_at?.toISOString() ?? null,
  };
}
