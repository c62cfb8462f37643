// THE visibility rule of spaces and posts. Every read path — feeds, a single post, comments,
// files, link previews, search, notifications, WebSocket delivery, exports — asks here,
// either through the predicates (one object in hand) or through the SQL filters (many rows).
// visibility.test.ts checks that both forms agree on every case.
//
// The rule:
// - A guest (customer, partner) sees only the spaces they are a member of, and only their own
//   profile posts. Everyone else is a colleague.
// - A space is *listed* to a colleague unless it is secret; a secret space exists only for
//   its members.
// - A space's content is readable by its members, and by every colleague when it is open.
// - A profile post (no space) is readable by every colleague and by its author.
// - Held content (hidden by a moderator, or a guest's post waiting for approval) is readable
//   by its author only; moderators reach it through the moderation queue, not through here.
// - A deleted post is readable by nobody. Administrators get no reading privilege here:
//   moderation goes through its own audited paths.
import { type ExpressionBuilder, sql } from 'kysely';
import { CONTENT_KINDS } from '../../../common/schemas/search.ts';
import type { Database, HeldState, Role, SpaceRole, SpaceVisibility } from '../../db/schema.ts';

export interface Viewer {
  id: string;
  role: Role;
}

export interface SpaceFacts {
  visibility: SpaceVisibility;
  archived_at?: Date | null;
}

/** The viewer's role in the space, or null when not a member. */
export type Membership = SpaceRole | null;

const isColleague = (viewer: Viewer) => viewer.role !== 'guest';

export function canListSpace(viewer: Viewer, space: SpaceFacts, membership: Membership): boolean {
  if (membership) return true;
  return isColleague(viewer) && space.visibility !== 'secret';
}

export function canReadSpace(viewer: Viewer, space: SpaceFacts, membership: Membership): boolean {
  if (membership) return true;
  return isColleague(viewer) && space.visibility === 'open';
}

export interface PostFacts {
  author_id: string;
  space_id: string | null;
  deleted_at: Date | null;
  held: HeldState | null;
}

/** space is the post's space (null for a profile post). */
export function canReadPost(
  viewer: Viewer,
  post: PostFacts,
  space: SpaceFacts | null,
  membership: Membership,
): boolean {
  if (post.deleted_at) return false;
  if (post.held && post.author_id !== viewer.id) return false;
  if (post.space_id === null) return isColleague(viewer) || post.author_id === viewer.id;
  if (!space) return false;
  return canReadSpace(viewer, space, membership);
}

type SpacesEb = ExpressionBuilder<Database, 'spaces'>;
type PostsEb = ExpressionBuilder<Database, 'posts'>;

/** SQL form of canListSpace, over a query that has `spaces` in scope. */
export function listableSpaces(eb: SpacesEb, viewer: Viewer) {
  const member = eb.exists(
    eb
      .selectFrom('space_members as vm')
      .select(sql`1`.as('one'))
      .whereRef('vm.space_id', '=', 'spaces.id')
      .where('vm.user_id', '=', viewer.id),
  );
  if (!isColleague(viewer)) return member;
  return eb.or([eb('spaces.visibility', '!=', 'secret'), member]);
}

/** SQL form of canReadSpace, as the ids of readable spaces (for `space_id IN (…)`). */
export function readableSpaceIds(eb: ExpressionBuilder<Database, keyof Database>, viewer: Viewer) {
  const mine = eb.selectFrom('space_members as vm').select('vm.space_id').where('vm.user_id', '=', viewer.id);
  if (!isColleague(viewer)) return mine;
  return eb
    .selectFrom('spaces as vs')
    .select('vs.id as space_id')
    .where('vs.visibility', '=', 'open')
    .union(mine);
}

/** SQL form of canReadPost, over a query that has `posts` in scope. */
export function readablePosts(eb: PostsEb, viewer: Viewer) {
  const profile = isColleague(viewer)
    ? eb('posts.space_id', 'is', null)
    : eb.and([eb('posts.space_id', 'is', null), eb('posts.author_id', '=', viewer.id)]);
  return eb.and([
    eb('posts.deleted_at', 'is', null),
    eb.or([eb('posts.held', 'is', null), eb('posts.author_id', '=', viewer.id)]),
    eb.or([profile, eb('posts.space_id', 'in', readableSpaceIds(eb, viewer))]),
  ]);
}

/** A comment of a readable post: live, and not held back unless the viewer wrote it. */
export function canReadComment(
  viewer: Viewer,
  comment: { author_id: string; deleted_at: Date | null; held: HeldState | null },
): boolean {
  return !comment.deleted_at && (!comment.held || comment.author_id === viewer.id);
}

/** SQL form of canReadComment, over a query that has comments as `c` in scope. */
export function readableComments(
  eb: ExpressionBuilder<Database & { c: Database['comments'] }, 'c'>,
  viewer: Viewer,
) {
  return eb.and([
    eb('c.deleted_at', 'is', null),
    eb.or([eb('c.held', 'is', null), eb('c.author_id', '=', viewer.id)]),
  ]);
}

/** SQL form of canListSpace, as the ids of spaces the viewer may see exist. */
export function listableSpaceIds(eb: ExpressionBuilder<Database, keyof Database>, viewer: Viewer) {
  const mine = eb.selectFrom('space_members as lm').select('lm.space_id').where('lm.user_id', '=', viewer.id);
  if (!isColleague(viewer)) return mine;
  return eb
    .selectFrom('spaces as ls')
    .select('ls.id as space_id')
    .where('ls.visibility', '!=', 'secret')
    .union(mine);
}

type SearchEb = ExpressionBuilder<Database, 'search_documents'>;

/** The rule over search rows: a post, question, comment, answer or file as canReadPost of its post; a space as
 * canListSpace; an event or a knowledge page as canReadSpace; a person as the directory (colleagues only). */
export function searchableDocuments(eb: SearchEb, viewer: Viewer) {
  const profile = isColleague(viewer)
    ? eb('search_documents.space_id', 'is', null)
    : eb.and([eb('search_documents.space_id', 'is', null), eb('search_documents.owner_id', '=', viewer.id)]);
  const content = eb.and([
    eb('search_documents.kind', 'in', CONTENT_KINDS),
    eb.or([profile, eb('search_documents.space_id', 'in', readableSpaceIds(eb, viewer))]),
  ]);
  const space = eb.and([
    eb('search_documents.kind', '=', 'space'),
    eb('search_documents.space_id', 'in', listableSpaceIds(eb, viewer)),
  ]);
  // Events, knowledge pages and ideas are seen where their space is readable.
  const event = eb.and([
    eb('search_documents.kind', 'in', ['event', 'page', 'idea']),
    eb('search_documents.space_id', 'in', readableSpaceIds(eb, viewer)),
  ]);
  if (!isColleague(viewer)) return eb.or([content, space, event]);
  return eb.or([content, space, event, eb('search_documents.kind', '=', 'person')]);
}
