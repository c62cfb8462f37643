// Reads of ideas: a campaign with the viewer's place in its space, the campaigns of readable
// spaces, a board, an idea with its history, comments and (for evaluators) evaluations.
import { sql } from 'kysely';
import type { AnyDb, Db } from '../../db/database.ts';
import { readableSpaceIds, type Viewer } from '../spaces/visibility.ts';
import type { CampaignPlace } from './policies.ts';

const campaignColumns = [
  'c.id',
  'c.space_id',
  'c.title',
  'c.description',
  'c.opens_at',
  'c.closes_at',
  'c.criteria',
  'c.closed_at',
  's.slug as space_slug',
  's.name as space_name',
  's.external as space_external',
  's.visibility',
  's.archived_at',
] as const;

/** Campaigns with their space and the viewer's role in it, and their count of live ideas. */
function campaigns(db: AnyDb, viewer: Viewer) {
  return db
    .selectFrom('idea_campaigns as c')
    .innerJoin('spaces as s', 's.id', 'c.space_id')
    .leftJoin('space_members as sm', (j) =>
      j.onRef('sm.space_id', '=', 's.id').on('sm.user_id', '=', viewer.id),
    )
    .select([...campaignColumns, 'sm.role as my_role'])
    .select((eb) =>
      eb
        .selectFrom('ideas')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('ideas.campaign_id', '=', 'c.id')
        .where('ideas.merged_into', 'is', null)
        .as('idea_count'),
    );
}

export async function findCampaign(db: AnyDb, viewer: Viewer, id: string) {
  const row = await campaigns(db, viewer).where('c.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const place: CampaignPlace = {
    space: { visibility: row.visibility, archived_at: row.archived_at },
    membership: row.my_role ?? null,
  };
  return { row, place };
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>['row'];

export async function listCampaignRows(db: Db, viewer: Viewer) {
  return campaigns(db, viewer)
    .where((eb) => eb('s.id', 'in', readableSpaceIds(eb as never, viewer)))
    .orderBy('c.opens_at', 'desc')
    .limit(200)
    .execute();
}

const ideaColumns = [
  'i.id',
  'i.campaign_id',
  'i.title',
  'i.description',
  'i.status',
  'i.vote_count',
  'i.score',
  'i.merged_into',
  'i.created_at',
  'i.decided_at',
  'i.author_id',
  'u.name as author_name',
  'u.handle as author_handle',
  'u.job_title as author_job_title',
] as const;

function ideasFor(db: AnyDb, viewerId: string) {
  return db
    .selectFrom('ideas as i')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .select(ideaColumns)
    .select((eb) => {
      // Whether the viewer has a row for this idea in idea_votes or idea_followers.
      const mine = (table: 'idea_votes' | 'idea_followers') =>
        eb.exists(
          eb
            .selectFrom(table)
            .select(sql`1`.as('one'))
            .whereRef(`${table}.idea_id`, '=', 'i.id')
            .where(`${table}.user_id`, '=', viewerId),
        );
      return [mine('idea_votes').as('voted'), mine('idea_followers').as('following')];
    });
}
export type IdeaRow = NonNullable<Awaited<ReturnType<typeof findIdeaRow>>>;

export async function findIdeaRow(db: AnyDb, viewerId: string, id: string) {
  return ideasFor(db, viewerId).where('i.id', '=', id).executeTakeFirst();
}

export async function boardRows(
  db: AnyDb,
  viewerId: string,
  campaignId: string,
  sort: 'votes' | 'score' | 'recent',
) {
  let q = ideasFor(db, viewerId).where('i.campaign_id', '=', campaignId).where('i.merged_into', 'is', null);
  if (sort === 'votes') q = q.orderBy('i.vote_count', 'desc');
  if (sort === 'score') q = q.orderBy(sql`i.score DESC NULLS LAST`);
  return q.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(500).execute();
}

/** The person joined as `u` beside history, comments and evaluations (presenters' personOf). */
const personColumns = ['u.name', 'u.handle', 'u.job_title'] as const;

export async function historyRows(db: AnyDb, ideaId: string) {
  return db
    .selectFrom('idea_status_changes as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.from_status', 'h.to_status', 'h.explanation', 'h.at', 'h.actor_id', ...personColumns])
    .where('h.idea_id', '=', ideaId)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
}

export async function commentRows(db: AnyDb, ideaId: string) {
  return db
    .selectFrom('idea_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.body', 'c.created_at', 'c.author_id', ...personColumns])
    .where('c.idea_id', '=', ideaId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(500)
    .execute();
}

export async function attachmentRows(db: AnyDb, ideaId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'is_image'])
    .where('idea_id', '=', ideaId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function evaluationRows(db: AnyDb, ideaId: string) {
  return db
    .selectFrom('idea_evaluations as e')
    .leftJoin('users as u', 'u.id', 'e.evaluator_id')
    .select(['e.evaluator_id', 'e.scores', 'e.note', 'e.updated_at', ...personColumns])
    .where('e.idea_id', '=', ideaId)
    .orderBy('e.updated_at')
    .execute();
}

/** Words of a title worth comparing: lower case, 3 letters or more. */
export const titleWords = (text: string) => [
  ...new Set(
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z0-9]{3,}/g) ?? [],
  ),
];

/** Ideas of the campaign sharing the most title words with the text being typed. */
export async function similarRows(db: AnyDb, campaignId: string, text: string) {
  const words = titleWords(text).slice(0, 12);
  if (words.length === 0) return [];
  const rows = await db
    .selectFrom('ideas')
    .select(['id', 'title', 'status', 'vote_count'])
    .where('campaign_id', '=', campaignId)
    .where('merged_into', 'is', null)
    // Words are unaccented in JS; the titles by the database's unaccent, the same on both engines.
    .where((eb) => eb.or(words.map((w) => eb(sql`unaccent(lower(title))`, 'like', `%${w}%`))))
    .limit(200)
    .execute();
  return rows
    .map((r) => ({ r, overlap: titleWords(r.title).filter((w) => words.includes(w)).length }))
    .filter((x) => x.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap || b.r.vote_count - a.r.vote_count)
    .slice(0, 5)
    .map((x) => x.r);
}
