import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CareConversationSummary } from '../../common/schemas/care.ts';
import { useCareConversations } from '../api/care-inbox.ts';
import { isApiError } from '../api/client.ts';
import {
  ChannelLabel,
  PriorityBadge,
  SentimentHint,
  SlaBadge,
  StatusBadge,
} from '../components/care/CareBadges.tsx';
import { InboxFilterBar } from '../components/care/InboxFilterBar.tsx';
import {
  apiQuery,
  type InboxFilters,
  type InboxTab,
  readInboxFilters,
  writeInboxFilters,
} from '../components/care/inbox-filters.ts';
import { SavedViews } from '../components/care/SavedViews.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Pager } from '../components/Pager.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { errorMessage } from '../i18n/messages.ts';

const TABS: readonly InboxTab[] = ['open', 'pending', 'resolved', 'breaches'];

/** The inbox: tabs by status (and the breaches), filters, saved views, and the list. */
export function CareInboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readInboxFilters(params), [params]);
  const query = useMemo(() => apiQuery(filters), [filters]);
  const list = useCareConversations(query);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const apply = (next: InboxFilters) => setParams(writeInboxFilters(next));
  const tabLink = (tab: InboxTab) => {
    const search = writeInboxFilters({ ...filters, tab, view: '' }).toString();
    return search ? `/care?${search}` : '/care';
  };

  return (
    <section aria-labelledby="care-list-title">
      <h2 id="care-list-title" className="sr-only">
        {t('care.inbox.list.title')}
      </h2>
      <nav aria-label={t('care.inbox.statusTabs')} className="tabs care-status-tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab}>
              <Link to={tabLink(tab)} aria-current={filters.tab === tab ? 'page' : undefined}>
                {tab === 'breaches' ? t('care.inbox.breaches') : t(`care.inbox.tab.${tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SavedViews filters={filters} onPick={apply} />
      <InboxFilterBar filters={filters} onChange={apply} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        isApiError(list.error, 'forbidden') || isApiError(list.error, 'not_found') ? (
          <p>{t('care.inbox.forbidden')}</p>
        ) : (
          <FormError message={errorMessage(t, list.error)} />
        )
      ) : items.length === 0 ? (
        <EmptyState title={t('care.inbox.list.emptyTitle')} level={3}>
          <p>{t('care.inbox.list.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="care-list" aria-busy={list.isFetching && !list.isFetchingNextPage}>
            {items.map((item) => (
              <ConversationRow key={item.id} item={item} />
            ))}
          </ul>
          <Pager
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}

function ConversationRow({ item }: { item: CareConversationSummary }) {
  const { t } = useTranslation();
  return (
    <li className={`card care-row care-row-${item.sla.state}`} data-testid="conversation-row">
      <div className="care-row-head">
        <Link className="care-row-subject" to={`/care/conversations/${encodeURIComponent(item.id)}`}>
          {item.subject || t('care.inbox.list.noSubject')}
        </Link>
        <span className="care-row-time">
          <span className="sr-only">
            {t('care.inbox.list.lastMessage')}
            {t('care.inbox.colon')}
          </span>
          <RelativeTime value={item.lastMessageAt} />
        </span>
      </div>
      <p className="care-row-meta">
        <span className="care-row-customer">
          <span className="sr-only">
            {t('care.inbox.list.customer')}
            {t('care.inbox.colon')}
          </span>
          {item.customer.name}
        </span>
        <ChannelLabel kind={item.channel.kind} name={item.channel.name} />
        <StatusBadge status={item.status} />
        <PriorityBadge priority={item.priority} />
        <SlaBadge sla={item.sla} />
        <SentimentHint score={item.sentiment} />
      </p>
      {item.excerpt ? <p className="care-row-excerpt">{item.excerpt}</p> : null}
      <p className="care-row-meta muted">
        <span>
          {item.assignee
            ? t('care.inbox.list.assignedTo', { name: item.assignee.name })
            : t('care.inbox.list.unassigned')}
        </span>
        {item.team ? <span>{item.team.name}</span> : null}
        {item.tags.map((tag) => (
          <span key={tag} className="care-tag">
            #{tag}
          </span>
        ))}
        <span>{t('care.inbox.list.messages', { count: item.messageCount })}</span>
      </p>
    </li>
  );
}
