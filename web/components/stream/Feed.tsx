import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveMessage } from '../../../common/live.ts';
import { feedPosts } from '../../api/feed-cache.ts';
import { type FeedScope, useFeed } from '../../api/posts.ts';
import { useLiveStatus } from '../../app/live-context.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { EmptyState } from '../EmptyState.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { Pager } from '../Pager.tsx';
import { PostCard } from './PostCard.tsx';
import { useNewPosts } from './use-new-posts.ts';

type PostMessage = Extract<LiveMessage, { type: 'post' }>;

interface FeedProps {
  scope: FeedScope;
  /** Names the list for screen readers. */
  label: string;
  empty: { title: string; text?: string };
  /** Which live "post created" messages may add to this feed; none: the feed is not live. */
  concerns?: (message: PostMessage) => boolean;
  /** Posts shown elsewhere on the page (pinned ones), left out here. */
  exclude?: ReadonlySet<string>;
}

const never = () => false;

/** A feed: newest first, "Load more" at the bottom, new posts behind a button at the top. */
export function Feed({ scope, label, empty, concerns, exclude }: FeedProps) {
  const { t } = useTranslation();
  const feed = useFeed(scope);
  const fresh = useNewPosts(scope, feed.data, concerns ?? never);
  const status = useLiveStatus();
  const listRef = useRef<HTMLDivElement>(null);
  const [focusFirst, setFocusFirst] = useState(false);
  const posts = feedPosts(feed.data).filter((p) => !exclude?.has(p.id));

  useEffect(() => {
    if (!focusFirst) return;
    setFocusFirst(false);
    listRef.current?.querySelector<HTMLElement>('article')?.focus();
  }, [focusFirst]);

  if (feed.isPending) return <Loading />;
  if (feed.isError && posts.length === 0) {
    return (
      <FormError message={errorMessage(t, feed.error)}>
        <p>
          <Button type="button" small onClick={() => void feed.refetch()}>
            {t('common.retry')}
          </Button>
        </p>
      </FormError>
    );
  }

  return (
    <div className="feed">
      <div className="feed-live" aria-live="polite">
        {concerns && fresh.waiting.length > 0 ? (
          <Button
            type="button"
            variant="primary"
            className="new-posts"
            onClick={() => {
              fresh.show();
              setFocusFirst(true);
            }}
          >
            <span aria-hidden="true">↑ </span>
            {t('feed.newPosts', { count: fresh.waiting.length })}
          </Button>
        ) : null}
        {concerns && status === 'closed' ? (
          <p className="feed-status muted">{t('feed.reconnecting')}</p>
        ) : null}
      </div>
      {posts.length === 0 ? (
        <EmptyState title={empty.title}>{empty.text ? <p>{empty.text}</p> : null}</EmptyState>
      ) : (
        <section ref={listRef} aria-label={label} className="post-list" aria-busy={feed.isFetchingNextPage}>
          {posts.map((post) => (
            <PostCard key={post.id} post={post} />
          ))}
        </section>
      )}
      <Pager
        hasMore={feed.hasNextPage}
        loading={feed.isFetchingNextPage}
        onLoadMore={() => void feed.fetchNextPage()}
      />
      {feed.isFetchNextPageError ? <FormError message={errorMessage(t, feed.error)} /> : null}
    </div>
  );
}
