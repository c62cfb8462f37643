import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX } from '../../../common/schemas/stream.ts';
import { useCreateComment } from '../../api/comments.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { Button } from '../Button.tsx';
import { MentionTextarea } from '../composer/MentionTextarea.tsx';
import { FormError } from '../FormError.tsx';

interface CommentFormProps {
  postId: string;
  /** Replying to this top-level comment (and its author's name). */
  replyTo?: { id: string; name: string };
  onDone?: () => void;
  autoFocus?: boolean;
  /** The post is a question: a top-level comment is an answer. */
  answer?: boolean;
}

export function CommentForm({
  postId,
  replyTo,
  onDone,
  autoFocus = false,
  answer = false,
}: CommentFormProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const create = useCreateComment(postId);
  const form = useFormFeedback(['body']);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    if (!body.trim()) {
      form.showIssues([{ field: 'body', reason: 'custom', message: 'Write something first.' }]);
      return;
    }
    create.mutate(
      { body, ...(replyTo ? { parentId: replyTo.id } : {}) },
      {
        onSuccess: () => {
          setBody('');
          onDone?.();
        },
        onError: (error) => form.showError(error),
      },
    );
  }

  const label = replyTo
    ? t('comments.writeReply', { name: replyTo.name })
    : answer
      ? t('questions.writeAnswer')
      : t('comments.write');
  return (
    <form ref={form.formRef} className="comment-form" onSubmit={submit} noValidate>
      <FormError ref={form.bannerRef} message={form.banner} />
      <MentionTextarea
        label={label}
        hideLabel
        placeholder={label}
        name="body"
        value={body}
        onChange={setBody}
        error={form.fieldErrors.body}
        maxLength={COMMENT_MAX}
        rows={2}
        textareaRef={ref}
      />
      <div className="row-actions">
        <Button
          type="submit"
          variant="primary"
          small
          busy={create.isPending}
          busyLabel={t('comments.submitting')}
        >
          {replyTo ? t('comments.submitReply') : answer ? t('questions.submitAnswer') : t('comments.submit')}
        </Button>
        {replyTo && onDone ? (
          <Button type="button" small onClick={onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
