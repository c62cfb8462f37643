// An administrator keeps the organisation fields: job title, department, site, manager.
// Departments and sites are named, and a new name creates one. The manager line may never
// loop: org changes take one lock, so two of them cannot each close half of a loop.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { OrganisationUpdateBody } from '../../../../common/schemas/people.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { userLabel } from '../presenters.ts';
import { managerChain } from '../profile-queries.ts';
import { findUser, type UserWithPlaces } from '../queries.ts';

type Changes = z.output<typeof OrganisationUpdateBody>;

const snapshot = (u: UserWithPlaces) => ({
  jobTitle: u.job_title,
  department: u.department_name,
  site: u.site_name,
  manager: u.manager_id,
});

/** The id of the department or site with this name (any case), created when there is none. */
async function placeNamed(tx: Tx, table: 'departments' | 'sites', name: string | null | undefined) {
  if (name === undefined) return undefined;
  const trimmed = name?.replace(/\s+/g, ' ').trim() ?? '';
  if (trimmed === '') return null;
  const found = await tx.db
    .selectFrom(table)
    .select('id')
    .where(sql<string>`lower(name)`, '=', trimmed.toLowerCase())
    .executeTakeFirst();
  if (found) return found.id;
  const id = newId();
  await tx.db.insertInto(table).values({ id, name: trimmed, created_at: tx.now }).execute();
  return id;
}

async function checkManager(tx: Tx, user: UserWithPlaces, managerId: string | null | undefined) {
  if (!managerId) return;
  const userId = user.id;
  const problem = (reason: string, message: string) =>
    new ValidationError([{ field: 'managerId', reason, message }]);
  if (user.role === 'guest') {
    throw problem('guest_no_manager', 'Guests are not in the org chart: they have no manager.');
  }
  if (managerId === userId) throw problem('manager_self', 'Nobody is their own manager.');
  const manager = await tx.db
    .selectFrom('users')
    .select(['role', 'status'])
    .where('id', '=', managerId)
    .executeTakeFirst();
  if (manager?.status !== 'active' || manager.role === 'guest') {
    throw problem('manager_not_colleague', 'The manager must be an active colleague.');
  }
  if ((await managerChain(tx.db, managerId)).includes(userId)) {
    throw problem('manager_loop', 'This manager reports to the person already: that would make a loop.');
  }
}

export function updateOrganisation(
  ctx: AppContext,
  input: { actor: Actor; userId: string; changes: Changes; meta: RequestMeta },
) {
  return inTransaction(ctx, async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('trame.org_chart'))`.execute(tx.db);
    const before = await findUser(tx.db, input.userId);
    if (!before) throw notFound('User');
    const { changes } = input;
    await checkManager(tx, before, changes.managerId);
    const departmentId = await placeNamed(tx, 'departments', changes.department);
    const siteId = await placeNamed(tx, 'sites', changes.site);
    await tx.db
      .updateTable('users')
      .set({
        job_title: changes.jobTitle,
        department_id: departmentId,
        site_id: siteId,
        manager_id: changes.managerId,
        updated_at: tx.now,
      })
      .where('id', '=', input.userId)
      .execute();
    const after = await findUser(tx.db, input.userId);
    if (!after) throw notFound('User');
    await audit(tx.db, {
      action: 'user.organisation_changed',
      actor: actorRef(input.actor),
      target: { type: 'user', id: after.id, label: userLabel(after) },
      before: snapshot(before),
      after: snapshot(after),
      meta: input.meta,
      at: tx.now,
    });
    // Every profile change is an activity record (docs/people.md), an administrator's too.
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'user.organisation_changed',
      objectType: 'user',
      objectId: after.id,
      data: { fields: Object.keys(changes).filter((k) => changes[k as keyof Changes] !== undefined) },
      at: tx.now,
    });
    return after;
  });
}
