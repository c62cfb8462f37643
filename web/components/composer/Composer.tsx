import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Space } from '../../../common/schemas/spaces.ts';
import type { Post } from '../../../common/schemas/stream.ts';
import { POST_MAX } from '../../../common/schemas/stream.ts';
import { isApiError } from '../../api/client.ts';
import { useCreatePost } from '../../api/posts.ts';
import { useMySpaces } from '../../api/spaces.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { Select } from '../Select.tsx';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { MentionTextarea } from './MentionTextarea.tsx';
import { emptyPoll, type PollDraft, PollEditor } from './PollEditor.tsx';
import { mapIssues, toCreateBody } from './post-draft.ts';
import { useUploads } from './use-uploads.ts';

const FIELDS = ['body', 'spaceId', 'options', 'closesAt', 'attachments'] as const;
const PROFILE = '';

interface ComposerProps {
  /** Post into this space only (the space page); otherwise the author chooses. */
  space?: Space;
  onPosted?: (post: Post) => void;
}

/** Writing a post: text with @-completion, files, an optional poll, an announcement switch. */
export function Composer({ space, onPosted }: ComposerProps) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const titleId = useId();
  const [body, setBody] = useState('');
  const [target, setTarget] = useState<string>(PROFILE);
  const [poll, setPoll] = useState<PollDraft | null>(null);
  const [isAnnouncement, setAnnouncement] = useState(false);
  const [posted, setPosted] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const uploads = useUploads();
  const createPost = useCreatePost();
  const form = useFormFeedback(FIELDS);
  const mySpaces = useMySpaces();
  const postable = (mySpaces.data ?? []).filter((s) => s.can.post);
  const canPostOnProfile = user.role !== 'guest';
  // Guests have no profile to post on: default to their first space.
  const chosen = space?.id ?? (target || (canPostOnProfile ? PROFILE : (postable[0]?.id ?? PROFILE)));
  const chosenSpace = space ?? postable.find((s) => s.id === chosen);
  // Space owners and moderators (and administrators) announce; the server decides, the flags say so.
  const canAnnounce = chosenSpace ? chosenSpace.can.moderate : user.role === 'admin';

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setPosted(false);
    const draft = toCreateBody(
      {
        body,
        spaceId: chosen || null,
        isAnnouncement: canAnnounce && isAnnouncement,
        attachmentIds: uploads.ids,
        poll,
      },
      new Date(),
    );
    if (!draft.ok) {
      form.showIssues(draft.issues);
      return;
    }
    createPost.mutate(draft.body, {
      onSuccess: (post) => {
        setBody('');
        setPoll(null);
        setAnnouncement(false);
        uploads.clear();
        setPosted(true);
        onPosted?.(post);
        textareaRef.current?.focus();
      },
      onError: (error) => {
        if (isApiError(error, 'validation_failed') && error.issues.length > 0)
          form.showIssues(mapIssues(error.issues));
        else form.showError(error);
      },
    });
  }

  const noTarget = !space && !canPostOnProfile && postable.length === 0;

  return (
    <section className="card composer" aria-labelledby={titleId}>
      <h2 id={titleId} className="sr-only">
        {t('composer.title')}
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {posted ? (
          <Notice>
            <p>{t('composer.posted')}</p>
          </Notice>
        ) : null}
        <MentionTextarea
          label={t('composer.label')}
          name="body"
          value={body}
          onChange={(value) => {
            setBody(value);
            if (posted) setPosted(false);
          }}
          placeholder={t('composer.placeholder')}
          hint={t('composer.hint')}
          error={form.fieldErrors.body}
          maxLength={POST_MAX}
          rows={3}
          textareaRef={textareaRef}
        />
        {poll ? (
          <PollEditor
            poll={poll}
            onChange={setPoll}
            onRemove={() => setPoll(null)}
            errors={{ options: form.fieldErrors.options, closesAt: form.fieldErrors.closesAt }}
          />
        ) : null}
        <div className="composer-tools">
          <AttachmentPicker
            uploads={uploads.uploads}
            onAdd={uploads.add}
            onRemove={uploads.remove}
            error={form.fieldErrors.attachments}
          />
          {poll ? null : (
            <Button type="button" small onClick={() => setPoll(emptyPoll())}>
              {t('composer.addPoll')}
            </Button>
          )}
        </div>
        {chosenSpace?.external && user.role !== 'guest' ? (
          <Notice tone="warning">
            <p>{t('external.composerWarning')}</p>
          </Notice>
        ) : null}
        <div className="composer-footer">
          {space ? null : (
            <Select
              label={t('composer.target')}
              name="spaceId"
              value={chosen}
              onChange={(value) => {
                setTarget(value);
                setAnnouncement(false);
              }}
              error={form.fieldErrors.spaceId}
              compact
              options={[
                ...(canPostOnProfile ? [{ value: PROFILE, label: t('composer.myProfile') }] : []),
                ...postable.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          )}
          {canAnnounce ? (
            <div className="check-field">
              <input
                id={`${titleId}-announce`}
                type="checkbox"
                checked={isAnnouncement}
                onChange={(event) => setAnnouncement(event.target.checked)}
                aria-describedby={`${titleId}-announce-hint`}
              />
              <label htmlFor={`${titleId}-announce`}>{t('composer.announcement')}</label>
              <p id={`${titleId}-announce-hint`} className="field-hint">
                {t('composer.announcementHint')}
              </p>
            </div>
          ) : null}
          <Button
            type="submit"
            variant="primary"
            busy={createPost.isPending}
            busyLabel={t('composer.submitting')}
            disabled={uploads.busy || noTarget}
            className="composer-submit"
          >
            {t('composer.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
