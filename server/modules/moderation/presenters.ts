// What a moderator sees of a case: the content as plain text, its reports, its history.
import { plainExcerpt } from '../../../common/rich-text.ts';
import type { CaseDetail, CaseSummary, PendingItem } from '../../../common/schemas/moderation.ts';
import { presentSpaceSummary } from '../spaces/summary.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { presentPersonRef } from '../stream/presenters.ts';
import { moderationPolicy } from './policies.ts';
import type { CaseRowFull, caseHistory, caseReports, listPending } from './queries.ts';

export function presentCaseSummary(row: CaseRowFull): CaseSummary {
  return {
    id: row.id,
    targetType: row.target_type,
    status: row.status,
    outcome: row.outcome,
    space: presentSpaceSummary(row),
    subject: presentPersonRef({
      id: row.subject_id,
      name: row.subject_name,
      handle: row.subject_handle,
      job_title: row.subject_job_title,
    }),
    excerpt: plainExcerpt(row.body),
    reportCount: row.report_count,
    reasons: row.reasons as CaseSummary['reasons'],
    openedAt: row.opened_at.toISOString(),
  };
}

export function presentCase(
  viewer: Viewer,
  row: CaseRowFull,
  reports: Awaited<ReturnType<typeof caseReports>>,
  history: Awaited<ReturnType<typeof caseHistory>>,
): CaseDetail {
  const state =
    row.target_type === 'person'
      ? 'none'
      : row.deleted
        ? 'deleted'
        : row.held === 'hidden' || row.held === 'pending'
          ? row.held
          : 'visible';
  return {
    ...presentCaseSummary(row),
    targetId: row.target_id,
    postId: row.post_id,
    contentState: state,
    body: plainExcerpt(row.body, 5000),
    reports: reports.map((r) => ({
      reporter: presentPersonRef(r),
      reason: r.reason,
      details: r.details,
      createdAt: r.created_at.toISOString(),
    })),
    history: history.map((e) => ({
      action: e.action,
      actor:
        e.id && e.name && e.handle
          ? presentPersonRef({ id: e.id, name: e.name, handle: e.handle, job_title: e.job_title })
          : null,
      note: e.note,
      at: e.at.toISOString(),
    })),
    can: { suspend: moderationPolicy.canSuspend(viewer) },
  };
}

export function presentPending(row: Awaited<ReturnType<typeof listPending>>[number]): PendingItem {
  return {
    id: row.id,
    kind: row.kind,
    postId: row.post_id,
    space: presentSpaceSummary(row)!,
    author: presentPersonRef({
      id: row.author_id,
      name: row.author_name,
      handle: row.author_handle,
      job_title: row.author_job_title,
    }),
    body: plainExcerpt(row.body, 5000),
    createdAt: row.created_at.toISOString(),
  };
}
