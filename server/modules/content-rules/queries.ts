// Reading content rules: the list for administrators, and the rules a text in a place must pass.
import type { AnyDb } from '../../db/database.ts';

function ruleRows(db: AnyDb) {
  return db
    .selectFrom('content_rules as r')
    .leftJoin('spaces as s', 's.id', 'r.space_id')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'r.id',
      'r.term',
      'r.action',
      'r.note',
      'r.created_at',
      's.id as space_id',
      's.slug as space_slug',
      's.name as space_name',
      's.external as space_external',
      'u.id as author_id',
      'u.name as author_name',
      'u.handle as author_handle',
      'u.job_title as author_job_title',
    ]);
}

export function listContentRules(db: AnyDb) {
  return ruleRows(db)
    .orderBy('s.name', (o) => o.nullsFirst())
    .orderBy('r.term_key')
    .execute();
}
export type ContentRuleListRow = Awaited<ReturnType<typeof listContentRules>>[number];

export function findContentRule(db: AnyDb, id: string) {
  return ruleRows(db).where('r.id', '=', id).executeTakeFirst();
}

/** The organisation's rules and, for a text in a space, that space's. */
export function rulesFor(db: AnyDb, spaceId: string | null) {
  return db
    .selectFrom('content_rules')
    .select(['id', 'term', 'action', 'space_id'])
    .where((eb) =>
      spaceId
        ? eb.or([eb('space_id', 'is', null), eb('space_id', '=', spaceId)])
        : eb('space_id', 'is', null),
    )
    .execute();
}
