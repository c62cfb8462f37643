import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../common/schemas/stream.ts';
import { useBookmark, useReact } from '../../api/posts.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { FormError } from '../FormError.tsx';
import { ReactionBar } from './ReactionBar.tsx';
import { ShareDialog } from './ShareDialog.tsx';

/** Reactions, and the comment, share and bookmark actions under a post. */
export function PostFooter({
  post,
  commentsOpen,
  onToggleComments,
  threadId,
}: {
  post: Post;
  commentsOpen: boolean;
  onToggleComments: () => void;
  threadId: string;
}) {
  const { t } = useTranslation();
  const react = useReact(post.id);
  const bookmark = useBookmark(post.id);
  const [sharing, setSharing] = useState(false);
  const error = react.error ?? bookmark.error;
  return (
    <footer className="post-footer">
      <ReactionBar
        reactions={post.reactions}
        mine={post.myReaction}
        busy={react.isPending}
        onReact={(kind) => react.mutate(kind)}
      />
      <div className="post-actions">
        <button
          type="button"
          className="action"
          aria-expanded={commentsOpen}
          aria-controls={threadId}
          onClick={onToggleComments}
        >
          {post.commentCount === 0
            ? t('post.comments_zero')
            : t('post.comments', { count: post.commentCount })}
        </button>
        <button type="button" className="action" onClick={() => setSharing(true)}>
          <span aria-hidden="true">↗ </span>
          {t('post.share')}
        </button>
        <button
          type="button"
          className="action"
          aria-pressed={post.bookmarked}
          disabled={bookmark.isPending}
          onClick={() => bookmark.mutate(!post.bookmarked)}
        >
          <span aria-hidden="true">{post.bookmarked ? '★ ' : '☆ '}</span>
          {t('post.bookmark')}
        </button>
      </div>
      {error ? <FormError message={errorMessage(t, error)} /> : null}
      <ShareDialog post={post} open={sharing} onClose={() => setSharing(false)} />
    </footer>
  );
}
