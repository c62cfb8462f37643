import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { POST_MAX, QUESTION_TITLE_MAX } from '../../../common/schemas/stream.ts';
import { useCreatePost } from '../../api/posts.ts';
import { useMySpaces } from '../../api/spaces.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { Button } from '../Button.tsx';
import { MentionTextarea } from '../composer/MentionTextarea.tsx';
import { FormError } from '../FormError.tsx';
import { postPath } from '../rich-text-links.ts';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';

/** Ask a question in one of one's spaces, or of everyone (on one's profile); then see who may answer. */
export function AskQuestionForm() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const spaces = useMySpaces();
  const create = useCreatePost();
  const form = useFormFeedback(['spaceId', 'title', 'body']);
  const everyone = user.role !== 'guest';
  const [spaceId, setSpaceId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const options = [
    ...(everyone ? [{ value: '', label: t('questions.everyone') }] : []),
    ...(spaces.data ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const issues = [
      ...(title.trim() ? [] : [{ field: 'title', reason: 'custom', message: 'Give your question a title.' }]),
      ...(body.trim() ? [] : [{ field: 'body', reason: 'custom', message: 'Write something first.' }]),
    ];
    if (issues.length > 0) return form.showIssues(issues);
    create.mutate(
      { spaceId: spaceId || (everyone ? null : options[0]?.value), title, body },
      {
        onSuccess: (post) => void navigate(postPath(post.id)),
        onError: (error) => form.showError(error),
      },
    );
  }

  return (
    <form ref={form.formRef} className="card ask-question" onSubmit={submit} noValidate>
      <h2>{t('questions.askTitle')}</h2>
      <FormError ref={form.bannerRef} message={form.banner} />
      <Select
        label={t('questions.where')}
        name="spaceId"
        value={spaceId}
        onChange={setSpaceId}
        options={options}
        error={form.fieldErrors.spaceId}
      />
      <TextField
        label={t('questions.title')}
        name="title"
        value={title}
        onChange={setTitle}
        maxLength={QUESTION_TITLE_MAX}
        error={form.fieldErrors.title}
        hint={t('questions.titleHint')}
      />
      <MentionTextarea
        label={t('questions.details')}
        name="body"
        value={body}
        onChange={setBody}
        maxLength={POST_MAX}
        rows={4}
        error={form.fieldErrors.body}
        hint={t('questions.detailsHint')}
      />
      <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('questions.asking')}>
        {t('questions.ask')}
      </Button>
    </form>
  );
}
