// Who may do what in the stream, once the visibility rule (spaces/visibility.ts) has said
// the object is readable at all. Space owners and moderators moderate their space;
// organisation administrators moderate everywhere they can read.
import { peoplePolicy } from '../people/policies.ts';
import type { Membership, SpaceFacts, Viewer } from '../spaces/visibility.ts';

interface PostFacts {
  author_id: string;
  space_id: string | null;
  title?: string | null;
}

const managesSpace = (membership: Membership) => membership === 'owner' || membership === 'moderator';
const moderates = (actor: Viewer, membership: Membership) =>
  actor.role === 'admin' || managesSpace(membership);

export const streamPolicy = {
  /** Guests (customers, partners) only take part in the spaces they belong to. */
  canPostOnProfile: (actor: Viewer) => actor.role !== 'guest',
  canPostInSpace: (space: SpaceFacts, membership: Membership) => membership !== null && !space.archived_at,
  canAnnounce: (actor: Viewer, membership: Membership) => moderates(actor, membership),
  canEditPost: (actor: Viewer, post: PostFacts) => post.author_id === actor.id,
  canDeletePost: (actor: Viewer, post: PostFacts, membership: Membership) =>
    post.author_id === actor.id || moderates(actor, membership),
  canPinPost: (actor: Viewer, post: PostFacts, membership: Membership) =>
    post.space_id !== null && moderates(actor, membership),
  /** Given the post is readable: anyone who reads may comment, unless its space is archived. */
  canComment: (space: Pick<SpaceFacts, 'archived_at'> | null) => !space?.archived_at,
  canSeeAcknowledgements: (actor: Viewer, post: PostFacts, membership: Membership) =>
    post.author_id === actor.id || moderates(actor, membership),
  canEditComment: (actor: Viewer, comment: { author_id: string }) => comment.author_id === actor.id,
  canDeleteComment: (actor: Viewer, comment: { author_id: string }, membership: Membership) =>
    comment.author_id === actor.id || moderates(actor, membership),
  /** Questions: the asker decides which answer helped; moderators may too. */
  canAcceptAnswer: (actor: Viewer, post: PostFacts, membership: Membership) =>
    post.title != null && (post.author_id === actor.id || moderates(actor, membership)),
  /** Voting is for other people's answers. */
  canVoteAnswer: (actor: Viewer, answer: { author_id: string }) => answer.author_id !== actor.id,
  /** Only the asker asks people to answer (an invitation from someone else would be noise). */
  canAskExperts: (actor: Viewer, post: PostFacts) => post.title != null && post.author_id === actor.id,
  canFollowPeople: (actor: Viewer) => actor.role !== 'guest',
  /** Guests do not browse the organisation's people (see people/policies.ts). */
  canSeePeople: (actor: Viewer) => actor.role !== 'guest',
  canSeeProfile: peoplePolicy.canSeeProfile,
};
