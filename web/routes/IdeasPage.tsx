// /ideas: the idea campaigns of the spaces the reader may read.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCampaigns } from '../api/ideas.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { errorMessage } from '../i18n/messages.ts';
import { NewCampaign } from './IdeaCampaignNew.tsx';

export function IdeasPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('ideas.title'));
  const list = useCampaigns();
  const items = list.data?.items ?? [];
  return (
    <main id="main" className="page ideas-page">
      <h1>{t('ideas.title')}</h1>
      <p className="muted">{t('ideas.intro')}</p>
      <NewCampaign />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <FormError message={errorMessage(t, list.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={t('ideas.emptyTitle')}>
          <p>{t('ideas.emptyText')}</p>
        </EmptyState>
      ) : (
        <ul className="ideas-list">
          {items.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link to={`/ideas/${encodeURIComponent(c.id)}`}>{c.title}</Link>
              </h2>
              <p className="muted">
                {c.space.name} · {c.open ? t('ideas.open') : t('ideas.closed')} ·{' '}
                {t('ideas.until', { date: new Date(c.closesAt).toLocaleDateString(i18n.language) })} ·{' '}
                {t('ideas.ideaCount', { count: c.ideaCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
