// Reading knowledge pages: a page is read where its space is (canReadSpace).
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/transaction.ts';
import { canReadSpace, type Viewer } from '../spaces/visibility.ts';

type AnyDb = Db | Tx['db'];

export async function findPage(db: AnyDb, viewer: Viewer, id: string) {
  const row = await db
    .selectFrom('knowledge_pages as p')
    .innerJoin('spaces as s', 's.id', 'p.space_id')
    .leftJoin('space_members as sm', (j) =>
      j.onRef('sm.space_id', '=', 'p.space_id').on('sm.user_id', '=', viewer.id),
    )
    .leftJoin('knowledge_pages as parent', 'parent.id', 'p.parent_id')
    .leftJoin('users as cu', 'cu.id', 'p.created_by')
    .leftJoin('users as uu', 'uu.id', 'p.updated_by')
    .selectAll('p')
    .select([
      's.slug as space_slug',
      's.name as space_name',
      's.external as space_external',
      's.visibility as space_visibility',
      's.archived_at as space_archived_at',
      'sm.role as my_role',
      'parent.title as parent_title',
      'cu.name as creator_name',
      'cu.handle as creator_handle',
      'cu.job_title as creator_job_title',
      'uu.name as updater_name',
      'uu.handle as updater_handle',
      'uu.job_title as updater_job_title',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const space = { visibility: row.space_visibility, archived_at: row.space_archived_at };
  return canReadSpace(viewer, space, row.my_role ?? null) ? row : null;
}

export type PageRow = NonNullable<Awaited<ReturnType<typeof findPage>>>;

export function listPages(db: Db, spaceId: string) {
  return db
    .selectFrom('knowledge_pages')
    .select(['id', 'title', 'parent_id', 'updated_at'])
    .where('space_id', '=', spaceId)
    .orderBy('title')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export function listRevisions(db: Db, pageId: string) {
  return db
    .selectFrom('knowledge_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.edited_by')
    .select([
      'r.number',
      'r.title',
      'r.created_at',
      'r.restored_from',
      'u.id as user_id',
      'u.name',
      'u.handle',
      'u.job_title',
    ])
    .where('r.page_id', '=', pageId)
    .orderBy('r.number', 'desc')
    .execute();
}

export function findRevision(db: AnyDb, pageId: string, number: number) {
  return db
    .selectFrom('knowledge_revisions')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('number', '=', number)
    .executeTakeFirst();
}
