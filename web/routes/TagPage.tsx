import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useFollowTag, useTag } from '../api/follows.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Feed } from '../components/stream/Feed.tsx';
import { errorMessage } from '../i18n/messages.ts';

// A tag is not a channel of its own: any new post might carry it; the feed's query decides.
const anyPost = () => true;

export function TagPage() {
  const { t } = useTranslation();
  const { tag: raw = '' } = useParams();
  const tag = raw.toLowerCase();
  usePageTitle(`#${tag}`);
  const info = useTag(tag);
  const follow = useFollowTag(tag);
  const following = info.data?.following ?? false;
  return (
    <div className="page">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('tag.title', { tag })}</h1>
          <p className="lead">{following ? t('tag.following') : t('tag.intro')}</p>
        </div>
        {info.data ? (
          <Button
            type="button"
            variant={following ? 'secondary' : 'primary'}
            aria-pressed={following}
            busy={follow.isPending}
            onClick={() => follow.mutate(!following)}
          >
            {following ? t('tag.unfollow') : t('tag.follow')}
          </Button>
        ) : null}
      </header>
      {follow.error ? <FormError message={errorMessage(t, follow.error)} /> : null}
      <div className="stream-single">
        <Feed
          scope={{ kind: 'tag', tag }}
          label={t('tag.title', { tag })}
          empty={{ title: t('tag.emptyTitle'), text: t('tag.emptyText', { tag }) }}
          concerns={anyPost}
        />
      </div>
    </div>
  );
}
