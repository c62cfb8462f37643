// Loading one post or space together with the facts the visibility rule needs (the space's
// visibility, the viewer's membership), so every command and query decides with
// spaces/visibility.ts and nothing else.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PostRow, SpaceRow } from '../../db/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { UUID_RE } from '../../platform/ids.ts';
import type { Tx } from '../../platform/transaction.ts';
import {
  canListSpace,
  canReadPost,
  canReadSpace,
  type Membership,
  type SpaceFacts,
  type Viewer,
} from '../spaces/visibility.ts';

type AnyDb = Db | Tx['db'];

export type SpaceInfo = Pick<SpaceRow, 'id' | 'slug' | 'name' | 'visibility' | 'archived_at'>;

export interface PostAccess {
  post: PostRow;
  space: SpaceInfo | null;
  membership: Membership;
  readable: boolean;
}

export async function loadPost(db: AnyDb, viewer: Viewer, postId: string): Promise<PostAccess | null> {
  const row = await db
    .selectFrom('posts')
    .leftJoin('spaces', 'spaces.id', 'posts.space_id')
    .leftJoin('space_members as sm', (j) =>
      j.onRef('sm.space_id', '=', 'posts.space_id').on('sm.user_id', '=', viewer.id),
    )
    .selectAll('posts')
    .select([
      'spaces.slug as space_slug',
      'spaces.name as space_name',
      'spaces.visibility as space_visibility',
      'spaces.archived_at as space_archived_at',
      'sm.role as my_role',
    ])
    .where('posts.id', '=', postId)
    .executeTakeFirst();
  if (!row) return null;
  const { space_slug, space_name, space_visibility, space_archived_at, my_role, ...post } = row;
  const space =
    post.space_id && space_slug && space_name && space_visibility
      ? {
          id: post.space_id,
          slug: space_slug,
          name: space_name,
          visibility: space_visibility,
          archived_at: space_archived_at,
        }
      : null;
  const membership = my_role ?? null;
  return { post, space, membership, readable: canReadPost(viewer, post, space, membership) };
}

/** The post if the viewer may read it; otherwise 404, so unreadable posts do not exist. */
export async function readablePost(db: AnyDb, viewer: Viewer, postId: string): Promise<PostAccess> {
  const access = await loadPost(db, viewer, postId);
  if (!access?.readable) throw notFound('Post');
  return access;
}

export interface SpaceAccess {
  space: SpaceInfo;
  membership: Membership;
}

/** A space named by id or slug, with the viewer's role in it. */
export async function loadSpace(db: AnyDb, viewer: Viewer, ref: string): Promise<SpaceAccess | null> {
  const row = await db
    .selectFrom('spaces')
    .leftJoin('space_members as sm', (j) =>
      j.onRef('sm.space_id', '=', 'spaces.id').on('sm.user_id', '=', viewer.id),
    )
    .select([
      'spaces.id',
      'spaces.slug',
      'spaces.name',
      'spaces.visibility',
      'spaces.archived_at',
      'sm.role as my_role',
    ])
    .where(UUID_RE.test(ref) ? 'spaces.id' : 'spaces.slug', '=', UUID_RE.test(ref) ? ref : ref.toLowerCase())
    .executeTakeFirst();
  if (!row) return null;
  const { my_role, ...space } = row;
  return { space, membership: my_role ?? null };
}

/** A space the viewer may read: 404 when it is not even listed to them, 403 when it is but closed. */
export async function readableSpace(db: AnyDb, viewer: Viewer, ref: string): Promise<SpaceAccess> {
  const access = await loadSpace(db, viewer, ref);
  if (!access || !canListSpace(viewer, access.space, access.membership)) throw notFound('Space');
  if (!canReadSpace(viewer, access.space, access.membership))
    throw forbidden('Only members can see what is posted here.');
  return access;
}

/**
 * Of these people, those who may read the post: active accounts for which the visibility
 * rule says yes. Notifications go only to them, so a notification never reveals a post.
 */
export async function readersAmong(
  db: AnyDb,
  post: Pick<PostRow, 'author_id' | 'space_id' | 'deleted_at' | 'held'>,
  space: SpaceFacts | null,
  candidates: string[],
): Promise<string[]> {
  const ids = [...new Set(candidates)];
  if (ids.length === 0) return [];
  const spaceId = post.space_id;
  const rows = await db
    .selectFrom('users')
    .leftJoin('space_members as sm', (j) =>
      j
        .onRef('sm.user_id', '=', 'users.id')
        .on((eb) => (spaceId === null ? sql<boolean>`false` : eb('sm.space_id', '=', spaceId))),
    )
    .select(['users.id', 'users.role', 'sm.role as membership'])
    .where('users.id', 'in', ids)
    .where('users.status', '=', 'active')
    .execute();
  return rows
    .filter((r) => canReadPost({ id: r.id, role: r.role }, post, space, r.membership ?? null))
    .map((r) => r.id);
}
