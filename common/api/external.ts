// Endpoints of external spaces: who may create them and invite guests, and guest
// invitations by email from a space's Members tab.
import { endpoint } from '../endpoint.ts';
import {
  ExternalSettings,
  ExternalSettingsBody,
  GuestInvitation,
  GuestInvitationList,
  GuestInvitationParams,
  GuestInviteBody,
  GuestInviteResult,
} from '../schemas/external.ts';
import { SpaceRefParams } from '../schemas/spaces.ts';

const tags = ['external'];

export const externalApi = {
  getExternalSettings: endpoint({
    method: 'GET',
    path: '/api/v1/external/settings',
    operationId: 'getExternalSettings',
    tags,
    access: 'signed-in',
    summary:
      'Who may create external spaces and invite guests, and whether the viewer may create one (colleagues).',
    response: ExternalSettings,
  }),
  updateExternalSettings: endpoint({
    method: 'PUT',
    path: '/api/v1/external/settings',
    operationId: 'updateExternalSettings',
    tags,
    access: 'signed-in',
    summary: 'Choose who may create external spaces and invite guests (administrators; audited).',
    body: ExternalSettingsBody,
    response: ExternalSettings,
  }),
  listGuestInvitations: endpoint({
    method: 'GET',
    path: '/api/v1/spaces/:space/guest-invitations',
    operationId: 'listGuestInvitations',
    tags,
    access: 'signed-in',
    summary:
      'Pending email invitations of guests into an external space (owners, moderators, administrators).',
    params: SpaceRefParams,
    response: GuestInvitationList,
  }),
  inviteGuest: endpoint({
    method: 'POST',
    path: '/api/v1/spaces/:space/guest-invitations',
    operationId: 'inviteGuest',
    tags,
    access: 'signed-in',
    summary:
      'Invite someone by email into an external space: a new guest gets an invitation mail, an existing account an invitation to the space.',
    params: SpaceRefParams,
    body: GuestInviteBody,
    response: GuestInviteResult,
  }),
  revokeGuestInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/spaces/:space/guest-invitations/:id/revoke',
    operationId: 'revokeGuestInvitation',
    tags,
    access: 'signed-in',
    summary: 'Revoke a pending guest invitation: its link stops working (audited).',
    params: GuestInvitationParams,
    response: GuestInvitation,
  }),
} as const;
