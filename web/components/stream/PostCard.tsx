import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../common/schemas/stream.ts';
import { POST_MAX } from '../../../common/schemas/stream.ts';
import { usePost, useUpdatePost } from '../../api/posts.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { Badge } from '../Badge.tsx';
import { HeldBadge } from '../moderation/HeldBadge.tsx';
import { RichText } from '../RichText.tsx';
import { AnnouncementBar } from './AnnouncementBar.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { CommentThread } from './CommentThread.tsx';
import { EditText } from './EditText.tsx';
import { LinkPreviewCard } from './LinkPreviewCard.tsx';
import { PollView } from './PollView.tsx';
import { PostFooter } from './PostFooter.tsx';
import { PostHeader } from './PostHeader.tsx';
import { PostMenu } from './PostMenu.tsx';
import { QuestionTitle } from './QuestionTitle.tsx';
import { SharedPostEmbed } from './SharedPostEmbed.tsx';

interface PostCardProps {
  post: Post;
  /** Open the comments at once (the post's own page). */
  expanded?: boolean;
}

/** One post in a feed: kept current by mutations and live events through the cache. */
export function PostCard({ post: fromFeed, expanded = false }: PostCardProps) {
  const { data: post } = usePost(fromFeed.id, fromFeed);
  if (!post) return null;
  return <PostView post={post} expanded={expanded} />;
}

function PostView({ post, expanded }: { post: Post; expanded: boolean }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const headingId = useId();
  const threadId = useId();
  const [editing, setEditing] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(expanded);
  const update = useUpdatePost(post.id);
  const isAuthor = post.author.id === user.id;

  return (
    <article
      className={`card post${post.isAnnouncement ? ' post-announcement' : ''}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="post"
      data-post-id={post.id}
    >
      <div className="post-top">
        <PostHeader
          id={post.id}
          author={post.author}
          space={post.space}
          createdAt={post.createdAt}
          edited={post}
          headingId={headingId}
        />
        {post.isAnnouncement ? <Badge tone="warning">{t('post.announcement')}</Badge> : null}
        {post.pinned ? <Badge tone="info">{t('post.pinned')}</Badge> : null}
        <HeldBadge held={post.held} />
        <PostMenu post={post} onEdit={() => setEditing(true)} />
      </div>
      {post.question ? <QuestionTitle post={post} question={post.question} /> : null}
      <div className="post-body">
        {editing ? (
          <EditText
            label={t('post.editLabel')}
            initial={post.body}
            busy={update.isPending}
            error={update.error}
            maxLength={POST_MAX}
            onCancel={() => {
              update.reset();
              setEditing(false);
            }}
            onSave={(body) => update.mutate(body, { onSuccess: () => setEditing(false) })}
          />
        ) : (
          <RichText text={post.body} mentions={post.mentions} />
        )}
      </div>
      {post.shared ? <SharedPostEmbed shared={post.shared} /> : null}
      {post.link ? <LinkPreviewCard link={post.link} /> : null}
      <AttachmentList attachments={post.attachments} />
      {post.poll ? <PollView postId={post.id} poll={post.poll} /> : null}
      {post.isAnnouncement ? (
        <AnnouncementBar post={post} isAuthor={isAuthor} canSeeWho={isAuthor || post.can.pin} />
      ) : null}
      <PostFooter
        post={post}
        commentsOpen={commentsOpen}
        onToggleComments={() => setCommentsOpen((v) => !v)}
        threadId={threadId}
      />
      <div id={threadId}>{commentsOpen ? <CommentThread post={post} /> : null}</div>
    </article>
  );
}
