// Turns post ids into complete Post objects for one viewer, in a fixed number of queries
// whatever the page size: one statement reads the posts with everything that is one-to-one
// (author, space, the viewer's membership, reaction, bookmark, acknowledgement, poll, link
// preview) and, as correlated index lookups, the one-to-many parts (tags, mentions,
// attachments, poll options, the viewer's votes); a second reads the shared posts, if any.
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Post } from '../../../common/schemas/stream.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/transaction.ts';
import { canReadPost, type Viewer } from '../spaces/visibility.ts';
import { presentPost } from './presenters.ts';

type AnyDb = Db | Tx['db'];

function selectPosts(db: AnyDb, viewer: Viewer, ids: string[]) {
  return db
    .selectFrom('posts as p')
    .innerJoin('users as au', 'au.id', 'p.author_id')
    .leftJoin('spaces as s', 's.id', 'p.space_id')
    .leftJoin('space_members as sm', (j) =>
      j.onRef('sm.space_id', '=', 'p.space_id').on('sm.user_id', '=', viewer.id),
    )
    .leftJoin('reactions as r', (j) => j.onRef('r.post_id', '=', 'p.id').on('r.user_id', '=', viewer.id))
    .leftJoin('bookmarks as b', (j) => j.onRef('b.post_id', '=', 'p.id').on('b.user_id', '=', viewer.id))
    .leftJoin('announcement_acks as ack', (j) =>
      j.onRef('ack.post_id', '=', 'p.id').on('ack.user_id', '=', viewer.id),
    )
    .leftJoin('polls as pl', 'pl.post_id', 'p.id')
    .leftJoin('link_previews as lp', 'lp.url', 'p.link_url')
    .selectAll('p')
    .select([
      'au.name as author_name',
      'au.handle as author_handle',
      'au.job_title as author_job_title',
      's.slug as space_slug',
      's.name as space_name',
      's.external as space_external',
      's.visibility as space_visibility',
      's.archived_at as space_archived_at',
      'sm.role as my_role',
      'r.kind as my_reaction',
      'b.created_at as bookmarked_at',
      'ack.acknowledged_at',
      'pl.post_id as poll_id',
      'pl.multiple as poll_multiple',
      'pl.closes_at as poll_closes_at',
      'pl.voter_count as poll_voter_count',
      'lp.status as link_status',
      'lp.title as link_title',
      'lp.description as link_description',
      'lp.image_url as link_image_url',
      'lp.site_name as link_site_name',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb.selectFrom('post_tags as t').select('t.tag').whereRef('t.post_id', '=', 'p.id').orderBy('t.tag'),
      ).as('tags'),
      jsonArrayFrom(
        eb
          .selectFrom('post_mentions as pm')
          .innerJoin('users as mu', 'mu.id', 'pm.user_id')
          .select(['mu.id', 'mu.name', 'mu.handle', 'mu.job_title'])
          .whereRef('pm.post_id', '=', 'p.id')
          .orderBy('mu.handle'),
      ).as('mentions'),
      jsonArrayFrom(
        eb
          .selectFrom('attachments as at')
          .select(['at.id', 'at.file_name', 'at.content_type', 'at.size_bytes', 'at.is_image'])
          .whereRef('at.post_id', '=', 'p.id')
          .orderBy('at.created_at')
          .orderBy('at.id'),
      ).as('attachments'),
      jsonArrayFrom(
        eb
          .selectFrom('poll_options as po')
          .select(['po.id', 'po.label', 'po.vote_count'])
          .whereRef('po.post_id', '=', 'p.id')
          .orderBy('po.position'),
      ).as('poll_options'),
      jsonArrayFrom(
        eb
          .selectFrom('poll_votes as pv')
          .select('pv.option_id')
          .whereRef('pv.post_id', '=', 'p.id')
          .where('pv.user_id', '=', viewer.id),
      ).as('my_votes'),
    ])
    .where('p.id', 'in', ids)
    .execute();
}

export type HydratedRow = Awaited<ReturnType<typeof selectPosts>>[number];

export function spaceFactsOf(row: HydratedRow) {
  return row.space_id && row.space_visibility
    ? { visibility: row.space_visibility, archived_at: row.space_archived_at }
    : null;
}

export function isReadable(viewer: Viewer, row: HydratedRow): boolean {
  return canReadPost(viewer, row, spaceFactsOf(row), row.my_role ?? null);
}

/**
 * Posts in the order of `ids`, as the viewer sees them. A post the viewer may not read is
 * left out (callers filter already; this is the last line of defence).
 */
export async function hydratePosts(db: AnyDb, viewer: Viewer, ids: string[], now: Date): Promise<Post[]> {
  if (ids.length === 0) return [];
  const rows = await selectPosts(db, viewer, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sharedIds = [
    ...new Set(rows.map((r) => r.shared_post_id).filter((id): id is string => !!id && !byId.has(id))),
  ];
  const shared = new Map(byId);
  if (sharedIds.length > 0) for (const r of await selectPosts(db, viewer, sharedIds)) shared.set(r.id, r);
  const out: Post[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row || !isReadable(viewer, row)) continue;
    const sharedRow = row.shared_post_id ? shared.get(row.shared_post_id) : undefined;
    const sharedReadable = sharedRow ? isReadable(viewer, sharedRow) : false;
    out.push(presentPost(row, viewer, now, row.shared_post_id ? { sharedRow, sharedReadable } : null));
  }
  return out;
}

export async function hydratePost(db: AnyDb, viewer: Viewer, id: string, now: Date): Promise<Post> {
  const [post] = await hydratePosts(db, viewer, [id], now);
  if (!post) throw notFound('Post');
  return post;
}
