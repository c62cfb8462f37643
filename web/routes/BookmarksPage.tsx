import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/use-page-title.ts';
import { Feed } from '../components/stream/Feed.tsx';

export function BookmarksPage() {
  const { t } = useTranslation();
  usePageTitle(t('bookmarks.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('bookmarks.title')}</h1>
        <p className="lead">{t('bookmarks.intro')}</p>
      </header>
      <div className="stream-single">
        <Feed
          scope={{ kind: 'bookmarks' }}
          label={t('bookmarks.title')}
          empty={{ title: t('bookmarks.emptyTitle'), text: t('bookmarks.emptyText') }}
        />
      </div>
    </div>
  );
}
