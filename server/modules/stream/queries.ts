// Reads of the stream other than feeds and posts: comments, revisions, acknowledgements,
// profiles, tags and @-completion. Callers have checked the post or space is readable.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/transaction.ts';
import { listableSpaces, readableComments, type Viewer } from '../spaces/visibility.ts';
import type { CommentRowFull } from './presenters.ts';

type AnyDb = Db | Tx['db'];

function selectComments(db: AnyDb, viewer: Viewer) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as au', 'au.id', 'c.author_id')
    .leftJoin('comment_reactions as cr', (j) =>
      j.onRef('cr.comment_id', '=', 'c.id').on('cr.user_id', '=', viewer.id),
    )
    .select([
      'c.id',
      'c.post_id',
      'c.parent_id',
      'c.author_id',
      'au.name as author_name',
      'au.handle as author_handle',
      'au.job_title as author_job_title',
      'c.body',
      'c.created_at',
      'c.edited_at',
      'c.reaction_counts',
      'cr.kind as my_reaction',
      'c.vote_count',
      'c.held',
      sql<boolean>`exists (select 1 from answer_votes av where av.comment_id = c.id and av.user_id = ${viewer.id})`.as(
        'my_vote',
      ),
    ])
    .where((eb) => readableComments(eb, viewer));
}

/**
 * A post's live comments, oldest first, each reply right after its parent. A deleted
 * comment takes its replies with it.
 */
export function listComments(db: AnyDb, viewer: Viewer, postId: string): Promise<CommentRowFull[]> {
  return selectComments(db, viewer)
    .leftJoin('comments as parent', 'parent.id', 'c.parent_id')
    .where('c.post_id', '=', postId)
    .where((eb) => eb.or([eb('c.parent_id', 'is', null), eb('parent.deleted_at', 'is', null)]))
    .orderBy(sql`coalesce(c.parent_id, c.id)`)
    .orderBy(sql`c.parent_id is not null`)
    .orderBy('c.id')
    .execute();
}

export function findComment(
  db: AnyDb,
  viewer: Viewer,
  commentId: string,
): Promise<CommentRowFull | undefined> {
  return selectComments(db, viewer).where('c.id', '=', commentId).executeTakeFirst();
}

export function listRevisions(db: AnyDb, postId: string) {
  return db
    .selectFrom('post_revisions as pr')
    .leftJoin('users as u', 'u.id', 'pr.edited_by')
    .select(['pr.body', 'pr.replaced_at', 'u.id', 'u.name', 'u.handle', 'u.job_title'])
    .where('pr.post_id', '=', postId)
    .orderBy('pr.id')
    .execute();
}

/** Who acknowledged an announcement, and which current members of its space (its author aside) have not. */
export async function listAcknowledgements(
  db: AnyDb,
  post: { id: string; space_id: string | null; author_id: string },
) {
  const postId = post.id;
  const spaceId = post.space_id;
  const acknowledged = await db
    .selectFrom('announcement_acks as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['u.id', 'u.name', 'u.handle', 'u.job_title', 'a.acknowledged_at'])
    .where('a.post_id', '=', postId)
    .orderBy('a.acknowledged_at')
    .orderBy('u.id')
    .execute();
  const pending = spaceId
    ? await db
        .selectFrom('space_members as sm')
        .innerJoin('users as u', 'u.id', 'sm.user_id')
        .select(['u.id', 'u.name', 'u.handle', 'u.job_title'])
        .where('sm.space_id', '=', spaceId)
        .where('sm.user_id', '!=', post.author_id)
        .where('u.status', '=', 'active')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('announcement_acks as a2')
                .select('a2.user_id')
                .whereRef('a2.user_id', '=', 'sm.user_id')
                .where('a2.post_id', '=', postId),
            ),
          ),
        )
        .orderBy(sql`lower(u.name)`)
        .orderBy('u.id')
        .execute()
    : [];
  return { acknowledged, pending };
}

export function findProfile(db: AnyDb, viewer: Viewer, personId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .leftJoin('sites as s', 's.id', 'u.site_id')
    .select(['u.id', 'u.name', 'u.handle', 'u.job_title', 'u.role', 'u.status'])
    .select(['d.name as department_name', 's.name as site_name'])
    .select((eb) => [
      eb
        .selectFrom('follows')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('follows.followee_id', '=', 'u.id')
        .as('follower_count'),
      eb
        .exists(
          eb
            .selectFrom('follows as mine')
            .select('mine.followee_id')
            .whereRef('mine.followee_id', '=', 'u.id')
            .where('mine.follower_id', '=', viewer.id),
        )
        .as('following'),
    ])
    .where('u.id', '=', personId)
    .executeTakeFirst();
}

export async function isFollowingTag(db: AnyDb, viewer: Viewer, tag: string): Promise<boolean> {
  const row = await db
    .selectFrom('tag_follows')
    .select('tag')
    .where('user_id', '=', viewer.id)
    .where('tag', '=', tag)
    .executeTakeFirst();
  return row !== undefined;
}

/** A LIKE pattern matching text at the start, with LIKE's own wildcards escaped. */
const prefixPattern = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function mentionSuggestions(
  db: AnyDb,
  viewer: Viewer,
  q: string,
  limit: number,
  withPeople: boolean,
) {
  const text = q.replace(/^[@#]/, '').toLowerCase();
  if (text === '') return { people: [], spaces: [] };
  const prefix = prefixPattern(text);
  const people = withPeople
    ? await db
        .selectFrom('users')
        .select(['id', 'name', 'handle'])
        .where('status', '=', 'active')
        .where('role', '!=', 'guest')
        .where('id', '!=', viewer.id)
        .where((eb) =>
          eb.or([
            eb('handle', 'like', prefix),
            eb(sql`lower(name)`, 'like', prefix),
            eb(sql`lower(name)`, 'like', `% ${prefix}`),
          ]),
        )
        .orderBy('handle')
        .limit(limit)
        .execute()
    : [];
  const spaces = await db
    .selectFrom('spaces')
    .select(['id', 'name', 'slug'])
    .where('archived_at', 'is', null)
    .where((eb) => listableSpaces(eb, viewer))
    .where((eb) => eb.or([eb('slug', 'like', prefix), eb(sql`lower(name)`, 'like', prefix)]))
    .orderBy('slug')
    .limit(limit)
    .execute();
  return { people, spaces };
}
