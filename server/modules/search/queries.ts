// Reading search results. Every query goes through searchableDocuments (the visibility rule),
// for the page as for the counts, so neither a result, a snippet nor a number can come from
// something the reader may not see.
import { type AliasedExpression, type RawBuilder, sql } from 'kysely';
import {
  CONTENT_KINDS,
  COUNT_CAP,
  RELEVANCE_WINDOW,
  type SearchKind,
} from '../../../common/schemas/search.ts';
import type { Db } from '../../db/database.ts';
import { UNPREPARED as UNPREPARED_MARK } from '../../db/prepared-client.ts';
import { searchableDocuments, type Viewer } from '../spaces/visibility.ts';
import type { SearchTerms } from './terms.ts';

export interface SearchFilter {
  terms: SearchTerms;
  kinds?: SearchKind[] | undefined;
  spaceId?: string | undefined;
  authorId?: string | undefined;
  /** Inclusive bounds on when it was written. */
  from?: Date | undefined;
  until?: Date | undefined;
}

/** Highlighted words are wrapped in these; the presenter turns them into snippet parts. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The words as a tsquery: each whole word by its French or English stem, the last as the
 * start of a stem or of a word as written. Built from parameters only (terms.ts lets
 * letters and digits through), and folded to a constant when the query is planned.
 */
function tsquery(terms: SearchTerms): RawBuilder<unknown> {
  const parts = terms.words.map((w) => sql`(to_tsquery('trame_fr', ${w}) || to_tsquery('trame_en', ${w}))`);
  if (terms.prefix !== null) {
    const p = `${terms.prefix}:*`;
    parts.push(
      sql`(to_tsquery('trame_fr', ${p}) || to_tsquery('trame_en', ${p}) || to_tsquery('trame_words', ${p}))`,
    );
  }
  return sql`(${sql.join(parts, sql` && `)})`;
}

// Planned for its own words each time (no prepared statement, see db/prepared-client.ts):
// a common word is best read newest-first along the date index, a rare one from the word
// index, and one generic plan cannot be right for both.
const UNPREPARED = sql.raw(UNPREPARED_MARK);

function matching(db: Db, viewer: Viewer, filter: SearchFilter, withKinds: boolean) {
  let query = db
    .selectFrom('search_documents')
    .where(sql<boolean>`search_documents.tsv @@ ${tsquery(filter.terms)}`)
    .where((eb) => searchableDocuments(eb, viewer));
  if (withKinds && filter.kinds?.length) query = query.where('search_documents.kind', 'in', filter.kinds);
  if (filter.spaceId) query = query.where('search_documents.space_id', '=', filter.spaceId);
  // "By someone" is about what they wrote: people and spaces are not written by anyone.
  if (filter.authorId) {
    query = query
      .where('search_documents.author_id', '=', filter.authorId)
      .where('search_documents.kind', 'in', CONTENT_KINDS);
  }
  if (filter.from) query = query.where('search_documents.created_at', '>=', filter.from);
  if (filter.until) query = query.where('search_documents.created_at', '<=', filter.until);
  return query;
}

export interface RecentCursor {
  at: Date;
  id: string;
}

/**
 * Where a page starts, and how to read: `few` when the first page counted at most
 * COUNT_CAP matches. Then every match is read from the word index and sorted (or ranked);
 * otherwise they are read newest first along the date index, stopping after a page (or
 * after the relevance window).
 * The planner cannot choose between the two by itself: a word it has no statistics for
 * (new, or a prefix) looks common, and it walked the date index through a million rows
 * for thirty matches (150 ms; 2 ms this way).
 */
export type Position =
  | { sort: 'recent'; few: boolean; after?: RecentCursor }
  | { sort: 'relevance'; few: boolean; offset: number };

/** One page of results (limit + 1 rows, to tell whether there is more), with what to show. */
export async function searchPage(db: Db, viewer: Viewer, filter: SearchFilter, at: Position, limit: number) {
  const q = tsquery(filter.terms);
  const base = matching(db, viewer, filter, true).modifyFront(UNPREPARED);
  let page: AliasedExpression<{ id: string; rank: number }, 'p'>;
  if (at.sort === 'recent') {
    let ids = base.select(['search_documents.id', 'search_documents.created_at']);
    const after = at.after;
    if (after) {
      ids = ids.where((eb) =>
        eb.or([
          eb('search_documents.created_at', '<', after.at),
          eb.and([
            eb('search_documents.created_at', '=', after.at),
            eb('search_documents.id', '<', after.id),
          ]),
        ]),
      );
    }
    // A materialized CTE is planned on its own, as "all matches", not as "the newest".
    const source = at.few
      ? db
          .with(
            (cte) => cte('f').materialized(),
            () => ids,
          )
          .selectFrom('f')
      : db.selectFrom(ids.as('f'));
    page = source
      .select(['f.id', sql<number>`0`.as('rank')])
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(limit + 1)
      .as('p');
  } else {
    // Relevance ranks the most recent matches only: ranking every match of a common word
    // would read them all (see docs/search.md). With few matches, all of them (the same set).
    const columns = base.select([
      'search_documents.id',
      'search_documents.tsv',
      'search_documents.created_at',
    ]);
    const source = at.few
      ? db
          .with(
            (cte) => cte('w').materialized(),
            () => columns,
          )
          .selectFrom('w')
      : db.selectFrom(
          columns
            .orderBy('search_documents.created_at', 'desc')
            .orderBy('search_documents.id', 'desc')
            .limit(RELEVANCE_WINDOW)
            .as('w'),
        );
    page = source
      .select(['w.id as id', sql<number>`ts_rank_cd(w.tsv, ${q}, 1)`.as('rank')])
      .orderBy('rank', 'desc')
      .orderBy('w.created_at', 'desc')
      .orderBy('w.id', 'desc')
      .offset(at.offset)
      .limit(limit + 1)
      .as('p');
  }
  // Names, places and snippets for the page's rows only, once it is cut; same order.
  return db
    .selectFrom(page)
    .innerJoin('search_documents as d', 'd.id', 'p.id')
    .leftJoin('users as a', 'a.id', 'd.author_id')
    .leftJoin('spaces as s', 's.id', 'd.space_id')
    .modifyFront(UNPREPARED)
    .select([
      'd.id',
      'd.kind',
      'd.post_id',
      'd.title',
      'd.created_at',
      'a.id as author_id',
      'a.name as author_name',
      'a.handle as author_handle',
      'a.job_title as author_job_title',
      's.id as space_id',
      's.slug as space_slug',
      's.name as space_name',
      's.external as space_external',
      sql<string>`ts_headline('trame_fr', d.body, ${q}, ${HEADLINE_OPTIONS})`.as('snippet_fr'),
      sql<string>`ts_headline('trame_en', d.body, ${q}, ${HEADLINE_OPTIONS})`.as('snippet_en'),
    ])
    .orderBy('p.rank', 'desc')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

export type SearchRow = Awaited<ReturnType<typeof searchPage>>[number];

/** Matches per kind among the first COUNT_CAP (+1, to know whether there are more). */
export async function searchCounts(db: Db, viewer: Viewer, filter: SearchFilter) {
  const sample = matching(db, viewer, filter, false)
    .modifyFront(UNPREPARED)
    .select('search_documents.kind')
    .limit(COUNT_CAP + 1);
  const rows = await db
    .selectFrom(sample.as('m'))
    .select(['m.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('m.kind')
    .execute();
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  return { rows, capped: total > COUNT_CAP };
}
