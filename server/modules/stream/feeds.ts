// The feeds, as pages of post ids (hydrate.ts makes them Posts). Ids are UUIDv7, so
// "newest first" is ORDER BY id DESC and the cursor is the last id of the page: posts
// created while someone pages land above their cursor, never inside their next page.
//
// The home feed is a union of small index scans, each stopping after limit + 1 rows below
// the cursor: one per joined space (posts_space_idx), one per followed person
// (posts_author_idx), one per followed tag (post_tags_feed_idx), and the viewer's own
// posts. Its cost grows with what the viewer follows, never with the number of posts.
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { ValidationError } from '../../platform/errors.ts';
import { UUID_RE } from '../../platform/ids.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { readablePosts, type Viewer } from '../spaces/visibility.ts';

export interface FeedWindow {
  cursor?: string | undefined;
  limit: number;
  newerThan?: string | undefined;
}

export interface IdPage {
  ids: string[];
  nextCursor: string | null;
}

interface Bounds {
  before: string | undefined;
  after: string | undefined;
  take: number;
}

function boundsOf(window: FeedWindow): Bounds {
  const before = decodeCursor<string>(window.cursor, 'string');
  if (before !== undefined && !UUID_RE.test(before))
    throw new ValidationError([{ field: 'cursor', reason: 'invalid_format', message: 'Invalid cursor.' }]);
  return { before, after: window.newerThan, take: window.limit + 1 };
}

function pageOfIds(ids: string[], limit: number): IdPage {
  const more = ids.length > limit;
  const page = more ? ids.slice(0, limit) : ids;
  return { ids: page, nextCursor: more ? encodeCursor(page.at(-1)!) : null };
}

// biome-ignore lint/suspicious/noExplicitAny: the helper applies to any query with that column.
function within<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, column: string, b: Bounds): QB {
  let q = qb;
  if (b.before !== undefined) q = q.where(column, '<', b.before) as QB;
  if (b.after !== undefined) q = q.where(column, '>', b.after) as QB;
  return q.orderBy(column, 'desc').limit(b.take) as QB;
}

// readablePosts takes the builder of a query with `posts` in scope.
const readable = (viewer: Viewer) => (eb: ExpressionBuilder<Database, 'posts'>) => readablePosts(eb, viewer);
type PostsEb = ExpressionBuilder<Database, 'posts'>;

/**
 * For each tagged post taken in id order from post_tags_feed_idx, whether the viewer may
 * read it — as a LATERAL probe of the posts primary key, so the scan stops after limit + 1
 * readable posts (a join may instead merge against every newer post).
 */
const readableTagged =
  (viewer: Viewer) => (eb: ExpressionBuilder<Database & { pt: Database['post_tags'] }, 'pt'>) =>
    eb
      .selectFrom('posts')
      .select('posts.id as readable_id')
      .whereRef('posts.id', '=', 'pt.post_id')
      .where((peb) => readable(viewer)(peb as unknown as PostsEb))
      .limit(1) // keeps the planner from flattening the probe back into a join
      .as('rp');

export async function homeFeedIds(db: Db, viewer: Viewer, window: FeedWindow): Promise<IdPage> {
  const b = boundsOf(window);
  // Members read their spaces by definition, so this part needs no visibility filter.
  const fromSpaces = db
    .selectFrom('space_members as sm')
    .innerJoinLateral(
      (eb) =>
        within(
          eb
            .selectFrom('posts')
            .select('posts.id')
            .whereRef('posts.space_id', '=', 'sm.space_id')
            .where('posts.deleted_at', 'is', null)
            // Held posts: others never see them; one's own come through `own` below.
            .where('posts.held', 'is', null),
          'posts.id',
          b,
        ).as('sp'),
      (j) => j.onTrue(),
    )
    .select('sp.id')
    .where('sm.user_id', '=', viewer.id);
  const fromPeople = db
    .selectFrom('follows as f')
    .innerJoinLateral(
      (eb) =>
        within(
          eb
            .selectFrom('posts')
            .select('posts.id')
            .whereRef('posts.author_id', '=', 'f.followee_id')
            .where((peb) => readable(viewer)(peb as unknown as PostsEb)),
          'posts.id',
          b,
        ).as('fp'),
      (j) => j.onTrue(),
    )
    .select('fp.id')
    .where('f.follower_id', '=', viewer.id);
  const fromTags = db
    .selectFrom('tag_follows as tf')
    .innerJoinLateral(
      (eb) =>
        within(
          eb
            .selectFrom('post_tags as pt')
            .innerJoinLateral(readableTagged(viewer), (j) => j.onTrue())
            .select('pt.post_id as id')
            .whereRef('pt.tag', '=', 'tf.tag'),
          'pt.post_id',
          b,
        ).as('tp'),
      (j) => j.onTrue(),
    )
    .select('tp.id')
    .where('tf.user_id', '=', viewer.id);
  const own = db
    .selectFrom(
      within(
        db
          .selectFrom('posts')
          .select('posts.id')
          .where('posts.author_id', '=', viewer.id)
          .where(readable(viewer)),
        'posts.id',
        b,
      ).as('op'),
    )
    .select('op.id');
  const rows = await db
    .selectFrom(fromSpaces.union(fromPeople).union(fromTags).union(own).as('feed'))
    .select('feed.id')
    .orderBy('feed.id', 'desc')
    .limit(b.take)
    .execute();
  return pageOfIds(
    rows.map((r) => r.id),
    window.limit,
  );
}

