import { z } from 'zod';
import { Expertise } from './people.ts';
import { Cursor, DateTime, Id } from './primitives.ts';
import { PersonRef, SpaceSummary } from './spaces.ts';

export const REACTIONS = ['like', 'celebrate', 'support', 'insightful', 'curious'] as const;
export const ReactionKind = z.enum(REACTIONS);
export type ReactionKind = z.infer<typeof ReactionKind>;
export const ReactionCounts = z.record(z.string(), z.number());

export const POST_MAX = 10_000;
export const COMMENT_MAX = 5_000;

export const PostBodyText = z
  .string()
  .max(POST_MAX, `At most ${POST_MAX} characters.`)
  .refine((s) => s.trim().length > 0, 'Write something first.');
export const CommentBodyText = z
  .string()
  .max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`)
  .refine((s) => s.trim().length > 0, 'Write something first.');

export const PollInput = z.object({
  options: z.array(z.string().trim().min(1).max(200)).min(2, 'At least two options.').max(10),
  multiple: z.boolean().default(false),
  closesAt: DateTime.optional(),
});

export const QUESTION_TITLE_MAX = 200;
export const QuestionTitle = z
  .string()
  .trim()
  .min(1, 'Give your question a title.')
  .max(QUESTION_TITLE_MAX, `At most ${QUESTION_TITLE_MAX} characters.`);

export const PostCreateBody = z.object({
  /** Omitted or null: the post goes on the author's own profile. */
  spaceId: Id.nullable().optional(),
  /** A post with a title is a question: its top-level comments are answers. */
  title: QuestionTitle.optional(),
  body: PostBodyText,
  isAnnouncement: z.boolean().default(false),
  /** Share: the post being shared into this space, with this body as the comment. */
  sharedPostId: Id.optional(),
  attachmentIds: z.array(Id).max(10).default([]),
  poll: PollInput.optional(),
});
export type PostCreateBody = z.input<typeof PostCreateBody>;

export const PostUpdateBody = z.object({ body: PostBodyText, title: QuestionTitle.optional() });

export const LinkPreview = z.object({
  url: z.string(),
  status: z.enum(['pending', 'ready', 'failed']),
  title: z.string().nullable(),
  description: z.string().nullable(),
  imageUrl: z.string().nullable(),
  siteName: z.string().nullable(),
});
export type LinkPreview = z.infer<typeof LinkPreview>;

export const Attachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  isImage: z.boolean(),
  url: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Poll = z.object({
  multiple: z.boolean(),
  closesAt: DateTime.nullable(),
  closed: z.boolean(),
  voterCount: z.number(),
  myVotes: z.array(z.string()),
  /** votes is null until the viewer has voted or the poll has closed. */
  options: z.array(z.object({ id: z.string(), label: z.string(), votes: z.number().nullable() })),
});
export type Poll = z.infer<typeof Poll>;

const PostCore = z.object({
  id: z.string(),
  author: PersonRef,
  space: SpaceSummary.nullable(),
  body: z.string(),
  tags: z.array(z.string()),
  /** People mentioned, so the client can link @handles to profiles. */
  mentions: z.array(PersonRef),
  link: LinkPreview.nullable(),
  attachments: z.array(Attachment),
  poll: Poll.nullable(),
  createdAt: DateTime,
  editedAt: DateTime.nullable(),
});

export const SharedPost = z.union([
  PostCore.extend({ available: z.literal(true) }),
  z.object({ id: z.string(), available: z.literal(false) }),
]);

export const Post = PostCore.extend({
  shared: SharedPost.nullable(),
  isAnnouncement: z.boolean(),
  /** For announcements: whether the viewer acknowledged, and how many did. */
  acknowledgement: z.object({ acknowledged: z.boolean(), count: z.number() }).nullable(),
  pinned: z.boolean(),
  /** Only its author sees a held post: hidden by a moderator, or waiting for approval. */
  held: z.enum(['hidden', 'pending']).nullable(),
  /** Set when the post is a question. */
  question: z
    .object({ title: z.string(), answerCount: z.number(), acceptedAnswerId: z.string().nullable() })
    .nullable(),
  commentCount: z.number(),
  reactions: ReactionCounts,
  myReaction: ReactionKind.nullable(),
  bookmarked: z.boolean(),
  can: z.object({
    edit: z.boolean(),
    delete: z.boolean(),
    pin: z.boolean(),
    comment: z.boolean(),
    /** Questions: accept an answer (the asker, the space's moderators). */
    accept: z.boolean(),
    /** Save it, with its answers or thread, as a knowledge page of its space (members). */
    saveToKnowledge: z.boolean(),
  }),
});
export type Post = z.infer<typeof Post>;

export const PostPage = z.object({ items: z.array(Post), nextCursor: z.string().nullable() });
export type PostPage = z.infer<typeof PostPage>;

export const FeedLimit = z.coerce.number().int().min(1).max(50).default(20);
export const FeedQuery = z.object({
  cursor: Cursor,
  limit: FeedLimit,
  /** Catch-up: only posts newer than this one (a reconnecting client's newest). */
  newerThan: Id.optional(),
});

export const PostRevision = z.object({
  body: z.string(),
  replacedAt: DateTime,
  editedBy: PersonRef.nullable(),
});
export const PostRevisionList = z.object({ items: z.array(PostRevision) });

export const AcknowledgementList = z.object({
  acknowledged: z.array(PersonRef.extend({ at: DateTime })),
  pending: z.array(PersonRef),
});

export const Comment = z.object({
  id: z.string(),
  postId: z.string(),
  parentId: z.string().nullable(),
  author: PersonRef,
  body: z.string(),
  createdAt: DateTime,
  editedAt: DateTime.nullable(),
  reactions: ReactionCounts,
  myReaction: ReactionKind.nullable(),
  /** Answers (top-level comments of a question): votes, and whether the viewer gave one. */
  votes: z.number(),
  myVote: z.boolean(),
  /** Only its author sees a held comment: hidden by a moderator, or waiting for approval. */
  held: z.enum(['hidden', 'pending']).nullable(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type Comment = z.infer<typeof Comment>;
export const CommentList = z.object({ items: z.array(Comment) });
export const CommentCreateBody = z.object({ body: CommentBodyText, parentId: Id.optional() });
export const CommentUpdateBody = z.object({ body: CommentBodyText });

export const ReactionBody = z.object({ kind: ReactionKind });
export const ReactionState = z.object({ reactions: ReactionCounts, myReaction: ReactionKind.nullable() });

export const VoteBody = z.object({ optionIds: z.array(Id).min(1).max(10) });

export const TagParams = z.object({ tag: z.string().trim().min(1).max(50) });
export const Tag = z.object({ tag: z.string(), following: z.boolean() });
export const FollowState = z.object({ following: z.boolean() });

export const Profile = z.object({
  person: PersonRef,
  department: z.string().nullable(),
  site: z.string().nullable(),
  following: z.boolean(),
  followerCount: z.number(),
  isMe: z.boolean(),
});
export type Profile = z.infer<typeof Profile>;

export const QUESTION_STATUSES = ['all', 'unanswered', 'answered', 'accepted'] as const;
export const QuestionQuery = z.object({
  /** unanswered: no answer yet; answered: answers but none accepted; accepted: one accepted. */
  status: z.enum(QUESTION_STATUSES).default('all'),
  space: Id.optional(),
  cursor: Cursor,
  limit: FeedLimit,
});
export const AcceptBody = z.object({ commentId: Id });
export const VoteState = z.object({ votes: z.number(), myVote: z.boolean() });

export const Expert = Expertise.extend({
  person: PersonRef,
  /** Already asked to answer this question. */
  asked: z.boolean(),
});
export type Expert = z.infer<typeof Expert>;
export const ExpertList = z.object({ items: z.array(Expert) });
export const AskExpertsBody = z.object({ userIds: z.array(Id).min(1).max(5) });
export const AskedCount = z.object({ asked: z.number() });
