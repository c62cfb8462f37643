import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchResult, SnippetPart } from '../../../common/schemas/search.ts';
import { RelativeTime } from '../RelativeTime.tsx';
import { personPath, postPath, spacePath } from '../rich-text-links.ts';
import { ExternalBadge } from '../spaces/ExternalBadge.tsx';

/** Where a result leads: the post (or question) a result belongs to; the person; the space. */
export function resultPath(r: Pick<SearchResult, 'kind' | 'id' | 'postId' | 'space'>): string {
  if (r.kind === 'person') return personPath(r.id);
  if (r.kind === 'space' && r.space) return spacePath(r.space.slug);
  if (r.kind === 'event') return `/events/${encodeURIComponent(r.id)}`;
  if (r.kind === 'page') return `/pages/${encodeURIComponent(r.id)}`;
  if (r.kind === 'idea') return `/ideas/idea/${encodeURIComponent(r.id)}`;
  return r.postId ? postPath(r.postId) : '/search';
}

/** Matched words in <mark>; the text itself is only ever text. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence of one snippet
        part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

interface SearchResultItemProps {
  result: SearchResult;
  onAuthor?: ((author: { id: string; name: string }) => void) | undefined;
}

export function SearchResultItem({ result, onAuthor }: SearchResultItemProps) {
  const { t } = useTranslation();
  const { author, space } = result;
  const heading =
    result.kind === 'post' || result.kind === 'comment' || result.kind === 'answer'
      ? t(`search.kindHeading.${result.kind}`, { name: author?.name ?? t('search.someone') })
      : result.title;
  const content = result.kind !== 'person' && result.kind !== 'space';
  const written = content && result.kind !== 'event' && result.kind !== 'page';
  return (
    <li className="search-result">
      <p className="search-result-kind">{t(`search.kind.${result.kind}`)}</p>
      <h3 className="search-result-title">
        <Link to={resultPath(result)}>{heading}</Link>
      </h3>
      {result.snippet.length > 0 ? (
        <p className="search-result-snippet">
          <Snippet parts={result.snippet} />
        </p>
      ) : null}
      {content ? (
        <p className="search-result-meta muted">
          {space ? (
            <>
              <Link to={spacePath(space.slug)}>{space.name}</Link>
              <ExternalBadge external={space.external} />
              {' · '}
            </>
          ) : null}
          <RelativeTime value={result.createdAt} />
          {author && onAuthor && written ? (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={() => onAuthor(author)}>
                {t('search.moreFrom', { name: author.name })}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}
