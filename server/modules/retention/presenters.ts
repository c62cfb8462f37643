// What leaves the server about retention.
import type { LegalHold, RetentionRule, RetentionRun } from '../../../common/schemas/retention.ts';
import type { SpaceType } from '../../db/schema.ts';
import type { HoldRow, RuleRow, RunRow } from './queries.ts';

const iso = (d: Date) => new Date(d).toISOString();
const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function presentRule(row: RuleRow): RetentionRule {
  return {
    key: row.key,
    scope: row.scope,
    spaceType: row.space_type,
    space:
      row.space_id && row.space_name !== null
        ? { id: row.space_id, name: row.space_name, type: row.space_kind as SpaceType }
        : null,
    keepDays: row.keep_days,
    updatedAt: iso(row.updated_at),
    updatedBy: ref(row.updated_by, row.updated_by_name),
  };
}

export function presentHold(row: HoldRow): LegalHold {
  return {
    id: row.id,
    name: row.name,
    reason: row.reason,
    person: ref(row.user_id, row.person_name),
    space:
      row.space_id && row.space_name !== null
        ? { id: row.space_id, name: row.space_name, type: row.space_type as SpaceType }
        : null,
    placedBy: ref(row.placed_by, row.placed_by_name),
    placedAt: iso(row.placed_at),
    releasedBy: ref(row.released_by, row.released_by_name),
    releasedAt: row.released_at ? iso(row.released_at) : null,
  };
}

export function presentRun(row: RunRow): RetentionRun {
  return {
    id: row.id,
    trigger: row.trigger,
    requestedBy: ref(row.requested_by, row.requested_by_name),
    status: row.status,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
    deletedPosts: row.deleted_posts,
    deletedComments: row.deleted_comments,
    deletedFiles: row.deleted_files,
    skippedHeld: row.skipped_held,
    counts: row.details,
  };
}
