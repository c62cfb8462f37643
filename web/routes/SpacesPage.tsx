import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SPACE_TYPES, type SpaceType } from '../../common/schemas/spaces.ts';
import { useSpaces } from '../api/spaces.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Pager } from '../components/Pager.tsx';
import { spacePath } from '../components/rich-text-links.ts';
import { Select } from '../components/Select.tsx';
import { CreateSpaceDialog } from '../components/spaces/CreateSpaceDialog.tsx';
import { SpaceBadges } from '../components/spaces/SpaceBadges.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDebouncedValue } from '../forms/use-debounced-value.ts';
import { errorMessage } from '../i18n/messages.ts';

const FILTERS = ['all', 'mine', 'invited'] as const;
type Filter = (typeof FILTERS)[number];

export function SpacesPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  usePageTitle(t('spaces.title'));
  const [params] = useSearchParams();
  const filter: Filter = FILTERS.find((f) => f === params.get('filter')) ?? 'all';
  const [q, setQ] = useState('');
  const [type, setType] = useState<SpaceType | ''>('');
  const [creating, setCreating] = useState(false);
  const debouncedQ = useDebouncedValue(q.trim(), 250);
  const spaces = useSpaces({ filter, q: debouncedQ || undefined, type: type || undefined });
  const items = spaces.data?.pages.flatMap((page) => page.items) ?? [];
  const filtering = Boolean(debouncedQ || type);
  const empty = filtering
    ? { title: t('spaces.noMatchTitle'), text: t('spaces.noMatchText') }
    : filter === 'mine'
      ? { title: t('spaces.mineEmptyTitle'), text: t('spaces.mineEmptyText') }
      : filter === 'invited'
        ? { title: t('spaces.invitedEmptyTitle'), text: t('spaces.invitedEmptyText') }
        : { title: t('spaces.emptyTitle'), text: t('spaces.emptyText') };

  return (
    <div className="page">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('spaces.title')}</h1>
          <p className="lead">{t('spaces.intro')}</p>
        </div>
        {user.role !== 'guest' ? (
          <Button type="button" variant="primary" onClick={() => setCreating(true)}>
            {t('spaces.create')}
          </Button>
        ) : null}
      </header>
      <nav aria-label={t('spaces.tabsLabel')} className="tabs">
        <ul>
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                to={f === 'all' ? '/spaces' : `/spaces?filter=${f}`}
                aria-current={f === filter ? 'page' : undefined}
              >
                {t(`spaces.tabs.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <search aria-label={t('spaces.filters')} className="filters">
        <TextField
          label={t('spaces.search')}
          name="q"
          type="search"
          value={q}
          onChange={setQ}
          maxLength={100}
        />
        <Select
          label={t('spaces.typeFilter')}
          name="type"
          value={type}
          onChange={(value) => setType(value as SpaceType | '')}
          options={[
            { value: '', label: t('spaces.allTypes') },
            ...SPACE_TYPES.map((s) => ({ value: s, label: t(`spaceTypes.${s}`) })),
          ]}
        />
      </search>
      {spaces.isPending ? (
        <Loading />
      ) : spaces.isError && items.length === 0 ? (
        <FormError message={errorMessage(t, spaces.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={empty.title}>
          <p>{empty.text}</p>
        </EmptyState>
      ) : (
        <section aria-label={t('spaces.results')} aria-busy={spaces.isFetching && !spaces.isFetchingNextPage}>
          <ul className="space-grid">
            {items.map((space) => (
              <li key={space.id} className="space-card" data-testid="space-card">
                <h2 className="space-card-name">
                  <Link to={spacePath(space.slug)}>{space.name}</Link>
                </h2>
                <SpaceBadges space={space} />
                {space.description ? <p className="space-card-description">{space.description}</p> : null}
              </li>
            ))}
          </ul>
          <Pager
            hasMore={spaces.hasNextPage}
            loading={spaces.isFetchingNextPage}
            onLoadMore={() => void spaces.fetchNextPage()}
          />
        </section>
      )}
      <CreateSpaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
