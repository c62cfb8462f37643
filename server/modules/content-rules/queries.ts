// Reading content rules: the list for administrators, and the rules a text in a place must pass.
import type { AnyDb } from '../../db/database.ts';
import { listableSpaceIds, type Viewer } from '../spaces/visibility.ts';

function ruleRows(db: AnyDb, viewer: Viewer) {
  return db
    .selectFrom('content_rules as r')
    .leftJoin('spaces as s', (j) =>
      j.onRef('s.id', '=', 'r.space_id').on((eb) => eb('s.id', 'in', listableSpaceIds(eb as never, viewer))),
    )
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'r.id',
      'r.term',
      'r.action',
      'r.note',
      'r.created_at',
      'r.space_id as rule_space_id',
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

/** Every rule; the space of one the viewer may not see exists (a secret space they are not in) is not named. */
export function listContentRules(db: AnyDb, viewer: Viewer) {
  return ruleRows(db, viewer)
    .orderBy('s.name', (o) => o.nullsFirst())
    .orderBy('r.term_key')
    .execute();
}
export type ContentRuleListRow = Awaited<ReturnType<typeof listContentRules>>[number];

export function findContentRule(db: AnyDb, viewer: Viewer, id: string) {
  return ruleRows(db, viewer).where('r.id', '=', id).executeTakeFirst();
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
