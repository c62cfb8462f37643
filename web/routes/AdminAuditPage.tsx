import type { TFunction } from 'i18next';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../common/schemas/admin.ts';
import { auditExportUrl, useAudit, useVerifyAudit } from '../api/admin.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { Select } from '../components/Select.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { auditActionLabel, auditDetailsText } from '../i18n/audit.ts';
import { endOfLocalDay, formatDateTime, startOfLocalDay } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

export function AdminAuditPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.audit.title'), t('admin.title'));
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const filters = {
    action: action || undefined,
    from: from ? startOfLocalDay(from) : undefined,
    to: to ? endOfLocalDay(to) : undefined,
  };
  const audit = useAudit(filters);
  const verify = useVerifyAudit();
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const rangeInverted = from !== '' && to !== '' && from > to;

  function toggle(id: number) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <p className="lead">{t('admin.audit.intro')}</p>
      <div className="toolbar">
        <Button type="button" variant="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>
          {verify.isPending ? t('admin.audit.verifying') : t('admin.audit.verify')}
        </Button>
        <a className="button button-secondary" href={auditExportUrl(filters)} download>
          {t('admin.audit.export')}
        </a>
      </div>
      {verify.data ? (
        <Notice tone={verify.data.valid ? 'success' : 'warning'}>
          <p>
            {verify.data.valid
              ? t('admin.audit.verified', { count: verify.data.checked })
              : t('admin.audit.broken', { id: verify.data.brokenId ?? '', count: verify.data.checked })}
          </p>
        </Notice>
      ) : null}
      {verify.error ? <FormError message={errorMessage(t, verify.error)} /> : null}
      <search aria-label={t('admin.audit.filters')} className="filters">
        <Select
          label={t('admin.audit.action')}
          name="action"
          value={action}
          onChange={(value) => setAction(value as AuditAction | '')}
          options={[
            { value: '', label: t('admin.audit.allActions') },
            ...AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(t, value) })),
          ]}
        />
        <TextField label={t('admin.audit.from')} name="from" type="date" value={from} onChange={setFrom} />
        <TextField
          label={t('admin.audit.to')}
          name="to"
          type="date"
          value={to}
          onChange={setTo}
          error={rangeInverted ? t('admin.audit.rangeInverted') : undefined}
        />
      </search>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError && items.length === 0 ? (
        <FormError message={errorMessage(t, audit.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.audit.emptyTitle')}>
          <p>{t('admin.audit.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption={t('admin.audit.caption')}
            columns={[
              t('admin.audit.time'),
              t('admin.audit.action'),
              t('admin.audit.actor'),
              t('admin.audit.target'),
              t('admin.audit.ip'),
              <span key="details" className="sr-only">
                {t('admin.audit.details')}
              </span>,
            ]}
          >
            {items.map((entry) => {
              const open = expanded.has(entry.id);
              const detailsId = `audit-details-${entry.id}`;
              return (
                <Fragment key={entry.id}>
                  <tr data-testid="audit-row">
                    <td>
                      <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                    </td>
                    <th scope="row">{auditActionLabel(t, entry.action)}</th>
                    <td>{actorLabel(t, entry)}</td>
                    <td>{targetLabel(entry)}</td>
                    <td>{entry.ip ?? <span className="muted">—</span>}</td>
                    <td>
                      <Button
                        type="button"
                        small
                        variant="quiet"
                        aria-expanded={open}
                        aria-controls={detailsId}
                        onClick={() => toggle(entry.id)}
                      >
                        {open ? t('admin.audit.hideDetails') : t('admin.audit.showDetails')}
                      </Button>
                    </td>
                  </tr>
                  <tr id={detailsId} className="details-row" hidden={!open}>
                    <td colSpan={6}>
                      {open ? <pre className="json">{auditDetailsText(t, entry)}</pre> : null}
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </Table>
          <Pager
            hasMore={audit.hasNextPage}
            loading={audit.isFetchingNextPage}
            onLoadMore={() => void audit.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function actorLabel(t: TFunction, entry: AuditEntry): React.ReactNode {
  if (!entry.actor) return <span className="muted">{t('admin.audit.system')}</span>;
  return entry.actor.label ?? entry.actor.id;
}

function targetLabel(entry: AuditEntry): React.ReactNode {
  if (!entry.target) return <span className="muted">—</span>;
  return entry.target.label ?? entry.target.id ?? entry.target.type;
}
