// Who works which moderation case. The owners and moderators of a space work the cases about
// content in it; administrators work the cases in spaces they may read themselves (open
// spaces and their own) — their role gives them no way into a private or secret space, which
// its own moderators look after. People (and profile posts, which live in no space) are the
// administrators' alone, as is suspending an account.
import type { Membership, Viewer } from '../spaces/visibility.ts';

const managesSpace = (m: Membership) => m === 'owner' || m === 'moderator';

/** The viewer's role in a case's space, and whether that space is open. */
export interface Place {
  membership: Membership;
  open: boolean;
}
const adminReads = (viewer: Viewer, place: Place) =>
  viewer.role === 'admin' && (place.membership !== null || place.open);

export const moderationPolicy = {
  canWorkCase: (viewer: Viewer, c: { space_id: string | null }, place: Place) =>
    c.space_id === null
      ? viewer.role === 'admin'
      : managesSpace(place.membership) || adminReads(viewer, place),
  canSuspend: (viewer: Viewer) => viewer.role === 'admin',
  /** Approving held posts: the space's owners and moderators, and administrators who may read it. */
  canApprove: (viewer: Viewer, place: Place) => managesSpace(place.membership) || adminReads(viewer, place),
  canSetOrganisationPremoderation: (viewer: Viewer) => viewer.role === 'admin',
  canSetSpacePremoderation: (viewer: Viewer, m: Membership) => viewer.role === 'admin' || m === 'owner',
};
