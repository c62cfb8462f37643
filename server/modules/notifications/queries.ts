// Reading notifications. A notification about a post the person can no longer read (they
// left its space, it was deleted) is neither shown nor counted: the visibility rule
// applies here as everywhere.
import type { Db } from '../../db/database.ts';
import { decodeCursor } from '../../platform/pagination.ts';
import { worksInbox } from '../care/policies.ts';
import { readableComments, readablePosts, readableSpaceIds, type Viewer } from '../spaces/visibility.ts';

const CARE_KINDS = ['care_assigned', 'care_sla_warning', 'care_alert'] as const;

function visibleTo(db: Db, viewer: Viewer) {
  return (
    db
      .selectFrom('notifications as n')
      .leftJoin('posts', 'posts.id', 'n.post_id')
      .leftJoin('comments as c', 'c.id', 'n.comment_id')
      .where('n.user_id', '=', viewer.id)
      .where((eb) => eb.or([eb('n.post_id', 'is', null), readablePosts(eb as never, viewer)]))
      .where((eb) => eb.or([eb('n.comment_id', 'is', null), readableComments(eb as never, viewer)]))
      // An event's or an idea's notification follows its space, like the event or idea itself.
      .where((eb) =>
        eb.or([
          eb('n.kind', 'not in', ['event_reminder', 'event_cancelled', 'idea_status']),
          eb('n.space_id', 'in', readableSpaceIds(eb as never, viewer)),
        ]),
      )
      // Care notifications name a customer's conversation: listed only while the reader still
      // works the inbox (a withdrawn grant hides them, as it closes the inbox).
      .where((eb) =>
        eb.or([
          eb('n.kind', 'not in', CARE_KINDS),
          eb.exists(
            eb
              .selectFrom('users as reader')
              .select('reader.id')
              .where('reader.id', '=', viewer.id)
              .where(worksInbox('reader')),
          ),
        ]),
      )
  );
}

export async function listNotifications(
  db: Db,
  viewer: Viewer,
  query: { unread: boolean; cursor?: string | undefined; limit: number },
) {
  let q = visibleTo(db, viewer)
    .leftJoin('users as actor', 'actor.id', 'n.actor_id')
    .leftJoin('spaces', 'spaces.id', 'n.space_id')
    .select([
      'n.id',
      'n.kind',
      'n.comment_id',
      'n.created_at',
      'n.read_at',
      'n.post_id',
      'n.data',
      'posts.body as post_body',
      'actor.id as actor_id',
      'actor.name as actor_name',
      'actor.handle as actor_handle',
      'actor.job_title as actor_job_title',
      'spaces.id as space_id',
      'spaces.slug as space_slug',
      'spaces.name as space_name',
      'spaces.external as space_external',
    ]);
  if (query.unread) q = q.where('n.read_at', 'is', null);
  const before = decodeCursor<string>(query.cursor, 'string');
  if (before !== undefined) q = q.where('n.id', '<', before);
  return q
    .orderBy('n.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

export async function unreadCount(db: Db, viewer: Viewer): Promise<number> {
  const row = await visibleTo(db, viewer)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('n.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function mutedKinds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('notification_mutes')
    .select('kind')
    .where('user_id', '=', userId)
    .execute();
  return new Set(rows.map((r) => r.kind));
}
