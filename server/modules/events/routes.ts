import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http/route.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { hashToken } from '../../platform/tokens.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { readableSpace } from '../stream/access.ts';
import { writeLimits } from '../stream/rate-limits.ts';
import {
  answerEvent,
  cancelEvent,
  createCalendarFeed,
  createEvent,
  deleteCalendarFeed,
  updateEvent,
} from './commands.ts';
import { calendar, type IcsEvent } from './ics.ts';
import { presentEvent } from './presenters.ts';
import { calendarEvents, findEvent, listAttendees, listEvents } from './queries.ts';

const DAY_MS = 86_400_000;

export function registerEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const host = new URL(ctx.config.PUBLIC_URL).host;
  const eventUrl = (id: string) => new URL(`/events/${id}`, ctx.config.PUBLIC_URL).toString();
  const readable = async (viewer: Viewer, id: string) => {
    const row = await findEvent(ctx.db, viewer, id);
    if (!row) throw notFound('Event');
    return row;
  };
  const one = async (viewer: Viewer, id: string) => presentEvent(await readable(viewer, id), viewer);
  const ics = (row: Parameters<typeof toIcs>[0]) => toIcs(row, eventUrl(row.id));

  route(app, ctx, api.listEvents, async ({ actor, query }) => {
    const spaceId = query.space ? (await readableSpace(ctx.db, actor, query.space)).space.id : undefined;
    const rows = await listEvents(ctx.db, actor, {
      when: query.when,
      spaceId,
      now: ctx.clock.now(),
      limit: 100,
    });
    return { items: rows.map((r) => presentEvent(r, actor)) };
  });

  route(app, ctx, api.createEvent, async ({ actor, params, body }) => {
    await enforce(ctx.limiter, [[writeLimits.postPerAccount, actor.id]]);
    return one(actor, await createEvent(ctx, { actor, spaceRef: params.space, body }));
  });

  route(app, ctx, api.getEvent, async ({ actor, params }) => one(actor, params.id));

  route(app, ctx, api.updateEvent, async ({ actor, params, body, meta }) => {
    await updateEvent(ctx, { actor, id: params.id, body, meta });
    return one(actor, params.id);
  });

  route(app, ctx, api.cancelEvent, async ({ actor, params, meta }) => {
    await cancelEvent(ctx, { actor, id: params.id, meta });
    return one(actor, params.id);
  });

  route(app, ctx, api.answerEvent, async ({ actor, params, body }) => {
    await enforce(ctx.limiter, [[writeLimits.reactionPerAccount, actor.id]]);
    await answerEvent(ctx, { actor, id: params.id, answer: body.answer });
    return one(actor, params.id);
  });

  route(app, ctx, api.eventAttendees, async ({ actor, params }) => {
    await readable(actor, params.id);
    const rows = await listAttendees(ctx.db, params.id);
    const of = (answer: string) =>
      rows
        .filter((r) => r.answer === answer)
        .map((r) => ({ id: r.id, name: r.name, handle: r.handle, jobTitle: r.job_title }));
    return { yes: of('yes'), maybe: of('maybe'), no: of('no') };
  });

  route(app, ctx, api.eventIcs, async ({ actor, params, reply }) => {
    const row = await readable(actor, params.id);
    const body = calendar([ics(row)], { host, name: row.title, now: ctx.clock.now() });
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="event-${row.id}.ics"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  });

  route(app, ctx, api.createCalendarFeed, async ({ actor }) => {
    const token = await createCalendarFeed(ctx, actor);
    return { url: new URL(`/api/v1/calendar/${token}`, ctx.config.PUBLIC_URL).toString() };
  });

  route(app, ctx, api.deleteCalendarFeed, async ({ actor }) => {
    await deleteCalendarFeed(ctx, actor);
  });

  // Calendar apps fetch this without a session: the unguessable token is the key, and only
  // an active account's feed answers. It shows the spaces the person belongs to now.
  route(app, ctx, api.calendarFeed, async ({ params, reply }) => {
    const feed = await ctx.db
      .selectFrom('calendar_feeds as f')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .select(['u.id', 'u.name'])
      .where('f.token_hash', '=', hashToken(params.token))
      .where('u.status', '=', 'active')
      .executeTakeFirst();
    if (!feed) throw notFound('Calendar');
    const now = ctx.clock.now();
    const rows = await calendarEvents(ctx.db, feed.id, new Date(now.getTime() - 30 * DAY_MS));
    const body = calendar(
      rows.map((r) => ics(r)),
      { host, name: `Trame — ${feed.name}`, now },
    );
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(body);
  });
}

function toIcs(
  row: {
    id: string;
    title: string;
    description: string;
    starts_at: Date;
    ends_at: Date;
    time_zone: string;
    location: string | null;
    online_url: string | null;
    cancelled_at: Date | null;
    created_at: Date;
    updated_at: Date;
  },
  url: string,
): IcsEvent {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    location: row.location,
    onlineUrl: row.online_url,
    cancelled: row.cancelled_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    url,
  };
}
