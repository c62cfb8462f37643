import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, Post } from '../../../common/schemas/stream.ts';
import { useComments } from '../../api/comments.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';

/** A post's comments, replies under their comment (one level), and the form to add one. */
export function CommentThread({ post }: { post: Post }) {
  const { t } = useTranslation();
  const comments = useComments(post.id, true);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const question = post.question;
  const threads = useMemo(() => {
    const grouped = groupReplies(comments.data?.items ?? []);
    return question ? rankAnswers(grouped, question.acceptedAnswerId) : grouped;
  }, [comments.data, question]);

  return (
    <section className="comments" aria-label={question ? t('questions.answers') : t('comments.label')}>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <FormError message={errorMessage(t, comments.error)} />
      ) : threads.length === 0 ? (
        <p className="muted">{question ? t('questions.noAnswers') : t('comments.empty')}</p>
      ) : (
        <ul className="comment-list">
          {threads.map(({ comment, replies }) => (
            <li key={comment.id}>
              <CommentItem
                comment={comment}
                onReply={post.can.comment ? () => setReplyingTo(comment.id) : undefined}
                answer={
                  question
                    ? { accepted: question.acceptedAnswerId === comment.id, canAccept: post.can.accept }
                    : undefined
                }
              />
              {replies.length > 0 || replyingTo === comment.id ? (
                <ul
                  className="comment-replies"
                  aria-label={t('comments.replies', { name: comment.author.name })}
                >
                  {replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentItem comment={reply} />
                    </li>
                  ))}
                  {replyingTo === comment.id ? (
                    <li>
                      <CommentForm
                        postId={post.id}
                        replyTo={{ id: comment.id, name: comment.author.name }}
                        onDone={() => setReplyingTo(null)}
                        autoFocus
                      />
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {post.can.comment ? <CommentForm postId={post.id} answer={question !== null} /> : null}
    </section>
  );
}

export function groupReplies(items: readonly Comment[]): { comment: Comment; replies: Comment[] }[] {
  const top = items.filter((c) => c.parentId === null);
  const byParent = new Map<string, Comment[]>();
  for (const c of items) {
    if (c.parentId === null) continue;
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  return top.map((comment) => ({ comment, replies: byParent.get(comment.id) ?? [] }));
}

/** A question's answers: the accepted one first, then by votes, then oldest first. */
export function rankAnswers<T extends { comment: Comment }>(threads: T[], acceptedId: string | null): T[] {
  return threads
    .map((thread, index) => ({ thread, index }))
    .sort(
      (a, b) =>
        Number(b.thread.comment.id === acceptedId) - Number(a.thread.comment.id === acceptedId) ||
        b.thread.comment.votes - a.thread.comment.votes ||
        a.index - b.index,
    )
    .map((x) => x.thread);
}
