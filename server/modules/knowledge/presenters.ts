import type { Page } from '../../../common/schemas/knowledge.ts';
import { presentPersonRef } from '../stream/presenters.ts';
import { knowledgePolicy } from './policies.ts';
import type { PageRow } from './queries.ts';

const person = (id: string | null, name: string | null, handle: string | null, job: string | null) =>
  id && name && handle ? presentPersonRef({ id, name, handle, job_title: job }) : null;

export function presentPage(row: PageRow): Page {
  return {
    id: row.id,
    space: { id: row.space_id, slug: row.space_slug, name: row.space_name, external: row.space_external },
    parent: row.parent_id && row.parent_title ? { id: row.parent_id, title: row.parent_title } : null,
    title: row.title,
    body: row.body,
    sourcePostId: row.source_post_id,
    createdBy: person(row.created_by, row.creator_name, row.creator_handle, row.creator_job_title),
    updatedBy: person(row.updated_by, row.updater_name, row.updater_handle, row.updater_job_title),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    revision: row.revision,
    can: { edit: knowledgePolicy.canWrite(row.my_role ?? null, { archived_at: row.space_archived_at }) },
  };
}
