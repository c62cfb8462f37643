// Ideas as the API shows them. Evaluations (scores and internal notes) are only ever put in
// front of evaluators: for anyone else, guests first, the field is null.
import type { Campaign, IdeaDetail, IdeaStatus, IdeaSummary } from '../../../common/schemas/ideas.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { presentAttachment, presentPersonRef } from '../stream/presenters.ts';
import { type CampaignPlace, ideasPolicy } from './policies.ts';
import type {
  attachmentRows,
  CampaignRow,
  commentRows,
  evaluationRows,
  historyRows,
  IdeaRow,
} from './queries.ts';

type Person = { name: string | null; handle: string | null; job_title: string | null };
const personOf = (id: string | null, u: Person) =>
  id && u.name && u.handle
    ? presentPersonRef({ id, name: u.name, handle: u.handle, job_title: u.job_title })
    : null;

const criteriaOf = (value: unknown): string[] => {
  const v = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
};

/** Taking ideas: between its dates, and not closed early. */
export const isOpen = (row: Pick<CampaignRow, 'opens_at' | 'closes_at' | 'closed_at'>, now: Date) =>
  row.opens_at <= now && now < row.closes_at && row.closed_at === null;

export function presentCampaign(viewer: Viewer, row: CampaignRow, place: CampaignPlace, now: Date): Campaign {
  return {
    id: row.id,
    space: { id: row.space_id, slug: row.space_slug, name: row.space_name, external: row.space_external },
    title: row.title,
    description: row.description,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    open: isOpen(row, now),
    closedAt: row.closed_at?.toISOString() ?? null,
    criteria: criteriaOf(row.criteria),
    ideaCount: Number(row.idea_count ?? 0),
    canEvaluate: ideasPolicy.canEvaluate(viewer, place),
    canManage: ideasPolicy.canManageCampaign(viewer, place),
  };
}

export function presentIdea(row: IdeaRow): IdeaSummary {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    title: row.title,
    description: row.description,
    status: row.status,
    author: personOf(row.author_id, {
      name: row.author_name,
      handle: row.author_handle,
      job_title: row.author_job_title,
    }),
    votes: row.vote_count,
    score: row.score,
    voted: Boolean(row.voted),
    following: Boolean(row.following),
    mergedInto: row.merged_into,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentIdeaDetail(
  campaign: Campaign,
  idea: IdeaRow,
  attachments: Awaited<ReturnType<typeof attachmentRows>>,
  history: Awaited<ReturnType<typeof historyRows>>,
  comments: Awaited<ReturnType<typeof commentRows>>,
  evaluations: Awaited<ReturnType<typeof evaluationRows>> | null,
): IdeaDetail {
  return {
    idea: presentIdea(idea),
    campaign,
    attachments: attachments.map(presentAttachment),
    history: history.map((h) => ({
      from: h.from_status as IdeaStatus,
      to: h.to_status as IdeaStatus,
      explanation: h.explanation,
      actor: personOf(h.actor_id, h),
      at: h.at.toISOString(),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      author: personOf(c.author_id, c),
      body: c.body,
      createdAt: c.created_at.toISOString(),
    })),
    evaluations: campaign.canEvaluate
      ? (evaluations ?? []).map((e) => ({
          evaluator: personOf(e.evaluator_id, e),
          scores: (typeof e.scores === 'string' ? JSON.parse(e.scores) : e.scores) as Record<string, number>,
          note: e.note,
          updatedAt: e.updated_at.toISOString(),
        }))
      : null,
  };
}
