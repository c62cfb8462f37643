import type { ExternalSettings, GuestInvitation } from '../../../common/schemas/external.ts';
import type { ExternalRules } from './policies.ts';
import type { GuestInvitationRow } from './queries.ts';

export function presentSettings(rules: ExternalRules, canCreateExternal: boolean): ExternalSettings {
  return {
    externalSpaceCreators: rules.external_space_creators,
    guestInviters: rules.guest_inviters,
    canCreateExternal,
  };
}

export function presentGuestInvitation(i: GuestInvitationRow): GuestInvitation {
  return {
    id: i.id,
    email: i.email,
    invitedBy: i.inviter_name ? { id: i.invited_by, name: i.inviter_name } : null,
    createdAt: i.created_at.toISOString(),
    expiresAt: i.expires_at.toISOString(),
  };
}
