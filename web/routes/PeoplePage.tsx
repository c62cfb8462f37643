import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useDirectory, usePeople } from '../api/people.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Pager } from '../components/Pager.tsx';
import { PeopleList } from '../components/PeopleList.tsx';
import { PeopleTabs } from '../components/people/PeopleTabs.tsx';
import { PlaceFilters } from '../components/people/PlaceFilters.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDebouncedValue } from '../forms/use-debounced-value.ts';
import { errorMessage } from '../i18n/messages.ts';

export function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('people.title'));
  const [q, setQ] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [siteId, setSiteId] = useState('');
  const debouncedQ = useDebouncedValue(q.trim(), 250);
  const directory = useDirectory();
  const people = usePeople({
    q: debouncedQ || undefined,
    departmentId: departmentId || undefined,
    siteId: siteId || undefined,
  });
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const forbidden = isApiError(people.error, 'forbidden');
  const filtering = Boolean(debouncedQ || departmentId || siteId);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('people.title')}</h1>
        <p className="lead">{t('people.intro')}</p>
      </header>
      <PeopleTabs />
      {forbidden ? (
        <EmptyState title={t('people.forbiddenTitle')}>
          <p>{t('people.forbiddenText')}</p>
        </EmptyState>
      ) : (
        <>
          <search aria-label={t('people.filters')} className="filters">
            <TextField
              label={t('people.searchLabel')}
              name="q"
              type="search"
              value={q}
              onChange={setQ}
              maxLength={100}
              spellCheck={false}
            />
            <PlaceFilters
              directory={directory.data}
              departmentId={departmentId}
              siteId={siteId}
              onDepartment={setDepartmentId}
              onSite={setSiteId}
            />
          </search>
          {people.isPending ? (
            <Loading />
          ) : people.isError && items.length === 0 ? (
            <FormError message={errorMessage(t, people.error)} />
          ) : items.length === 0 ? (
            <EmptyState title={filtering ? t('people.noMatchTitle') : t('people.emptyTitle')}>
              <p>{filtering ? t('people.noMatchText') : t('people.emptyText')}</p>
            </EmptyState>
          ) : (
            <section
              aria-label={t('people.results')}
              aria-busy={people.isFetching && !people.isFetchingNextPage}
            >
              <PeopleList people={items} />
              <Pager
                hasMore={people.hasNextPage}
                loading={people.isFetchingNextPage}
                onLoadMore={() => void people.fetchNextPage()}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
