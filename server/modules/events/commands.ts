// Writing events: create, change, cancel, answer; the private calendar feed; and the
// reminder, a job queued for an hour before the start (queued again when the start moves;
// a job for an older start finds it changed and does nothing).
import type { z } from 'zod';
import type { EventAnswer, EventCreateBody, EventUpdateBody } from '../../../common/schemas/events.ts';
import type { AppContext } from '../../context.ts';
import { recordActivity } from '../../platform/activity.ts';
import { audit, type RequestMeta } from '../../platform/audit.ts';
import { forbidden, notFound, ValidationError } from '../../platform/errors.ts';
import { type Actor, actorRef } from '../../platform/http/request.ts';
import { newId } from '../../platform/ids.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import { authorize } from '../../platform/policy.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { inTransaction, type Tx } from '../../platform/transaction.ts';
import { notify } from '../notifications/notify.ts';
import { canReadSpace } from '../spaces/visibility.ts';
import { readableSpace } from '../stream/access.ts';
import { eventsPolicy } from './policies.ts';
import { findEvent } from './queries.ts';

export const EVENT_REMINDER_JOB = 'event.reminder';
const REMINDER_BEFORE_MS = 60 * 60_000;

async function queueReminder(tx: Tx, eventId: string, startsAt: Date): Promise<void> {
  const runAt = new Date(Math.max(tx.now.getTime(), startsAt.getTime() - REMINDER_BEFORE_MS));
  if (startsAt.getTime() <= tx.now.getTime()) return;
  await enqueue(tx, EVENT_REMINDER_JOB, { eventId, startsAt: startsAt.toISOString() }, { runAt });
}

/** People who said yes or maybe and may still read the space. */
async function comingReaders(tx: Tx, event: { id: string; space_id: string }) {
  const space = await tx.db
    .selectFrom('spaces')
    .select(['visibility', 'archived_at'])
    .where('id', '=', event.space_id)
    .executeTakeFirstOrThrow();
  const rows = await tx.db
    .selectFrom('event_answers as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('space_members as sm', (j) =>
      j.onRef('sm.user_id', '=', 'u.id').on('sm.space_id', '=', event.space_id),
    )
    .select(['u.id', 'u.role', 'sm.role as membership'])
    .where('a.event_id', '=', event.id)
    .where('a.answer', 'in', ['yes', 'maybe'])
    .where('u.status', '=', 'active')
    .execute();
  return rows
    .filter((r) => canReadSpace({ id: r.id, role: r.role }, space, r.membership ?? null))
    .map((r) => r.id);
}

type CreateBody = z.output<typeof EventCreateBody>;

export async function createEvent(
  ctx: AppContext,
  input: { actor: Actor; spaceRef: string; body: CreateBody },
): Promise<string> {
  const { actor, body } = input;
  return inTransaction(ctx, async (tx) => {
    const { space, membership } = await readableSpace(tx.db, actor, input.spaceRef);
    if (!eventsPolicy.canCreate(membership, space))
      throw forbidden(
        space.archived_at ? 'This space is archived.' : 'Only members create events in this space.',
      );
    const id = newId();
    const startsAt = new Date(body.startsAt);
    await tx.db
      .insertInto('events')
      .values({
        id,
        space_id: space.id,
        created_by: actor.id,
        title: body.title,
        description: body.description,
        starts_at: startsAt,
        ends_at: new Date(body.endsAt),
        time_zone: body.timeZone,
        location: body.location ?? null,
        online_url: body.onlineUrl ?? null,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await queueReminder(tx, id, startsAt);
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'event.created',
      objectType: 'event',
      objectId: id,
      spaceId: space.id,
      at: tx.now,
    });
    return id;
  });
}

/** The event, readable and changeable by the actor, locked for the transaction. */
async function editable(tx: Tx, actor: Actor, id: string) {
  const row = await findEvent(tx.db, actor, id);
  if (!row) throw notFound('Event');
  authorize(
    eventsPolicy.canEdit(actor, row, row.my_role ?? null),
    'Only its organiser or a moderator can change it.',
  );
  await tx.db.selectFrom('events').select('id').where('id', '=', id).forUpdate().execute();
  return row;
}

