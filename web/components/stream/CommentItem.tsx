import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Comment } from '../../../common/schemas/stream.ts';
import { useDeleteComment, useReactToComment, useUpdateComment } from '../../api/comments.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Avatar } from '../Avatar.tsx';
import { Badge } from '../Badge.tsx';
import { Button } from '../Button.tsx';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { FormError } from '../FormError.tsx';
import { HeldBadge } from '../moderation/HeldBadge.tsx';
import { ReportDialog } from '../moderation/ReportDialog.tsx';
import { RelativeTime } from '../RelativeTime.tsx';
import { RichText } from '../RichText.tsx';
import { personPath } from '../rich-text-links.ts';
import { AnswerActions } from './AnswerActions.tsx';
import { EditText } from './EditText.tsx';
import { ReactionBar } from './ReactionBar.tsx';

interface CommentItemProps {
  comment: Comment;
  onReply?: () => void;
  /** Set when the comment is an answer to a question. */
  answer?: { accepted: boolean; canAccept: boolean } | undefined;
}

export function CommentItem({ comment, onReply, answer }: CommentItemProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { user } = useSignedIn();
  const [deleting, setDeleting] = useState(false);
  const [reporting, setReporting] = useState(false);
  const update = useUpdateComment(comment.postId, comment.id);
  const remove = useDeleteComment(comment.postId, comment.id);
  const react = useReactToComment(comment.postId, comment.id);
  return (
    <article
      className={`comment${answer?.accepted ? ' comment-accepted' : ''}`}
      aria-label={answer ? t('questions.answerBy', { name: comment.author.name }) : comment.author.name}
    >
      <Avatar name={comment.author.name} />
      <div className="comment-main">
        <p className="comment-meta">
          <Link to={personPath(comment.author.id)} className="comment-author">
            {comment.author.name}
          </Link>{' '}
          <span className="muted">
            <RelativeTime value={comment.createdAt} />
            {comment.editedAt ? ` · ${t('post.edited')}` : ''}
          </span>
          {answer?.accepted ? (
            <>
              {' '}
              <Badge tone="success">{t('questions.accepted')}</Badge>
            </>
          ) : null}
          {comment.held ? (
            <>
              {' '}
              <HeldBadge held={comment.held} />
            </>
          ) : null}
        </p>
        {editing ? (
          <EditText
            label={t('comments.editLabel')}
            initial={comment.body}
            busy={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSave={(body) => update.mutate(body, { onSuccess: () => setEditing(false) })}
          />
        ) : (
          <RichText text={comment.body} />
        )}
        <div className="comment-actions">
          {answer ? <AnswerActions comment={comment} {...answer} /> : null}
          <ReactionBar
            compact
            reactions={comment.reactions}
            mine={comment.myReaction}
            busy={react.isPending}
            onReact={(kind) => react.mutate(kind)}
          />
          {onReply ? (
            <Button type="button" variant="quiet" small onClick={onReply}>
              {t('comments.reply')}
            </Button>
          ) : null}
          {comment.can.edit && !editing ? (
            <Button type="button" variant="quiet" small onClick={() => setEditing(true)}>
              {t('comments.edit')}
            </Button>
          ) : null}
          {comment.author.id !== user.id ? (
            <Button type="button" variant="quiet" small onClick={() => setReporting(true)}>
              {t('moderationUi.report.action')}
            </Button>
          ) : null}
          {comment.can.delete ? (
            <Button type="button" variant="quiet" small onClick={() => setDeleting(true)}>
              {t('comments.delete')}
            </Button>
          ) : null}
        </div>
        {react.error ? <FormError message={errorMessage(t, react.error)} /> : null}
      </div>
      <ReportDialog
        open={reporting}
        onClose={() => setReporting(false)}
        targetType="comment"
        targetId={comment.id}
      />
      <ConfirmDialog
        open={deleting}
        title={t('comments.deleteTitle')}
        confirmLabel={t('comments.delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        onCancel={() => setDeleting(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setDeleting(false) })}
      >
        <p>{t('comments.deleteText')}</p>
      </ConfirmDialog>
    </article>
  );
}
