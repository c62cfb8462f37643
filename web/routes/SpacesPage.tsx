import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/use-page-title.ts';
import { EmptyState } from '../components/EmptyState.tsx';

export function SpacesPage() {
  const { t } = useTranslation();
  usePageTitle(t('spaces.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('spaces.title')}</h1>
      </header>
      <EmptyState title={t('spaces.emptyTitle')}>
        <p>{t('spaces.emptyText')}</p>
      </EmptyState>
    </div>
  );
}
