// Who may do what with a space, from the visibility rule and the viewer's role in it.
// The `can` flags the API returns come from here too, so the web app shows exactly the
// buttons the server will accept.
import type { Actor } from '../../platform/http/request.ts';
import { canListSpace, canReadSpace, type Membership, type SpaceFacts, type Viewer } from './visibility.ts';

export type PendingRequest = 'requested' | 'invited' | null;

const isManager = (m: Membership) => m === 'owner' || m === 'moderator';

export const spacesPolicy = {
  /** Guests take part in the spaces they are invited to; they do not open new ones. */
  canCreate: (actor: Actor) => actor.role !== 'guest',
  canJoin: (viewer: Viewer, space: SpaceFacts, m: Membership, pending: PendingRequest) => {
    if (m || space.archived_at) return false;
    if (pending === 'invited') return true;
    return canListSpace(viewer, space, m) && space.visibility !== 'secret' && pending !== 'requested';
  },
  canManage: (viewer: Viewer, m: Membership) => m === 'owner' || viewer.role === 'admin',
  canModerate: (viewer: Viewer, m: Membership) => isManager(m) || viewer.role === 'admin',
  /** Owners and moderators invite, approve and decline. */
  canHandleRequests: (m: Membership) => isManager(m),
  canSeeMembers: (viewer: Viewer, space: SpaceFacts, m: Membership) => canReadSpace(viewer, space, m),
  canChangeRoles: (viewer: Viewer, m: Membership) => m === 'owner' || viewer.role === 'admin',
  /** Owners remove anyone; moderators remove plain members. */
  canRemove: (viewer: Viewer, m: Membership, target: Membership) =>
    m === 'owner' || viewer.role === 'admin' || (m === 'moderator' && target === 'member'),
};

export function spaceCan(viewer: Viewer, space: SpaceFacts, m: Membership, pending: PendingRequest) {
  return {
    read: canReadSpace(viewer, space, m),
    post: m !== null && !space.archived_at,
    join: spacesPolicy.canJoin(viewer, space, m, pending),
    manage: spacesPolicy.canManage(viewer, m),
    moderate: spacesPolicy.canModerate(viewer, m),
  };
}
