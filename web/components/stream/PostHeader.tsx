import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonRef, SpaceSummary } from '../../../common/schemas/spaces.ts';
import type { Post } from '../../../common/schemas/stream.ts';
import { Avatar } from '../Avatar.tsx';
import { RelativeTime } from '../RelativeTime.tsx';
import { personPath, postPath, spacePath } from '../rich-text-links.ts';
import { ExternalBadge } from '../spaces/ExternalBadge.tsx';
import { RevisionsDialog } from './RevisionsDialog.tsx';

interface PostHeaderProps {
  id: string;
  author: PersonRef;
  space: SpaceSummary | null;
  createdAt: string;
  /** The full post, when its edit history can be opened. */
  edited?: Post | null;
  headingId?: string;
}

/** Who wrote it, where, when — the time links to the post's own page. */
export function PostHeader({ id, author, space, createdAt, edited, headingId }: PostHeaderProps) {
  const { t } = useTranslation();
  const [history, setHistory] = useState(false);
  return (
    <header className="post-header">
      <Avatar name={author.name} />
      <div className="post-header-text">
        <p className="post-byline" id={headingId}>
          <Link to={personPath(author.id)} className="post-author">
            {author.name}
          </Link>
          {space ? (
            <>
              {' '}
              <span className="muted">{t('post.inSpace')}</span>{' '}
              <Link to={spacePath(space.slug)} className="post-space">
                {space.name}
              </Link>
              <ExternalBadge external={space.external} />
            </>
          ) : null}
        </p>
        <p className="post-meta muted">
          {author.jobTitle ? <span className="post-job">{author.jobTitle} · </span> : null}
          <Link to={postPath(id)} className="post-time">
            <RelativeTime value={createdAt} />
          </Link>
          {edited?.editedAt ? (
            <>
              {' · '}
              <button
                type="button"
                className="link-button"
                onClick={() => setHistory(true)}
                aria-label={t('post.editedLabel')}
              >
                {t('post.edited')}
              </button>
              <RevisionsDialog post={edited} open={history} onClose={() => setHistory(false)} />
            </>
          ) : null}
        </p>
      </div>
    </header>
  );
}
