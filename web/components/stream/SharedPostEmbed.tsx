import { useTranslation } from 'react-i18next';
import type { Post } from '../../../common/schemas/stream.ts';
import { RichText } from '../RichText.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { LinkPreviewCard } from './LinkPreviewCard.tsx';
import { PostHeader } from './PostHeader.tsx';

/** The post a share carries, read-only; or a note when the reader may no longer see it. */
export function SharedPostEmbed({ shared }: { shared: NonNullable<Post['shared']> }) {
  const { t } = useTranslation();
  if (!shared.available) {
    return <p className="shared-post shared-post-gone">{t('post.sharedUnavailable')}</p>;
  }
  return (
    <section className="shared-post" aria-label={t('post.shared')}>
      <PostHeader id={shared.id} author={shared.author} space={shared.space} createdAt={shared.createdAt} />
      <RichText text={shared.body} mentions={shared.mentions} />
      {shared.link ? <LinkPreviewCard link={shared.link} /> : null}
      <AttachmentList attachments={shared.attachments} />
    </section>
  );
}
