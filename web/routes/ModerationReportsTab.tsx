import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../common/schemas/moderation.ts';
import { useCases } from '../api/moderation.ts';
import { Badge } from '../components/Badge.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Pager } from '../components/Pager.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { Select } from '../components/Select.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** Open (or closed) cases: what was reported, where, how often and why. */
export function ModerationReportsTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const cases = useCases(status);
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title" className="sr-only">
        {t('moderationUi.tabs.reports')}
      </h2>
      <Select
        label={t('moderationUi.cases.status')}
        name="status"
        value={status}
        onChange={(value) => setStatus(value === 'closed' ? 'closed' : 'open')}
        options={[
          { value: 'open', label: t('moderationUi.cases.open') },
          { value: 'closed', label: t('moderationUi.cases.closed') },
        ]}
      />
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <FormError message={errorMessage(t, cases.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={t('moderationUi.cases.emptyTitle')} level={3}>
          <p>{t('moderationUi.cases.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="moderation-list">
            {items.map((c) => (
              <CaseRow key={c.id} item={c} />
            ))}
          </ul>
          <Pager
            hasMore={cases.hasNextPage}
            loading={cases.isFetchingNextPage}
            onLoadMore={() => void cases.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}

function CaseRow({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  return (
    <li className="card moderation-item" data-testid="case-row">
      <p className="moderation-item-title">
        <Link to={`/moderation/cases/${encodeURIComponent(item.id)}`}>
          {t(`moderationUi.targets.${item.targetType}`, { name: item.subject.name })}
        </Link>{' '}
        <Badge tone="warning">{t('moderationUi.cases.reportCount', { count: item.reportCount })}</Badge>
        {item.outcome ? (
          <>
            {' '}
            <Badge>{t(`moderation.outcomes.${item.outcome}`)}</Badge>
          </>
        ) : null}
      </p>
      <p className="muted">
        {item.reasons.map((reason) => t(`moderationUi.reasons.${reason}`)).join(', ')}
        {item.space ? ` · ${item.space.name}` : ''}
        {' · '}
        <RelativeTime value={item.openedAt} />
      </p>
      {item.excerpt ? <p className="moderation-excerpt">{item.excerpt}</p> : null}
    </li>
  );
}
