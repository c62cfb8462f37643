// Creating a space (its creator becomes owner) and changing its name, description, type
// visibility or whether it is external. Visibility and external changes are audited: they
// decide who reads what.
import type { z } from 'zod';
import type { SpaceCreateBody, SpaceUpdateBody } from '../../../../common/schemas/spaces.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { hasGuests } from '../../external/queries.ts';
import { slugify } from '../slug.ts';

async function freeSlug(tx: Tx, wanted: string, explicit: boolean): Promise<string> {
  const taken = new Set(
    (
      await tx.db
        .selectFrom('spaces')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', wanted), eb('slug', 'like', `${wanted}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  if (explicit) throw slugTaken(wanted);
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

const slugTaken = (slug: string) =>
  conflict('slug_taken', `The address "${slug}" is already used by another space.`);

export function createSpace(
  ctx: AppContext,
  input: { actor: Actor; body: z.output<typeof SpaceCreateBody>; meta: RequestMeta },
): Promise<string> {
  const { actor, body, meta } = input;
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const wanted = body.slug ?? slugify(body.name);
    // Two spaces named alike at the same moment both find the same free slug: the loser of
    // the insert looks again rather than failing on the unique index.
    let slug = '';
    for (let attempt = 0; !slug; attempt++) {
      if (attempt === 5) throw slugTaken(wanted);
      const candidate = await freeSlug(tx, wanted, body.slug !== undefined);
      const inserted = await tx.db
        .insertInto('spaces')
        .values({
          id,
          slug: candidate,
          name: body.name,
          description: body.description,
          type: body.type,
          visibility: body.visibility,
          external: body.external,
          created_by: actor.id,
          created_at: tx.now,
          updated_at: tx.now,
          member_count: 1,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returning('slug')
        .execute();
      if (inserted.length > 0) slug = candidate;
    }
    await tx.db
      .insertInto('space_members')
      .values({ space_id: id, user_id: actor.id, role: 'owner', joined_at: tx.now })
      .execute();
    await audit(tx.db, {
      action: 'space.created',
      actor: actorRef(actor),
      target: { type: 'space', id, label: body.name },
      after: { name: body.name, slug, type: body.type, visibility: body.visibility, external: body.external },
      meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'space.created',
      objectType: 'space',
      objectId: id,
      spaceId: id,
      data: { type: body.type, visibility: body.visibility, external: body.external },
      at: tx.now,
    });
    return id;
  });
}

export function updateSpace(
  ctx: AppContext,
  input: { actor: Actor; spaceId: string; body: z.output<typeof SpaceUpdateBody>; meta: RequestMeta },
): Promise<void> {
  const { actor, spaceId, body, meta } = input;
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('spaces')
      .select(['name', 'description', 'type', 'visibility', 'external'])
      .where('id', '=', spaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('Space');
    // Guests may belong only to external spaces: they must all be gone (and their
    // invitations withdrawn) first. The row lock above makes invitations wait for us.
    if (body.external === false && before.external && (await hasGuests(tx.db, spaceId, tx.now))) {
      throw conflict(
        'space_has_guests',
        'This space still has guests or pending guest invitations: remove them before making it internal.',
      );
    }
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    await tx.db
      .updateTable('spaces')
      .set({ ...changes, updated_at: tx.now })
      .where('id', '=', spaceId)
      .execute();
    if (body.visibility && body.visibility !== before.visibility) {
      await audit(tx.db, {
        action: 'space.visibility_changed',
        actor: actorRef(actor),
        target: { type: 'space', id: spaceId, label: body.name ?? before.name },
        before: { visibility: before.visibility },
        after: { visibility: body.visibility },
        meta,
        at: tx.now,
      });
    }
    if (body.external !== undefined && body.external !== before.external) {
      await audit(tx.db, {
        action: body.external ? 'space.made_external' : 'space.made_internal',
        actor: actorRef(actor),
        target: { type: 'space', id: spaceId, label: body.name ?? before.name },
        before: { external: before.external },
        after: { external: body.external },
        meta,
        at: tx.now,
      });
    }
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'space.updated',
      objectType: 'space',
      objectId: spaceId,
      spaceId,
      data: { fields: Object.keys(changes) },
      at: tx.now,
    });
  });
}
