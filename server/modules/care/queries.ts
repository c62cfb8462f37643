// Reads of the care inbox. The list pages by (last_message_at, id), newest first, from a
// page of conversation ids found first (each filter has its index, see migration
// 2026-12-03-02), then joined to what a row shows — so a page costs its 25 rows, not the inbox.
import { sql } from 'kysely';
import type { CareFilters } from '../../../common/schemas/care.ts';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { ValidationError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { worksInbox } from './policies.ts';

type AnyDb = Db | import('kysely').Transaction<Database>;

/** Columns of a conversation row as the list and the detail show it. */
export async function conversationRows(db: AnyDb, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('care_conversations as c')
    .innerJoin('care_channels as ch', 'ch.id', 'c.channel_id')
    .innerJoin('care_customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_id')
    .leftJoin('care_teams as t', 't.id', 'c.team_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('care_messages as m')
          .select(['m.kind as last_kind', sql<string>`left(m.body, 300)`.as('last_body')])
          .whereRef('m.conversation_id', '=', 'c.id')
          .orderBy('m.created_at', 'desc')
          .orderBy('m.id', 'desc')
          .limit(1)
          .as('lm'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id',
      'c.subject',
      'c.status',
      'c.priority',
      'c.tags',
      'c.message_count',
      'c.sentiment',
      'c.created_at',
      'c.last_message_at',
      'c.last_inbound_at',
      'c.first_response_at',
      'c.resolved_at',
      'c.first_response_due_at',
      'c.resolution_due_at',
      'c.sla_warned_at',
      'c.first_response_breached_at',
      'c.resolution_breached_at',
      'c.channel_id',
      'c.customer_id',
      'c.assignee_id',
      'c.team_id',
      'ch.kind as channel_kind',
      'ch.name as channel_name',
      'cu.display_name as customer_name',
      'cu.email as customer_email',
      'a.name as assignee_name',
      't.name as team_name',
      'lm.last_kind',
      'lm.last_body',
    ])
    .where('c.id', 'in', ids)
    .execute();
}
export type ConversationRow = Awaited<ReturnType<typeof conversationRows>>[number];

export async function findConversation(db: AnyDb, id: string): Promise<ConversationRow | undefined> {
  return (await conversationRows(db, [id]))[0];
}

/** The words of `q` as a prefix query of `trame_words` ("colis perdu" → colis:* & perdu:*), or null. */
export function wordsQuery(q: string): string | null {
  const words = (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  return words.length ? words.map((w) => `${w.toLowerCase()}:*`).join(' & ') : null;
}

export interface ListInput {
  filters: CareFilters;
  viewerId: string;
  limit: number;
  cursor?: string;
}

interface Key {
  at: string;
  id: string;
}

function decodeKey(cursor: string | undefined): Key | undefined {
  const raw = decodeCursor<string>(cursor, 'string');
  if (raw === undefined) return undefined;
  const [at, id] = raw.split('|');
  if (!at || !id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(Date.parse(at)))
    throw new ValidationError([{ field: 'cursor', reason: 'invalid_format', message: 'Invalid cursor.' }]);
  return { at, id };
}

/** One page of the inbox: ordered rows and the cursor of the next page. */
export async function listConversations(db: Db, input: ListInput) {
  const f = input.filters;
  const key = decodeKey(input.cursor);
  const words = f.q ? wordsQuery(f.q) : null;
  let query = db
    .selectFrom('care_conversations as c')
    // The key as PostgreSQL writes it: microseconds survive the round trip through the cursor.
    .select(['c.id', sql<string>`c.last_message_at::text`.as('at')])
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(input.limit + 1);
  if (f.status) query = query.where('c.status', '=', f.status);
  if (f.assignee === 'me') query = query.where('c.assignee_id', '=', input.viewerId);
  else if (f.assignee === 'none') query = query.where('c.assignee_id', 'is', null);
  else if (f.assignee) query = query.where('c.assignee_id', '=', f.assignee);
  if (f.team) query = query.where('c.team_id', '=', f.team);
  if (f.tag) query = query.where(sql<boolean>`c.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.channel) query = query.where('c.channel_id', '=', f.channel);
  if (f.priority) query = query.where('c.priority', '=', f.priority);
  if (f.breached === true)
    query = query.where((eb) =>
      eb.or([
        eb('c.first_response_breached_at', 'is not', null),
        eb('c.resolution_breached_at', 'is not', null),
      ]),
    );
  else if (f.breached === false)
    query = query
      .where('c.first_response_breached_at', 'is', null)
      .where('c.resolution_breached_at', 'is', null);
  if (f.q && !words) return { rows: [], nextCursor: null };
  if (words) query = query.where(matchesWords(words));
  if (key)
    query = query.where(sql<boolean>`(c.last_message_at, c.id) < (${key.at}::timestamptz, ${key.id}::uuid)`);

  const page = await query.execute();
  const more = page.length > input.limit;
  const kept = more ? page.slice(0, input.limit) : page;
  const byId = new Map(
    (
      await conversationRows(
        db,
        kept.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  const last = kept.at(-1);
  return {
    rows: kept.map((r) => byId.get(r.id)).filter((r): r is ConversationRow => r !== undefined),
    nextCursor: more && last ? encodeCursor(`${last.at}|${last.id}`) : null,
  };
}

/**
 * A conversation whose subject, customer (name or address) or any message holds every word:
 * one set of ids from three index scans (never a text search per listed row).
 */
function matchesWords(words: string) {
  const tsq = sql`to_tsquery('trame_words'::regconfig, ${words})`;
  return sql<boolean>`c.id IN (
    SELECT id FROM care_conversations WHERE to_tsvector('trame_words'::regconfig, subject) @@ ${tsq}
    UNION
    SELECT x.id FROM care_conversations x WHERE x.customer_id IN (SELECT id FROM care_customers
      WHERE to_tsvector('trame_words'::regconfig, display_name || ' ' || coalesce(email, '')) @@ ${tsq})
    UNION
    SELECT conversation_id FROM care_messages WHERE to_tsvector('trame_words'::regconfig, body) @@ ${tsq})`;
}

const messages = (db: AnyDb) =>
  db
    .selectFrom('care_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select([
      'm.id',
      'm.kind',
      'm.body',
      'm.author_id',
      'u.name as author_name',
      'm.created_at',
      'm.sentiment',
      'm.delivery_status',
      'm.delivery_error',
      'm.delivered_at',
    ]);

/** The timeline of a conversation, oldest first, with each author's name. */
export async function conversationMessages(db: AnyDb, conversationId: string) {
  return messages(db)
    .where('m.conversation_id', '=', conversationId)
    .orderBy('m.created_at', 'asc')
    .orderBy('m.id', 'asc')
    .execute();
}
export type MessageRow = Awaited<ReturnType<typeof conversationMessages>>[number];

export async function messageRow(db: AnyDb, id: string): Promise<MessageRow> {
  return messages(db).where('m.id', '=', id).executeTakeFirstOrThrow();
}

/** The customer's identities on every channel kind, and their other conversations. */
export async function customerDetail(db: AnyDb, customerId: string, conversationId: string) {
  // A merged customer's identities moved to the survivor; the merged rows' still count.
  const identities = await db
    .selectFrom('care_customer_identities as i')
    .innerJoin('care_customers as cu', 'cu.id', 'i.customer_id')
    .select(['i.kind', 'i.value'])
    .where((eb) => eb.or([eb('i.customer_id', '=', customerId), eb('cu.merged_into', '=', customerId)]))
    .orderBy('i.kind')
    .orderBy('i.value')
    .execute();
  const others = await db
    .selectFrom('care_conversations as c')
    .innerJoin('care_channels as ch', 'ch.id', 'c.channel_id')
    .select([
      'c.id',
      'c.subject',
      'c.status',
      'c.last_message_at',
      'ch.id as channel_id',
      'ch.kind',
      'ch.name',
    ])
    // Including those of customers an agent merged into this one.
    .where((eb) =>
      eb.or([
        eb('c.customer_id', '=', customerId),
        eb(
          'c.customer_id',
          'in',
          eb.selectFrom('care_customers').select('id').where('merged_into', '=', customerId),
        ),
      ]),
    )
    .where('c.id', '!=', conversationId)
    .orderBy('c.last_message_at', 'desc')
    .limit(20)
    .execute();
  return { identities, others };
}

export const PRESENCE_WINDOW_MS = 60_000;

/** Other agents who had the conversation open in the last minute. */
export async function viewersOf(db: AnyDb, conversationId: string, exceptUserId: string, now: Date) {
  return db
    .selectFrom('care_presence as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'u.name', 'p.composing', 'p.seen_at'])
    .where('p.conversation_id', '=', conversationId)
    .where('p.user_id', '!=', exceptUserId)
    .where('p.seen_at', '>', new Date(now.getTime() - PRESENCE_WINDOW_MS))
    .orderBy('p.seen_at', 'desc')
    .execute();
}
export type ViewerRow = Awaited<ReturnType<typeof viewersOf>>[number];

/** Who works the inbox: agents (the grant) and administrators, active. */
export async function agentDirectory(db: AnyDb) {
  const agents = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where(worksInbox())
    .orderBy('name')
    .orderBy('id')
    .execute();
  const memberships = await db
    .selectFrom('care_team_members as m')
    .innerJoin('care_teams as t', 't.id', 'm.team_id')
    .select(['m.user_id', 't.id', 't.name'])
    .orderBy('t.name')
    .execute();
  const teams = await db.selectFrom('care_teams').select(['id', 'name']).orderBy('name').execute();
  const channels = await db
    .selectFrom('care_channels')
    .select(['id', 'kind', 'name'])
    .orderBy('name')
    .execute();
  return { agents, memberships, teams, channels };
}

export async function cannedReplies(db: AnyDb) {
  return db
    .selectFrom('care_canned_replies as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.title', 'r.body', 'r.created_by', 'u.name as author_name', 'r.updated_at'])
    .orderBy('r.title')
    .orderBy('r.id')
    .execute();
}
export type CannedRow = Awaited<ReturnType<typeof cannedReplies>>[number];

export async function cannedReply(db: AnyDb, id: string): Promise<CannedRow | undefined> {
  return db
    .selectFrom('care_canned_replies as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.title', 'r.body', 'r.created_by', 'u.name as author_name', 'r.updated_at'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** My views and the shared ones, mine first. */
export async function savedViews(db: AnyDb, viewerId: string) {
  return db
    .selectFrom('care_views as v')
    .innerJoin('users as u', 'u.id', 'v.owner_id')
    .select(['v.id', 'v.name', 'v.filters', 'v.shared', 'v.owner_id', 'u.name as owner_name', 'v.created_at'])
    .where((eb) => eb.or([eb('v.owner_id', '=', viewerId), eb('v.shared', '=', true)]))
    .orderBy(sql`v.owner_id = ${viewerId}`, 'desc')
    .orderBy('v.name')
    .orderBy('v.id')
    .execute();
}
export type ViewRow = Awaited<ReturnType<typeof savedViews>>[number];

/** A view this viewer may use: their own or a shared one. */
export async function savedView(db: AnyDb, viewerId: string, id: string): Promise<ViewRow | undefined> {
  return db
    .selectFrom('care_views as v')
    .innerJoin('users as u', 'u.id', 'v.owner_id')
    .select(['v.id', 'v.name', 'v.filters', 'v.shared', 'v.owner_id', 'u.name as owner_name', 'v.created_at'])
    .where('v.id', '=', id)
    .where((eb) => eb.or([eb('v.owner_id', '=', viewerId), eb('v.shared', '=', true)]))
    .executeTakeFirst();
}
