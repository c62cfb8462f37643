import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { feedPosts } from '../api/feed-cache.ts';
import { useFeed } from '../api/posts.ts';
import { Composer } from '../components/composer/Composer.tsx';
import { Notice } from '../components/Notice.tsx';
import { useSpaceOfPage } from '../components/spaces/space-context.ts';
import { Feed } from '../components/stream/Feed.tsx';
import { PostCard } from '../components/stream/PostCard.tsx';

/** Pinned posts first, then the composer (members), then the space's feed. */
export function SpaceFeedTab() {
  const { t } = useTranslation();
  const space = useSpaceOfPage();
  const pinned = useFeed({ kind: 'pinned', spaceId: space.id }, space.can.read);
  const pinnedPosts = feedPosts(pinned.data);
  const pinnedKey = pinnedPosts.map((p) => p.id).join(',');
  const pinnedIds = useMemo(() => new Set(pinnedKey ? pinnedKey.split(',') : []), [pinnedKey]);

  if (!space.can.read) {
    return (
      <Notice tone="info">
        <p>{t('space.membersOnly')}</p>
      </Notice>
    );
  }
  return (
    <div className="stream-single">
      {pinnedPosts.length > 0 ? (
        <section aria-labelledby="space-pinned" className="pinned">
          <h2 id="space-pinned" className="section-title">
            {t('space.pinnedTitle')}
          </h2>
          {pinnedPosts.map((post) => (
            <PostCard key={post.id} post={post} />
          ))}
        </section>
      ) : null}
      {space.can.post ? <Composer space={space} /> : null}
      <h2 className="section-title">{t('space.feedTitle')}</h2>
      <Feed
        scope={{ kind: 'space', spaceId: space.id }}
        label={t('space.feedTitle')}
        empty={{ title: t('space.emptyTitle'), text: space.can.post ? t('space.emptyText') : undefined }}
        concerns={(m) => m.spaceId === space.id}
        exclude={pinnedIds}
      />
    </div>
  );
}
