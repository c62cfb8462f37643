// What analytics needs the log to hold beyond the commands' own events: a visit per person
// per UTC day, the searches people make and the knowledge pages others read. These are
// written after the request's work, without making the reader wait: a failed write is
// logged and forgotten (a lost visit only lowers a count by one; it never fails a request).
// "Once per day" is remembered in this process's memory, so a restart (or a second
// process) may record a second visit the same day: harmless, the indicators count distinct
// people and pages, never raw visits.
import type { AppContext } from '../../context.ts';
import { activityRow } from '../../platform/activity.ts';

/** The UTC day of an instant, YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Keys already recorded today, per context (test servers share one process). */
interface Seen {
  day: string;
  keys: Set<string>;
}
const seenByContext = new WeakMap<AppContext, Seen>();

/** Whether `key` is new today (and remembers it); the set is emptied when the day changes. */
function firstToday(ctx: AppContext, day: string, key: string): boolean {
  let seen = seenByContext.get(ctx);
  if (!seen || seen.day !== day) {
    seen = { day, keys: new Set() };
    seenByContext.set(ctx, seen);
  }
  if (seen.keys.has(key)) return false;
  seen.keys.add(key);
  return true;
}

function forget(ctx: AppContext, day: string, key: string): void {
  const seen = seenByContext.get(ctx);
  if (seen?.day === day) seen.keys.delete(key);
}

/** Writes one event in the background; on failure, forgets the key so a later request retries. */
function writeLater(ctx: AppContext, day: string, key: string, row: Parameters<typeof activityRow>[0]): void {
  ctx.db
    .insertInto('activity_events')
    .values(activityRow(row))
    .execute()
    .catch((error: unknown) => {
      forget(ctx, day, key);
      ctx.logger.warn({ err: error, verb: row.verb }, 'analytics event not recorded');
    });
}

/** A signed-in request: the person visited today (recorded once per UTC day). */
export function recordVisit(ctx: AppContext, userId: string): void {
  const at = ctx.clock.now();
  const day = utcDay(at);
  const key = `v:${userId}`;
  if (!firstToday(ctx, day, key)) return;
  writeLater(ctx, day, key, {
    actorId: userId,
    verb: 'user.visited',
    objectType: 'user',
    objectId: userId,
    at,
  });
}

/** Normalised terms of a search, as the no-result table groups them. */
export function normaliseTerms(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 100);
}

/** A first-page search and how many results it found. Every search is recorded. */
export function recordSearch(ctx: AppContext, userId: string, q: string, results: number): void {
  const terms = normaliseTerms(q);
  if (!terms) return;
  ctx.db
    .insertInto('activity_events')
    .values(
      activityRow({
        actorId: userId,
        verb: 'search.performed',
        objectType: 'search',
        data: { terms, results },
        at: ctx.clock.now(),
      }),
    )
    .execute()
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'analytics search not recorded'));
}

/** Someone other than its author opened a knowledge page (once per person, page and day). */
export function recordPageRead(
  ctx: AppContext,
  readerId: string,
  page: { id: string; space_id: string; created_by: string | null },
): void {
  if (page.created_by === readerId) return;
  const at = ctx.clock.now();
  const day = utcDay(at);
  const key = `p:${readerId}:${page.id}`;
  if (!firstToday(ctx, day, key)) return;
  writeLater(ctx, day, key, {
    actorId: readerId,
    verb: 'knowledge.page_read',
    objectType: 'knowledge_page',
    objectId: page.id,
    spaceId: page.space_id,
    targetId: page.created_by,
    at,
  });
}
