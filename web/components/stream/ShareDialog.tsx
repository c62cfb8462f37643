import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../common/schemas/stream.ts';
import { POST_MAX } from '../../../common/schemas/stream.ts';
import { useCreatePost } from '../../api/posts.ts';
import { useMySpaces } from '../../api/spaces.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { Button } from '../Button.tsx';
import { MentionTextarea } from '../composer/MentionTextarea.tsx';
import { Dialog } from '../Dialog.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { Notice } from '../Notice.tsx';
import { Select } from '../Select.tsx';

/** Share a post into a space the reader can post in, with a comment of their own. */
export function ShareDialog({ post, open, onClose }: { post: Post; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('share.title')} onClose={onClose}>
      <ShareForm post={post} onClose={onClose} />
    </Dialog>
  );
}

function ShareForm({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation();
  const spaces = useMySpaces();
  const share = useCreatePost();
  const [spaceId, setSpaceId] = useState('');
  const [body, setBody] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useFormFeedback(['spaceId', 'body']);
  // Sharing a share passes the original on.
  const original = post.shared?.available ? post.shared.id : post.id;
  const postable = (spaces.data ?? []).filter((s) => s.can.post);

  if (spaces.isPending) return <Loading />;
  if (postable.length === 0) return <p>{t('share.noSpaces')}</p>;
  if (done) {
    return (
      <>
        <Notice>
          <p>{t('share.done', { space: done })}</p>
        </Notice>
        <div className="dialog-actions">
          <Button type="button" variant="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </div>
      </>
    );
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const issues = [
      ...(spaceId ? [] : [{ field: 'spaceId', reason: 'required', message: 'Choose a space.' }]),
      ...(body.trim() ? [] : [{ field: 'body', reason: 'custom', message: 'Write something first.' }]),
    ];
    if (issues.length > 0) {
      form.showIssues(issues);
      return;
    }
    share.mutate(
      { spaceId, body, sharedPostId: original },
      {
        onSuccess: (created) => setDone(created.space?.name ?? ''),
        onError: (error) => form.showError(error),
      },
    );
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <p>{t('share.intro')}</p>
      <FormError ref={form.bannerRef} message={form.banner} />
      <Select
        label={t('share.space')}
        name="spaceId"
        value={spaceId}
        onChange={setSpaceId}
        error={form.fieldErrors.spaceId}
        required
        options={[
          { value: '', label: t('share.chooseSpace') },
          ...postable.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <MentionTextarea
        label={t('share.comment')}
        name="body"
        value={body}
        onChange={setBody}
        error={form.fieldErrors.body}
        maxLength={POST_MAX}
        rows={3}
      />
      <div className="dialog-actions">
        <Button type="button" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={share.isPending} busyLabel={t('common.sending')}>
          {t('share.submit')}
        </Button>
      </div>
    </form>
  );
}
