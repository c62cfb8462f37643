import { useTranslation } from 'react-i18next';
import type { Post } from '../../../common/schemas/stream.ts';
import { useRevisions } from '../../api/posts.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Dialog } from '../Dialog.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { RichText } from '../RichText.tsx';

/** Earlier texts of an edited post, newest first, under the current one. */
export function RevisionsDialog({ post, open, onClose }: { post: Post; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('post.revisionsTitle')} onClose={onClose} wide>
      <Revisions post={post} />
    </Dialog>
  );
}

function Revisions({ post }: { post: Post }) {
  const { t, i18n } = useTranslation();
  const revisions = useRevisions(post.id, true);
  if (revisions.isPending) return <Loading />;
  if (revisions.isError) return <FormError message={errorMessage(t, revisions.error)} />;
  const items = [...revisions.data.items].reverse();
  return (
    <ol className="revisions">
      <li className="revision">
        <h3 className="revision-title">{t('post.current')}</h3>
        <RichText text={post.body} mentions={post.mentions} />
      </li>
      {items.length === 0 ? <li className="muted">{t('post.noRevisions')}</li> : null}
      {items.map((r) => (
        <li key={r.replacedAt} className="revision">
          <h3 className="revision-title">
            {t('post.revisionReplaced', { time: formatDateTime(r.replacedAt, i18n.language) })}
            {r.editedBy && r.editedBy.id !== post.author.id
              ? ` (${t('post.revisionBy', { name: r.editedBy.name })})`
              : ''}
          </h3>
          <RichText text={r.body} mentions={post.mentions} />
        </li>
      ))}
    </ol>
  );
}