/**
 * A space's posts: what everyone may see (posts_space_visible_idx), plus the viewer's own
 * posts held back in it (hidden, or waiting for approval), which only they see.
 */
export async function spaceFeedIds(
  db: Db,
  viewer: Viewer,
  spaceId: string,
  window: FeedWindow,
): Promise<IdPage> {
  const b = boundsOf(window);
  const visible = db.selectFrom(
    within(
      db
        .selectFrom('posts')
        .select('posts.id')
        .where('posts.space_id', '=', spaceId)
        .where('posts.deleted_at', 'is', null)
        .where('posts.held', 'is', null),
      'posts.id',
      b,
    ).as('vp'),
  );
  const mineHeld = db.selectFrom(
    within(
      db
        .selectFrom('posts')
        .select('posts.id')
        .where('posts.space_id', '=', spaceId)
        .where('posts.deleted_at', 'is', null)
        .where('posts.held', 'is not', null)
        .where('posts.author_id', '=', viewer.id),
      'posts.id',
      b,
    ).as('hp'),
  );
  const rows = await db
    .selectFrom(visible.select('vp.id').union(mineHeld.select('hp.id')).as('feed'))
    .select('feed.id')
    .orderBy('feed.id', 'desc')
    .limit(b.take)
    .execute();
  return pageOfIds(
    rows.map((r) => r.id),
    window.limit,
  );
}

const MAX_PINNED = 50;

export async function pinnedPostIds(db: Db, spaceId: string): Promise<IdPage> {
  const rows = await db
    .selectFrom('posts')
    .select('id')
    .where('space_id', '=', spaceId)
    .where('pinned_at', 'is not', null)
    .where('deleted_at', 'is', null)
    .where('held', 'is', null)
    .orderBy('pinned_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_PINNED)
    .execute();
  return { ids: rows.map((r) => r.id), nextCursor: null };
}

export async function tagFeedIds(db: Db, viewer: Viewer, tag: string, window: FeedWindow): Promise<IdPage> {
  const b = boundsOf(window);
  const rows = await within(
    db
      .selectFrom('post_tags as pt')
      .innerJoinLateral(readableTagged(viewer), (j) => j.onTrue())
      .select('pt.post_id as id')
      .where('pt.tag', '=', tag),
    'pt.post_id',
    b,
  ).execute();
  return pageOfIds(
    rows.map((r) => r.id),
    window.limit,
  );
}

export async function profileFeedIds(
  db: Db,
  viewer: Viewer,
  authorId: string,
  window: FeedWindow,
): Promise<IdPage> {
  const b = boundsOf(window);
  const rows = await within(
    db.selectFrom('posts').select('posts.id').where('posts.author_id', '=', authorId).where(readable(viewer)),
    'posts.id',
    b,
  ).execute();
  return pageOfIds(
    rows.map((r) => r.id),
    window.limit,
  );
}

/** Bookmarks, most recent bookmark first; the cursor is the last bookmark's time and post id. */
export async function bookmarkedIds(db: Db, viewer: Viewer, window: FeedWindow): Promise<IdPage> {
  const cursor = decodeCursor<string>(window.cursor, 'string');
  let after: { at: Date; id: string } | undefined;
  if (cursor !== undefined) {
    const [at, id] = cursor.split('|');
    const date = new Date(at ?? '');
    if (!id || !UUID_RE.test(id) || Number.isNaN(date.getTime()))
      throw new ValidationError([{ field: 'cursor', reason: 'invalid_format', message: 'Invalid cursor.' }]);
    after = { at: date, id };
  }
  let query = db
    .selectFrom('bookmarks as bm')
    .innerJoin('posts', 'posts.id', 'bm.post_id')
    .select(['bm.post_id as id', 'bm.created_at'])
    .where('bm.user_id', '=', viewer.id)
    .where((eb) => readable(viewer)(eb as unknown as PostsEb));
  if (after) {
    const { at, id } = after;
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('bm.created_at', 'bm.post_id'), '<', tuple(at, id)),
    );
  }
  const rows = await query
    .orderBy('bm.created_at', 'desc')
    .orderBy('bm.post_id', 'desc')
    .limit(window.limit + 1)
    .execute();
  const more = rows.length > window.limit;
  const page = more ? rows.slice(0, window.limit) : rows;
  const last = page.at(-1);
  return {
    ids: page.map((r) => r.id),
    nextCursor: more && last ? encodeCursor(`${new Date(last.created_at).toISOString()}|${last.id}`) : null,
  };
}

export type QuestionStatus = 'all' | 'unanswered' | 'answered' | 'accepted';

/** Questions the viewer may read, newest first, by status (posts_questions_idx). */
export async function questionIds(
  db: Db,
  viewer: Viewer,
  filter: { status: QuestionStatus; spaceId?: string | undefined },
  window: FeedWindow,
): Promise<IdPage> {
  let query = db
    .selectFrom('posts')
    .select('posts.id')
    .where('posts.title', 'is not', null)
    .where(readable(viewer));
  if (filter.spaceId) query = query.where('posts.space_id', '=', filter.spaceId);
  if (filter.status === 'unanswered') query = query.where('posts.answer_count', '=', 0);
  if (filter.status === 'answered')
    query = query.where('posts.answer_count', '>', 0).where('posts.accepted_comment_id', 'is', null);
  if (filter.status === 'accepted') query = query.where('posts.accepted_comment_id', 'is not', null);
  const rows = await within(query, 'posts.id', boundsOf(window)).execute();
  return pageOfIds(
    rows.map((r) => r.id),
    window.limit,
  );
}
