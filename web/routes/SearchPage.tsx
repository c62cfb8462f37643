import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { usePeople } from '../api/people.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Pager } from '../components/Pager.tsx';
import { PeopleList } from '../components/PeopleList.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDebouncedValue } from '../forms/use-debounced-value.ts';
import { errorMessage } from '../i18n/messages.ts';

export function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const urlQuery = (params.get('q') ?? '').trim();
  const [text, setText] = useState(params.get('q') ?? '');
  const debounced = useDebouncedValue(text.trim(), 250);

  // Typing updates ?q= (replacing the history entry), so a search can be shared or reloaded.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the typed text only
  useEffect(() => {
    if (debounced !== urlQuery) setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced]);

  const people = usePeople({ q: urlQuery || undefined }, urlQuery !== '');
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('search.title')}</h1>
      </header>
      <search>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            const q = text.trim();
            if (q !== urlQuery) setParams(q ? { q } : {}, { replace: true });
          }}
        >
          <TextField
            label={t('search.label')}
            name="q"
            type="search"
            value={text}
            onChange={setText}
            hint={t('search.scope')}
            maxLength={100}
            spellCheck={false}
          />
        </form>
      </search>
      {urlQuery === '' ? (
        <p className="muted">{t('search.prompt')}</p>
      ) : (
        <section aria-labelledby="search-people">
          <h2 id="search-people">{t('search.peopleHeading')}</h2>
          {people.isPending ? (
            <Loading />
          ) : isApiError(people.error, 'forbidden') ? (
            <p>{t('people.forbiddenText')}</p>
          ) : people.isError && items.length === 0 ? (
            <FormError message={errorMessage(t, people.error)} />
          ) : items.length === 0 ? (
            <EmptyState level={3} title={t('search.noResultsTitle')}>
              <p>{t('search.noResultsText', { query: urlQuery })}</p>
            </EmptyState>
          ) : (
            <>
              <p role="status" className="muted">
                {people.hasNextPage
                  ? t('search.someResults', { count: items.length })
                  : t('search.results', { count: items.length })}
              </p>
              <PeopleList people={items} headingLevel={3} />
              <Pager
                hasMore={people.hasNextPage}
                loading={people.isFetchingNextPage}
                onLoadMore={() => void people.fetchNextPage()}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
