// One search over posts, comments, files, people and spaces. Everything the page shows is
// in its address (?q=&type=&sort=&space=&author=&from=&to=), so a search can be shared,
// reloaded, or reached with the back button.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { COUNT_CAP, SEARCH_KINDS, type SearchKind } from '../../common/schemas/search.ts';
import { useSearch } from '../api/search.ts';
import { useMySpaces } from '../api/spaces.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Pager } from '../components/Pager.tsx';
import { Select } from '../components/Select.tsx';
import { SearchResultItem } from '../components/search/SearchResultItem.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDebouncedValue } from '../forms/use-debounced-value.ts';
import { errorMessage } from '../i18n/messages.ts';

const FILTER_KEYS = ['type', 'sort', 'space', 'author', 'authorName', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function SearchPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const urlQuery = (params.get('q') ?? '').trim();
  const [text, setText] = useState(params.get('q') ?? '');
  const debounced = useDebouncedValue(text.trim(), 250);
  const get = (key: FilterKey) => params.get(key) ?? '';
  const type = SEARCH_KINDS.includes(get('type') as SearchKind) ? (get('type') as SearchKind) : undefined;
  const sort = get('sort') === 'relevance' ? 'relevance' : 'recent';

  const update = (changes: Partial<Record<FilterKey | 'q', string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  // Typing updates ?q= (replacing the history entry), so a search can be shared or reloaded.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the typed text only
  useEffect(() => {
    if (debounced !== urlQuery) update({ q: debounced });
  }, [debounced]);

  const spaces = useMySpaces();
  const results = useSearch(
    {
      q: urlQuery,
      type,
      sort,
      space: get('space') || undefined,
      author: get('author') || undefined,
      from: get('from') || undefined,
      to: get('to') || undefined,
    },
    urlQuery !== '',
  );
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  const first = results.data?.pages[0];
  const counts = first?.counts ?? null;
  // Counts ignore the type filter (they label its options); the status line follows it.
  const total = counts ? (type ? counts[type] : Object.values(counts).reduce((a, b) => a + b, 0)) : 0;
  const number = new Intl.NumberFormat(i18n.language);
  const kindLabel = (kind: SearchKind) =>
    counts && !first?.countsCapped
      ? t('search.kindCount', { kind: t(`search.kinds.${kind}`), count: counts[kind] })
      : t(`search.kinds.${kind}`);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('search.title')}</h1>
      </header>
      <search aria-label={t('search.title')}>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            const q = text.trim();
            if (q !== urlQuery) update({ q });
          }}
        >
          <TextField
            label={t('search.label')}
            name="q"
            type="search"
            value={text}
            onChange={setText}
            hint={t('search.scope')}
            maxLength={200}
            spellCheck={false}
          />
        </form>
        <fieldset className="filters">
          <legend className="sr-only">{t('search.filters')}</legend>
          <Select
            label={t('search.type')}
            name="type"
            value={type ?? ''}
            onChange={(value) => update({ type: value })}
            options={[
              { value: '', label: t('search.allKinds') },
              ...SEARCH_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) })),
            ]}
          />
          <Select
            label={t('search.sort')}
            name="sort"
            value={sort}
            onChange={(value) => update({ sort: value === 'relevance' ? value : '' })}
            options={[
              { value: 'recent', label: t('search.sortRecent') },
              { value: 'relevance', label: t('search.sortRelevance') },
            ]}
          />
          <Select
            label={t('search.space')}
            name="space"
            value={get('space')}
            onChange={(value) => update({ space: value })}
            options={[
              { value: '', label: t('search.anySpace') },
              ...(spaces.data ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <TextField
            label={t('search.from')}
            name="from"
            type="date"
            value={get('from')}
            onChange={(value) => update({ from: value })}
          />
          <TextField
            label={t('search.to')}
            name="to"
            type="date"
            value={get('to')}
            onChange={(value) => update({ to: value })}
          />
        </fieldset>
        {get('author') ? (
          <ul className="chips" aria-label={t('search.activeFilters')}>
            <li className="chip">
              {t('search.byAuthor', { name: get('authorName') || t('search.someone') })}
              <button
                type="button"
                className="chip-remove"
                onClick={() => update({ author: '', authorName: '' })}
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">{t('search.removeAuthor')}</span>
              </button>
            </li>
          </ul>
        ) : null}
      </search>
      {urlQuery === '' ? (
        <p className="muted">{t('search.prompt')}</p>
      ) : (
        <section aria-labelledby="search-results">
          <h2 id="search-results" className="sr-only">
            {t('search.resultsHeading')}
          </h2>
          {results.isPending ? (
            <Loading />
          ) : results.isError && items.length === 0 ? (
            <FormError message={errorMessage(t, results.error)} />
          ) : items.length === 0 ? (
            <EmptyState level={3} title={t('search.noResultsTitle')}>
              <p>{t('search.noResultsText', { query: urlQuery })}</p>
            </EmptyState>
          ) : (
            <>
              <p role="status" className="muted">
                {first?.countsCapped
                  ? t('search.manyResults', { formatted: number.format(COUNT_CAP) })
                  : t('search.results', { count: total, formatted: number.format(total) })}
              </p>
              <ol className="search-results">
                {items.map((result) => (
                  <SearchResultItem
                    key={result.id}
                    result={result}
                    onAuthor={(author) => update({ author: author.id, authorName: author.name })}
                  />
                ))}
              </ol>
              <Pager
                hasMore={results.hasNextPage}
                loading={results.isFetchingNextPage}
                onLoadMore={() => void results.fetchNextPage()}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