export async function updateEvent(
  ctx: AppContext,
  input: { actor: Actor; id: string; body: z.output<typeof EventUpdateBody>; meta: RequestMeta },
): Promise<void> {
  const { actor, body } = input;
  await inTransaction(ctx, async (tx) => {
    const row = await editable(tx, actor, input.id);
    if (row.cancelled_at) throw forbidden('This event is cancelled.');
    const startsAt = body.startsAt ? new Date(body.startsAt) : row.starts_at;
    const endsAt = body.endsAt ? new Date(body.endsAt) : row.ends_at;
    if (endsAt <= startsAt)
      throw new ValidationError([
        { field: 'endsAt', reason: 'invalid', message: 'The end comes before the start.' },
      ]);
    await tx.db
      .updateTable('events')
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.timeZone !== undefined ? { time_zone: body.timeZone } : {}),
        ...(body.location !== undefined ? { location: body.location } : {}),
        ...(body.onlineUrl !== undefined ? { online_url: body.onlineUrl } : {}),
        starts_at: startsAt,
        ends_at: endsAt,
        updated_at: tx.now,
      })
      .where('id', '=', row.id)
      .execute();
    if (startsAt.getTime() !== row.starts_at.getTime()) await queueReminder(tx, row.id, startsAt);
    if (row.created_by !== actor.id) {
      await audit(tx.db, {
        action: 'event.updated_by_moderator',
        actor: actorRef(actor),
        target: { type: 'event', id: row.id },
        before: { title: row.title, startsAt: row.starts_at, endsAt: row.ends_at },
        after: { title: body.title ?? row.title, startsAt, endsAt },
        meta: input.meta,
        at: tx.now,
      });
    }
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'event.updated',
      objectType: 'event',
      objectId: row.id,
      spaceId: row.space_id,
      at: tx.now,
    });
  });
}

export async function cancelEvent(
  ctx: AppContext,
  input: { actor: Actor; id: string; meta: RequestMeta },
): Promise<void> {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const row = await editable(tx, actor, input.id);
    if (row.cancelled_at) return;
    await tx.db
      .updateTable('events')
      .set({ cancelled_at: tx.now, updated_at: tx.now })
      .where('id', '=', row.id)
      .execute();
    await notify(tx, {
      recipients: await comingReaders(tx, row),
      kind: 'event_cancelled',
      actorId: actor.id,
      spaceId: row.space_id,
      data: { eventId: row.id, title: row.title },
    });
    if (row.created_by !== actor.id) {
      await audit(tx.db, {
        action: 'event.cancelled_by_moderator',
        actor: actorRef(actor),
        target: { type: 'event', id: row.id },
        before: { title: row.title, createdBy: row.created_by },
        meta: input.meta,
        at: tx.now,
      });
    }
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'event.cancelled',
      objectType: 'event',
      objectId: row.id,
      spaceId: row.space_id,
      at: tx.now,
    });
  });
}

const COUNT_COLUMN = { yes: 'yes_count', maybe: 'maybe_count', no: 'no_count' } as const;

export async function answerEvent(
  ctx: AppContext,
  input: { actor: Actor; id: string; answer: EventAnswer },
): Promise<void> {
  const { actor, answer } = input;
  await inTransaction(ctx, async (tx) => {
    const row = await findEvent(tx.db, actor, input.id);
    if (!row) throw notFound('Event');
    if (row.cancelled_at) throw forbidden('This event is cancelled.');
    authorize(eventsPolicy.canAnswer(actor, row.my_role ?? null), 'Guests answer in their own spaces only.');
    await tx.db.selectFrom('events').select('id').where('id', '=', row.id).forUpdate().execute();
    const previous = await tx.db
      .selectFrom('event_answers')
      .select('answer')
      .where('event_id', '=', row.id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (previous?.answer === answer) return;
    await tx.db
      .insertInto('event_answers')
      .values({ event_id: row.id, user_id: actor.id, answer, answered_at: tx.now })
      .onConflict((oc) => oc.columns(['event_id', 'user_id']).doUpdateSet({ answer, answered_at: tx.now }))
      .execute();
    const was = previous ? COUNT_COLUMN[previous.answer as EventAnswer] : null;
    const now = COUNT_COLUMN[answer];
    await tx.db
      .updateTable('events')
      .set((eb) => ({
        [now]: eb(now, '+', 1),
        ...(was ? { [was]: eb(was, '-', 1) } : {}),
      }))
      .where('id', '=', row.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'event.answered',
      objectType: 'event',
      objectId: row.id,
      spaceId: row.space_id,
      data: { answer },
      at: tx.now,
    });
  });
}

/** A new feed token (the previous one stops working); returned once, stored hashed. */
export async function createCalendarFeed(ctx: AppContext, actor: Actor): Promise<string> {
  const token = newToken();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('calendar_feeds')
      .values({ user_id: actor.id, token_hash: hashToken(token), created_at: tx.now })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ token_hash: hashToken(token), created_at: tx.now }),
      )
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'calendar_feed.created',
      objectType: 'user',
      objectId: actor.id,
      at: tx.now,
    });
  });
  return token;
}

export async function deleteCalendarFeed(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.deleteFrom('calendar_feeds').where('user_id', '=', actor.id).execute();
}

/** The reminder job: tells those coming, an hour before, if the event still starts then. */
export function remindAttendees(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const eventId = String(payload.eventId);
    await inTransaction(ctx, async (tx) => {
      const row = await tx.db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
      if (!row || row.cancelled_at || row.starts_at.toISOString() !== payload.startsAt) return;
      await notify(tx, {
        recipients: await comingReaders(tx, row),
        kind: 'event_reminder',
        actorId: null,
        spaceId: row.space_id,
        data: { eventId: row.id, title: row.title, startsAt: row.starts_at.toISOString() },
      });
    });
  };
}
