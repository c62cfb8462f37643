import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Post } from '../../../common/schemas/stream.ts';
import { useSaveToKnowledge } from '../../api/knowledge.ts';
import { useDeletePost, usePin } from '../../api/posts.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { FormError } from '../FormError.tsx';
import { MenuButton } from '../MenuButton.tsx';
import { ReportDialog } from '../moderation/ReportDialog.tsx';

/** Edit, pin, save to knowledge and delete, as the post's `can` flags allow; report another's post. */
export function PostMenu({ post, onEdit }: { post: Post; onEdit: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const { user } = useSignedIn();
  const [deleting, setDeleting] = useState(false);
  const [reporting, setReporting] = useState(false);
  const remove = useDeletePost(post.id);
  const pin = usePin(post);
  const save = useSaveToKnowledge(post.id);
  const canReport = post.author.id !== user.id;
  if (!post.can.edit && !post.can.delete && !post.can.pin && !post.can.saveToKnowledge && !canReport)
    return null;
  return (
    <>
      <MenuButton label={t('post.moreActions')}>
        {(close) => (
          <ul>
            {post.can.edit ? (
              <li>
                <button
                  type="button"
                  onClick={() => {
                    close();
                    onEdit();
                  }}
                >
                  {t('post.edit')}
                </button>
              </li>
            ) : null}
            {post.can.pin ? (
              <li>
                <button
                  type="button"
                  onClick={() => {
                    close();
                    pin.mutate(!post.pinned);
                  }}
                >
                  {post.pinned ? t('post.unpin') : t('post.pin')}
                </button>
              </li>
            ) : null}
            {post.can.saveToKnowledge ? (
              <li>
                <button
                  type="button"
                  onClick={() => {
                    close();
                    save.mutate(undefined, { onSuccess: (page) => void navigate(`/pages/${page.id}`) });
                  }}
                >
                  {t('knowledge.saveFromPost')}
                </button>
              </li>
            ) : null}
            {canReport ? (
              <li>
                <button
                  type="button"
                  onClick={() => {
                    close();
                    setReporting(true);
                  }}
                >
                  {t('moderationUi.report.action')}
                </button>
              </li>
            ) : null}
            {post.can.delete ? (
              <li>
                <button
                  type="button"
                  className="menu-danger"
                  onClick={() => {
                    close();
                    remove.reset();
                    setDeleting(true);
                  }}
                >
                  {t('post.delete')}
                </button>
              </li>
            ) : null}
          </ul>
        )}
      </MenuButton>
      {pin.error ? <FormError message={errorMessage(t, pin.error)} /> : null}
      {save.error ? <FormError message={errorMessage(t, save.error)} /> : null}
      <ReportDialog
        open={reporting}
        onClose={() => setReporting(false)}
        targetType="post"
        targetId={post.id}
      />
      <ConfirmDialog
        open={deleting}
        title={t('post.deleteTitle')}
        confirmLabel={t('post.delete')}
        busyLabel={t('post.deleting')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setDeleting(false);
              // On the post's own page there is nothing left to show.
              if (params.postId === post.id) navigate('/', { replace: true });
            },
          })
        }
      >
        <p>{t('post.deleteText')}</p>
      </ConfirmDialog>
    </>
  );
}
