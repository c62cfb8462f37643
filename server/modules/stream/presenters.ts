// What leaves the server about posts, comments and profiles. The viewer decides the
// personal parts (my reaction, my votes, bookmarked, what I may do); poll results stay
// hidden until the viewer voted or the poll closed.
import type { PersonRef } from '../../../common/schemas/spaces.ts';
import type {
  Attachment,
  Comment,
  Poll,
  Post,
  Profile,
  ReactionKind,
} from '../../../common/schemas/stream.ts';
import type { ReactionCounts, UserRow } from '../../db/schema.ts';
import { knowledgePolicy } from '../knowledge/policies.ts';
import { displayName } from '../privacy/former-employee.ts';
import { presentSpaceSummary } from '../spaces/summary.ts';
import type { Membership, Viewer } from '../spaces/visibility.ts';
import type { HydratedRow } from './hydrate.ts';
import { streamPolicy } from './policies.ts';

type PersonFields = Pick<UserRow, 'id' | 'name' | 'handle' | 'job_title'>;

export function presentPersonRef(u: PersonFields): PersonRef {
  return { id: u.id, name: displayName(u.name), handle: u.handle, jobTitle: u.job_title };
}

export const attachmentUrl = (id: string) => `/api/v1/attachments/${id}/content`;

export function presentAttachment(a: {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number | string;
  is_image: boolean;
}): Attachment {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    sizeBytes: Number(a.size_bytes),
    isImage: a.is_image,
    url: attachmentUrl(a.id),
  };
}

/** Counts with nothing at zero, so clients can show `Object.entries` as is. */
export function presentCounts(counts: ReactionCounts | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, n] of Object.entries(counts ?? {})) if (typeof n === 'number' && n > 0) out[kind] = n;
  return out;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

function presentPoll(row: HydratedRow, now: Date): Poll | null {
  if (!row.poll_id) return null;
  const closed = row.poll_closes_at !== null && new Date(row.poll_closes_at).getTime() <= now.getTime();
  const myVotes = row.my_votes.map((v) => v.option_id);
  const showResults = closed || myVotes.length > 0;
  return {
    multiple: row.poll_multiple ?? false,
    closesAt: row.poll_closes_at ? iso(row.poll_closes_at) : null,
    closed,
    voterCount: row.poll_voter_count ?? 0,
    myVotes,
    options: row.poll_options.map((o) => ({
      id: o.id,
      label: o.label,
      votes: showResults ? Number(o.vote_count) : null,
    })),
  };
}

function presentCore(row: HydratedRow, now: Date) {
  return {
    id: row.id,
    author: presentPersonRef({
      id: row.author_id,
      name: row.author_name,
      handle: row.author_handle,
      job_title: row.author_job_title,
    }),
    space: presentSpaceSummary(row),
    body: row.body,
    tags: row.tags.map((t) => t.tag),
    mentions: row.mentions.map(presentPersonRef),
    link:
      row.link_url && row.link_status
        ? {
            url: row.link_url,
            status: row.link_status,
            title: row.link_title,
            description: row.link_description,
            imageUrl: row.link_image_url,
            siteName: row.link_site_name,
          }
        : null,
    attachments: row.attachments.map(presentAttachment),
    poll: presentPoll(row, now),
    createdAt: iso(row.created_at),
    editedAt: row.edited_at ? iso(row.edited_at) : null,
  };
}

export function presentPost(
  row: HydratedRow,
  viewer: Viewer,
  now: Date,
  shared: { sharedRow: HydratedRow | undefined; sharedReadable: boolean } | null,
): Post {
  const membership: Membership = row.my_role ?? null;
  return {
    ...presentCore(row, now),
    shared: shared
      ? shared.sharedRow && shared.sharedReadable
        ? { ...presentCore(shared.sharedRow, now), available: true as const }
        : { id: row.shared_post_id as string, available: false as const }
      : null,
    isAnnouncement: row.is_announcement,
    acknowledgement: row.is_announcement
      ? { acknowledged: row.acknowledged_at !== null, count: row.ack_count }
      : null,
    pinned: row.pinned_at !== null,
    held: row.held,
    question:
      row.title !== null
        ? { title: row.title, answerCount: row.answer_count, acceptedAnswerId: row.accepted_comment_id }
        : null,
    commentCount: row.comment_count,
    reactions: presentCounts(row.reaction_counts),
    myReaction: (row.my_reaction as ReactionKind | null) ?? null,
    bookmarked: row.bookmarked_at !== null,
    can: {
      edit: streamPolicy.canEditPost(viewer, row),
      delete: streamPolicy.canDeletePost(viewer, row, membership),
      pin: streamPolicy.canPinPost(viewer, row, membership),
      comment: streamPolicy.canComment({ archived_at: row.space_archived_at }),
      accept: streamPolicy.canAcceptAnswer(viewer, row, membership),
      saveToKnowledge: knowledgePolicy.canWrite(membership, { archived_at: row.space_archived_at }),
    },
  };
}

export interface CommentRowFull {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string;
  author_handle: string;
  author_job_title: string | null;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  reaction_counts: ReactionCounts;
  my_reaction: ReactionKind | null;
  vote_count: number;
  my_vote: boolean;
  held: 'hidden' | 'pending' | null;
}

export function presentComment(row: CommentRowFull, viewer: Viewer, membership: Membership): Comment {
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    author: presentPersonRef({
      id: row.author_id,
      name: row.author_name,
      handle: row.author_handle,
      job_title: row.author_job_title,
    }),
    body: row.body,
    createdAt: iso(row.created_at),
    editedAt: row.edited_at ? iso(row.edited_at) : null,
    reactions: presentCounts(row.reaction_counts),
    myReaction: row.my_reaction ?? null,
    votes: row.vote_count,
    myVote: row.my_vote,
    held: row.held,
    can: {
      edit: streamPolicy.canEditComment(viewer, row),
      delete: streamPolicy.canDeleteComment(viewer, row, membership),
    },
  };
}

export function presentProfile(
  row: PersonFields & {
    department_name: string | null;
    site_name: string | null;
    follower_count: number | string | null;
    following: boolean | number | null;
  },
  viewer: Viewer,
): Profile {
  return {
    person: presentPersonRef(row),
    department: row.department_name,
    site: row.site_name,
    following: Boolean(row.following),
    followerCount: Number(row.follower_count ?? 0),
    isMe: row.id === viewer.id,
  };
}

export function presentRevision(r: {
  body: string;
  replaced_at: Date;
  id: string | null;
  name: string | null;
  handle: string | null;
  job_title: string | null;
}) {
  const { id, name, handle, job_title } = r;
  return {
    body: r.body,
    replacedAt: iso(r.replaced_at),
    // The editor's account may have been deleted since.
    editedBy: id && name && handle ? presentPersonRef({ id, name, handle, job_title }) : null,
  };
}

/** What an audit record keeps of a post a moderator deleted. */
export function postSnapshot(p: {
  author_id: string;
  space_id: string | null;
  body: string;
  created_at: Date;
}) {
  return { authorId: p.author_id, spaceId: p.space_id, body: p.body, createdAt: iso(p.created_at) };
}
