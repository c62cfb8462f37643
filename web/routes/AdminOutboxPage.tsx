import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useOutbox } from '../api/admin.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { MailStatusBadge } from '../components/MailStatusBadge.tsx';
import { Pager } from '../components/Pager.tsx';
import { Table } from '../components/Table.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage, translateDynamic } from '../i18n/messages.ts';

export function AdminOutboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.outbox.title'), t('admin.title'));
  const navigate = useNavigate();
  const outbox = useOutbox();
  const items = outbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <h1>{t('admin.outbox.title')}</h1>
      <p className="lead">{t('admin.outbox.intro')}</p>
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError && items.length === 0 ? (
        <FormError message={errorMessage(t, outbox.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.outbox.emptyTitle')}>
          <p>{t('admin.outbox.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption={t('admin.outbox.caption')}
            className="table-clickable"
            columns={[
              t('admin.outbox.to'),
              t('admin.outbox.subject'),
              t('admin.outbox.kind'),
              t('admin.outbox.status'),
              t('admin.outbox.createdAt'),
            ]}
          >
            {items.map((message) => (
              <tr
                key={message.id}
                data-testid="outbox-row"
                // The subject link is the keyboard way in; a click anywhere on the row helps the mouse.
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('a')) return;
                  navigate(`/admin/outbox/${encodeURIComponent(message.id)}`);
                }}
              >
                <td>{message.to}</td>
                <th scope="row">
                  <Link to={`/admin/outbox/${encodeURIComponent(message.id)}`}>{message.subject}</Link>
                </th>
                <td>{translateDynamic(t, `mailKinds.${message.kind}`, message.kind)}</td>
                <td>
                  <MailStatusBadge status={message.status} />
                </td>
                <td>{formatDateTime(message.createdAt, i18n.language)}</td>
              </tr>
            ))}
          </Table>
          <Pager
            hasMore={outbox.hasNextPage}
            loading={outbox.isFetchingNextPage}
            onLoadMore={() => void outbox.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
