// What leaves the server about content rules.
import type { ContentRule } from '../../../common/schemas/content-rules.ts';
import type { ContentRuleListRow } from './queries.ts';

export function presentContentRule(r: ContentRuleListRow): ContentRule {
  return {
    id: r.id,
    term: r.term,
    action: r.action,
    note: r.note,
    place: r.rule_space_id === null ? 'organisation' : r.space_id ? 'space' : 'unlisted',
    space: r.space_id
      ? {
          id: r.space_id,
          slug: r.space_slug ?? '',
          name: r.space_name ?? '',
          external: r.space_external ?? false,
        }
      : null,
    createdBy: r.author_id
      ? {
          id: r.author_id,
          name: r.author_name ?? '',
          handle: r.author_handle ?? '',
          jobTitle: r.author_job_title,
        }
      : null,
    createdAt: r.created_at.toISOString(),
  };
}
