// Cohorts: named groups of spaces or people (a pilot rolled out together), managed by
// administrators and analysts, audited. A people cohort holds existing accounts that were
// not erased; a space cohort holds spaces its author may read. Spaces of a cohort that a
// later editor may not read are kept as they were, and never named to them.
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { CohortKind } from '../../db/schema.ts';
import { recordActivity } from '../../platform/activity.ts';
import { audit, type RequestMeta } from '../../platform/audit.ts';
import { conflict, notFound, ValidationError } from '../../platform/errors.ts';
import { type Actor, actorRef } from '../../platform/http/request.ts';
import { newId } from '../../platform/ids.ts';
import { inTransaction, type Tx } from '../../platform/transaction.ts';
import type { AnalyticsReader } from './policies.ts';
import { readableAmong } from './queries.ts';

interface Who {
  actor: Actor;
  reader: AnalyticsReader;
  meta: RequestMeta;
}

const nameTaken = (name: string) =>
  conflict('cohort_name_taken', `Another cohort is already named "${name}" (names ignore case).`);

/** Cohort writes take turns, so two cohorts named alike at once cannot both pass the check. */
async function lockCohorts(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('trame.analytics_cohorts'))`.execute(tx.db);
}

async function checkName(tx: Tx, name: string, except: string | null): Promise<void> {
  let q = tx.db
    .selectFrom('analytics_cohorts')
    .select('id')
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw nameTaken(name);
}

const memberIssue = (ids: string[], wanted: string[], message: string) =>
  new ValidationError(
    wanted
      .map((id, i) => (ids.includes(id) ? null : { field: `memberIds.${i}`, reason: 'invalid', message }))
      .filter((x) => x !== null),
  );

/** Checks the members a person chose; throws naming each one refused. */
async function checkMembers(tx: Tx, who: Who, kind: CohortKind, wanted: string[], kept: Set<string>) {
  const asked = wanted.filter((id) => !kept.has(id));
  if (kind === 'people') {
    const found = asked.length
      ? (
          await tx.db
            .selectFrom('users')
            .select('id')
            .where('id', 'in', asked)
            .where('erased_at', 'is', null)
            .execute()
        ).map((u) => u.id)
      : [];
    if (found.length < asked.length)
      throw memberIssue([...found, ...kept], wanted, 'No such person (or their account was erased).');
    return;
  }
  // Unknown and unreadable look the same: a secret space's existence is not the author's to learn.
  const readable = await readableAmong(tx.db, who.reader, asked);
  if (readable.size < asked.length)
    throw memberIssue([...readable, ...kept], wanted, 'No such space, or you may not read it.');
}

/**
 * Names for the audit log: people's only. A space is recorded by id, since the audit log's
 * readers (administrators) may not be members of a secret space an analyst put in a cohort.
 */
async function labelsOf(tx: Tx, kind: CohortKind, ids: string[]): Promise<string[] | undefined> {
  if (kind === 'spaces') return undefined;
  if (ids.length === 0) return [];
  const rows = await tx.db
    .selectFrom('users')
    .select('name')
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

export async function createCohort(
  ctx: AppContext,
  who: Who,
  input: { name: string; kind: CohortKind; memberIds: string[] },
): Promise<string> {
  const members = [...new Set(input.memberIds)];
  return inTransaction(ctx, async (tx) => {
    await lockCohorts(tx);
    await checkName(tx, input.name, null);
    await checkMembers(tx, who, input.kind, members, new Set());
    const id = newId(tx.now.getTime());
    await tx.db
      .insertInto('analytics_cohorts')
      .values({
        id,
        name: input.name,
        kind: input.kind,
        created_by: who.actor.id,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await tx.db
      .insertInto('analytics_cohort_members')
      .values(members.map((member_id) => ({ cohort_id: id, member_id })))
      .execute();
    await audit(tx.db, {
      action: 'analytics.cohort_created',
      actor: actorRef(who.actor),
      target: { type: 'analytics_cohort', id, label: input.name },
      after: { name: input.name, kind: input.kind, memberIds: members },
      details: { members: await labelsOf(tx, input.kind, members) },
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: 'analytics.cohort_created',
      objectType: 'analytics_cohort',
      objectId: id,
      data: { kind: input.kind, members: members.length },
      at: tx.now,
    });
    return id;
  });
}

export async function updateCohort(
  ctx: AppContext,
  who: Who,
  id: string,
  input: { name: string; memberIds: string[] },
): Promise<void> {
  const wanted = [...new Set(input.memberIds)];
  await inTransaction(ctx, async (tx) => {
    await lockCohorts(tx);
    const cohort = await tx.db
      .selectFrom('analytics_cohorts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!cohort) throw notFound('Cohort');
    const before = await membersOf(tx, id);
    await checkName(tx, input.name, id);
    let after = wanted;
    if (cohort.kind === 'spaces') {
      // Spaces already in the cohort that this editor may not read: kept, untouched, unnamed.
      const readable = await readableAmong(tx.db, who.reader, before);
      await checkMembers(tx, who, 'spaces', wanted, new Set());
      after = [...new Set([...wanted, ...before.filter((m) => !readable.has(m))])];
    } else {
      // Someone erased since they joined stays until taken out; nobody erased comes in.
      await checkMembers(tx, who, 'people', wanted, new Set(before));
    }
    after.sort();
    await tx.db.deleteFrom('analytics_cohort_members').where('cohort_id', '=', id).execute();
    await tx.db
      .insertInto('analytics_cohort_members')
      .values(after.map((member_id) => ({ cohort_id: id, member_id })))
      .execute();
    await tx.db
      .updateTable('analytics_cohorts')
      .set({ name: input.name, updated_at: tx.now })
      .where('id', '=', id)
      .execute();
    const added = after.filter((m) => !before.includes(m));
    const removed = before.filter((m) => !after.includes(m));
    await audit(tx.db, {
      action: 'analytics.cohort_updated',
      actor: actorRef(who.actor),
      target: { type: 'analytics_cohort', id, label: input.name },
      before: { name: cohort.name, memberIds: before },
      after: { name: input.name, memberIds: after },
      details: {
        added: await labelsOf(tx, cohort.kind, added),
        removed: await labelsOf(tx, cohort.kind, removed),
      },
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: 'analytics.cohort_updated',
      objectType: 'analytics_cohort',
      objectId: id,
      data: { added: added.length, removed: removed.length },
      at: tx.now,
    });
  });
}

export async function deleteCohort(ctx: AppContext, who: Who, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const cohort = await tx.db
      .selectFrom('analytics_cohorts')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!cohort) throw notFound('Cohort');
    const before = await membersOf(tx, id);
    await tx.db.deleteFrom('analytics_cohorts').where('id', '=', id).execute();
    await audit(tx.db, {
      action: 'analytics.cohort_deleted',
      actor: actorRef(who.actor),
      target: { type: 'analytics_cohort', id, label: cohort.name },
      before: { name: cohort.name, kind: cohort.kind, memberIds: before },
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: 'analytics.cohort_deleted',
      objectType: 'analytics_cohort',
      objectId: id,
      at: tx.now,
    });
  });
}

async function membersOf(tx: Tx, id: string): Promise<string[]> {
  return (
    await tx.db
      .selectFrom('analytics_cohort_members')
      .select('member_id')
      .where('cohort_id', '=', id)
      .orderBy('member_id')
      .execute()
  ).map((m) => m.member_id);
}
