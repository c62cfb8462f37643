// Who may do what with events, once the space is readable (spaces/visibility.ts): its
// members create and answer; the organiser and the space's managers change or cancel.
import type { Membership, Viewer } from '../spaces/visibility.ts';

const managesSpace = (membership: Membership) => membership === 'owner' || membership === 'moderator';

export const eventsPolicy = {
  canCreate: (membership: Membership, space: { archived_at: Date | null }) =>
    membership !== null && space.archived_at === null,
  canEdit: (actor: Viewer, event: { created_by: string | null }, membership: Membership) =>
    event.created_by === actor.id || managesSpace(membership) || actor.role === 'admin',
  /** Anyone who reads the space may say whether they come; guests only in their spaces. */
  canAnswer: (actor: Viewer, membership: Membership) => membership !== null || actor.role !== 'guest',
};
