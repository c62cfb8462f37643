// Who may open external spaces and bring guests in, from the organisation's settings
// (Admin → External spaces). Guests themselves never do either.
import type { ExternalSpaceCreators, GuestInviters, Role } from '../../db/schema.ts';
import type { Membership } from '../spaces/visibility.ts';

export interface ExternalRules {
  external_space_creators: ExternalSpaceCreators;
  guest_inviters: GuestInviters;
}

interface Viewer {
  id: string;
  role: Role;
}

const isManager = (m: Membership) => m === 'owner' || m === 'moderator';

export const externalPolicy = {
  canChangeSettings: (actor: Viewer) => actor.role === 'admin',
  canReadSettings: (actor: Viewer) => actor.role !== 'guest',
  /** Creating an external space, or making an existing one external. */
  canCreateExternal: (actor: Viewer, rules: ExternalRules) =>
    actor.role === 'admin' || (actor.role === 'member' && rules.external_space_creators === 'members'),
  /** Inviting guests (by email or from the people picker) into an external space. */
  canInviteGuests: (actor: Viewer, m: Membership, rules: ExternalRules) =>
    actor.role === 'admin' ||
    (actor.role === 'member' && rules.guest_inviters === 'managers' && isManager(m)),
  /** Seeing and revoking a space's pending guest invitations. */
  canSeeGuestInvitations: (actor: Viewer, m: Membership) =>
    actor.role === 'admin' || (actor.role !== 'guest' && isManager(m)),
};
