// Who works which moderation case. Administrators work every case; the owners and
// moderators of a space work the cases about content in it. People (and profile posts,
// which live in no space) are the administrators' alone, as is suspending an account.
import type { Membership, Viewer } from '../spaces/visibility.ts';

const managesSpace = (m: Membership) => m === 'owner' || m === 'moderator';

export const moderationPolicy = {
  canWorkCase: (viewer: Viewer, c: { space_id: string | null }, m: Membership) =>
    viewer.role === 'admin' || (c.space_id !== null && managesSpace(m)),
  canSuspend: (viewer: Viewer) => viewer.role === 'admin',
  /** Approving held posts: the space's owners and moderators, and administrators. */
  canApprove: (viewer: Viewer, m: Membership) => viewer.role === 'admin' || managesSpace(m),
  canSetOrganisationPremoderation: (viewer: Viewer) => viewer.role === 'admin',
  canSetSpacePremoderation: (viewer: Viewer, m: Membership) => viewer.role === 'admin' || m === 'owner',
};
