// One search over everything the reader may see. Who may see what is the visibility rule
// (spaces/visibility.ts), applied inside every query here; any signed-in account may search.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import { SEARCH_KINDS, type SearchKind } from '../../../common/schemas/search.ts';
import type { AppContext } from '../../context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { UUID_RE } from '../../platform/ids.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { enforce, type Rule } from '../../platform/rate-limit.ts';
import { recordSearch } from '../analytics/instrument.ts';
import { presentSearchResult } from './presenters.ts';
import { type Position, type SearchFilter, searchCounts, searchPage } from './queries.ts';
import { isEmpty, searchTerms } from './terms.ts';

const DAY_MS = 86_400_000;
/** Typing sends a search every quarter second at most; this leaves a person room to spare. */
export const SEARCH_PER_ACCOUNT: Rule = { name: 'search:account', limit: 300, windowSeconds: 60 };

const invalidCursor = () =>
  new ValidationError([{ field: 'cursor', reason: 'invalid_format', message: 'Invalid cursor.' }]);

/** A later page's position, from its cursor: "few|at|id" or "many|at|id"; "few|offset" for relevance. */
function laterPosition(sort: 'recent' | 'relevance', cursor: string): Position {
  const parts = (decodeCursor<string>(cursor, 'string') ?? '').split('|');
  if (sort === 'relevance') {
    const [plan, offset] = parts;
    const n = Number(offset);
    if ((plan !== 'few' && plan !== 'many') || !Number.isInteger(n) || n < 0) throw invalidCursor();
    return { sort, few: plan === 'few', offset: n };
  }
  const [plan, at, id] = parts;
  const when = new Date(at ?? '');
  if ((plan !== 'few' && plan !== 'many') || Number.isNaN(when.getTime()) || !UUID_RE.test(id ?? '')) {
    throw invalidCursor();
  }
  return { sort, few: plan === 'few', after: { at: when, id: id! } };
}

export function registerSearchRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.search, async ({ actor, query }) => {
    // Reading is free, but a search can read many rows: a script should not loop on it.
    await enforce(ctx.limiter, [[SEARCH_PER_ACCOUNT, actor.id]]);
    const terms = searchTerms(query.q);
    const filter: SearchFilter = {
      terms,
      kinds: query.type,
      spaceId: query.space,
      authorId: query.author,
      // Whole days, in UTC: "to" includes the day it names.
      from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
      until: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS - 1) : undefined,
    };
    const later = query.cursor === undefined ? null : laterPosition(query.sort, query.cursor);
    if (isEmpty(terms)) return { items: [], nextCursor: null, counts: null, countsCapped: false };
    // The first page counts first: how many matches there are decides how to read them.
    const counts = later ? null : await searchCounts(ctx.db, actor, filter);
    const at: Position =
      later ??
      (query.sort === 'relevance'
        ? { sort: 'relevance', few: !counts!.capped, offset: 0 }
        : { sort: 'recent', few: !counts!.capped });
    const rows = await searchPage(ctx.db, actor, filter, at, query.limit);
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    if (counts) {
      // Analytics: a first page is a search made (later pages are the same search).
      const total = counts.rows.reduce((sum, r) => sum + Number(r.n), 0);
      recordSearch(ctx, actor.id, query.q, total);
    }
    const last = page.at(-1);
    let nextCursor: string | null = null;
    if (more && last) {
      nextCursor =
        at.sort === 'relevance'
          ? encodeCursor(`${at.few ? 'few' : 'many'}|${at.offset + page.length}`)
          : encodeCursor(`${at.few ? 'few' : 'many'}|${last.created_at.toISOString()}|${last.id}`);
    }
    return {
      items: page.map(presentSearchResult),
      nextCursor,
      counts: counts
        ? (Object.fromEntries(
            SEARCH_KINDS.map((k) => [k, Number(counts.rows.find((r) => r.kind === k)?.n ?? 0)]),
          ) as Record<SearchKind, number>)
        : null,
      countsCapped: counts?.capped ?? false,
    };
  });
}
