import { useTranslation } from 'react-i18next';
import type { LinkPreview } from '../../../common/schemas/stream.ts';
import { EXTERNAL_REL, isHttpUrl } from '../rich-text-links.ts';

/**
 * The preview of a post's first link, once fetched. Its text came from another site and is
 * shown as text. An image is shown only when Trame serves it itself: the Content-Security-
 * Policy lets pages load images from Trame only, so a browser never calls the linked site.
 */
export function LinkPreviewCard({ link }: { link: LinkPreview }) {
  const { t } = useTranslation();
  if (link.status !== 'ready' || !isHttpUrl(link.url) || !(link.title || link.description)) return null;
  const site = link.siteName || hostOf(link.url);
  const image = link.imageUrl?.startsWith('/') && !link.imageUrl.startsWith('//') ? link.imageUrl : null;
  return (
    <aside className="link-card" aria-label={t('post.link')}>
      {image ? <img className="link-card-image" src={image} alt="" loading="lazy" /> : null}
      <div className="link-card-text">
        <p className="link-card-site">{site}</p>
        <p className="link-card-title">
          <a href={link.url} rel={EXTERNAL_REL} target="_blank" className="break">
            {link.title || link.url}
          </a>
        </p>
        {link.description ? <p className="link-card-description">{link.description}</p> : null}
      </div>
    </aside>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
