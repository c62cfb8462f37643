import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../common/schemas/stream.ts';
import { formatBytes } from '../../i18n/format.ts';

/** Images as thumbnails (opening the full file), other files as download links with their size. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.isImage);
  const files = attachments.filter((a) => !a.isImage);
  return (
    <section className="attachments" aria-label={t('post.attachments')}>
      {images.length > 0 ? (
        <ul className="attachment-images">
          {images.map((a) => (
            <li key={a.id}>
              <a href={a.url} target="_blank" rel="noopener">
                <img src={a.url} alt={t('post.imageAlt', { name: a.fileName })} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul className="attachment-files">
          {files.map((a) => (
            <li key={a.id}>
              <a href={a.url} download={a.fileName} className="break">
                {a.fileName}
              </a>{' '}
              <span className="muted">({formatBytes(a.sizeBytes, i18n.language)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
