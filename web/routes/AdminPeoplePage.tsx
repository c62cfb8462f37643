import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../common/schemas/people.ts';
import { USER_STATUSES } from '../../common/schemas/people.ts';
import { ROLES, type Role } from '../../common/schemas/primitives.ts';
import { useChangeRole, useSetUserActive, useUsers } from '../api/admin.ts';
import { useCommunicationManagers, useSetCommunicationManager } from '../api/ambassadors.ts';
import { useAnalyticsSettings, useSetAnalyst } from '../api/analytics.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { OrganisationDialog } from '../components/people/OrganisationDialog.tsx';
import { EraseDialog } from '../components/privacy/EraseDialog.tsx';
import { ErasureSettings } from '../components/privacy/ErasureSettings.tsx';
import { Select } from '../components/Select.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDebouncedValue } from '../forms/use-debounced-value.ts';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

type Status = (typeof USER_STATUSES)[number];

export function AdminPeoplePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.people.title'), t('admin.title'));
  const { user: me } = useSignedIn();
  const [erasing, setErasing] = useState<AdminUser | null>(null);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<Status | ''>('');
  const debouncedQ = useDebouncedValue(q.trim(), 250);
  const users = useUsers({
    q: debouncedQ || undefined,
    role: role || undefined,
    status: status || undefined,
  });
  const changeRole = useChangeRole();
  const setActive = useSetUserActive();
  const setAnalyst = useSetAnalyst();
  // Who holds the analyst grant comes with the analytics settings.
  const analytics = useAnalyticsSettings();
  const analystIds = new Set((analytics.data?.analysts ?? []).map((a) => a.id));
  const isAnalyst = (user: AdminUser) => analystIds.has(user.id);
  // ambassadors: who holds the communication-manager grant.
  const setManager = useSetCommunicationManager();
  const managers = useCommunicationManagers();
  const managerIds = new Set((managers.data?.items ?? []).map((m) => m.id));
  const isManager = (user: AdminUser) => managerIds.has(user.id);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deactivating, setDeactivating] = useState<AdminUser | null>(null);
  const [organising, setOrganising] = useState<AdminUser | null>(null);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  /** Opens a dialog about a person, clearing the last message first. */
  function open(show: (user: AdminUser) => void, user: AdminUser) {
    setError(null);
    setNotice(null);
    show(user);
  }

  const roleOptions = ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));

  function onRoleChange(user: AdminUser, next: Role) {
    setError(null);
    setNotice(null);
    changeRole.mutate(
      { id: user.id, role: next },
      {
        onSuccess: (updated) =>
          setNotice(t('admin.people.roleChanged', { name: updated.name, role: t(`roles.${updated.role}`) })),
        onError: (err) => setError(errorMessage(t, err)),
      },
    );
  }

  /** Analysts read the organisation's dashboards; administrators already do. */
  function toggleAnalyst(user: AdminUser) {
    setError(null);
    setNotice(null);
    const analyst = !isAnalyst(user);
    setAnalyst.mutate(
      { id: user.id, analyst },
      {
        onSuccess: () =>
          setNotice(
            t(analyst ? 'analytics.analyst.granted' : 'analytics.analyst.withdrawn', { name: user.name }),
          ),
        onError: (err) => setError(errorMessage(t, err)),
      },
    );
  }

  /** Communication managers write share kits and read the reach report; administrators already do. */
  function toggleManager(user: AdminUser) {
    setError(null);
    setNotice(null);
    const communicationManager = !isManager(user);
    setManager.mutate(
      { id: user.id, communicationManager },
      {
        onSuccess: () =>
          setNotice(
            t(
              communicationManager
                ? 'ambassadors.manage.grant.granted'
                : 'ambassadors.manage.grant.withdrawn',
              {
                name: user.name,
              },
            ),
          ),
        onError: (err) => setError(errorMessage(t, err)),
      },
    );
  }

  function reactivate(user: AdminUser) {
    setError(null);
    setNotice(null);
    setActive.mutate(
      { id: user.id, active: true },
      {
        onSuccess: (updated) => setNotice(t('admin.people.reactivated', { name: updated.name })),
        onError: (err) => setError(errorMessage(t, err)),
      },
    );
  }

  return (
    <>
      <h1>{t('admin.people.title')}</h1>
      <search aria-label={t('admin.people.filters')} className="filters">
        <TextField
          label={t('admin.people.search')}
          name="q"
          type="search"
          value={q}
          onChange={setQ}
          maxLength={100}
        />
        <Select
          label={t('fields.role')}
          name="role"
          value={role}
          onChange={(value) => setRole(value as Role | '')}
          options={[{ value: '', label: t('admin.people.allRoles') }, ...roleOptions]}
        />
        <Select
          label={t('admin.people.status')}
          name="status"
          value={status}
          onChange={(value) => setStatus(value as Status | '')}
          options={[
            { value: '', label: t('admin.people.allStatuses') },
            ...USER_STATUSES.map((value) => ({ value, label: t(`userStatus.${value}`) })),
          ]}
        />
      </search>
      <FormError message={error} />
      {notice ? (
        <Notice>
          <p>{notice}</p>
        </Notice>
      ) : null}
      {users.isPending ? (
        <Loading />
      ) : users.isError && items.length === 0 ? (
        <FormError message={errorMessage(t, users.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.people.emptyTitle')}>
          <p>{t('admin.people.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption={t('admin.people.caption')}
            columns={[
              t('fields.name'),
              t('fields.email'),
              t('fields.role'),
              t('admin.people.status'),
              t('people.department'),
              t('admin.people.manager'),
              t('admin.people.lastSignIn'),
              t('common.actions'),
            ]}
          >
            {items.map((user) => {
              const isMe = user.id === me.id;
              const busy =
                (changeRole.isPending && changeRole.variables?.id === user.id) ||
                (setActive.isPending && setActive.variables?.id === user.id) ||
                (setAnalyst.isPending && setAnalyst.variables?.id === user.id) ||
                (setManager.isPending && setManager.variables?.id === user.id);
              return (
                <tr key={user.id} data-testid="user-row">
                  <th scope="row">
                    {user.name}
                    {isMe ? <span className="muted"> {t('admin.people.you')}</span> : null}
                    {isAnalyst(user) ? (
                      <>
                        {' '}
                        <Badge tone="neutral">{t('analytics.analyst.badge')}</Badge>
                      </>
                    ) : null}
                    {isManager(user) ? (
                      <>
                        {' '}
                        <Badge tone="neutral">{t('ambassadors.manage.grant.badge')}</Badge>
                      </>
                    ) : null}
                  </th>
                  <td>{user.email}</td>
                  <td>
                    <Select
                      label={t('admin.people.roleOf', { name: user.name })}
                      hideLabel
                      compact
                      name={`role-${user.id}`}
                      value={user.role}
                      disabled={busy}
                      options={roleOptions}
                      onChange={(value) => onRoleChange(user, value as Role)}
                    />
                  </td>
                  <td>
                    <Badge tone={user.status === 'active' ? 'success' : 'neutral'}>
                      {t(`userStatus.${user.status}`)}
                    </Badge>
                  </td>
                  <td>{user.department?.name ?? <span className="muted">—</span>}</td>
                  <td>{user.manager?.name ?? <span className="muted">—</span>}</td>
                  <td>
                    {user.lastSignInAt ? (
                      formatDateTime(user.lastSignInAt, i18n.language)
                    ) : (
                      <span className="muted">{t('admin.people.never')}</span>
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      <RowAction name={user.name} disabled={busy} onClick={() => open(setOrganising, user)}>
                        {t('admin.people.organisation')}
                      </RowAction>
                      {user.role === 'member' ? (
                        <RowAction
                          name={user.name}
                          disabled={busy}
                          title={t('analytics.analyst.hint')}
                          onClick={() => toggleAnalyst(user)}
                        >
                          {isAnalyst(user) ? t('analytics.analyst.withdraw') : t('analytics.analyst.grant')}
                        </RowAction>
                      ) : null}
                      {user.role === 'member' && (user.status === 'active' || isManager(user)) ? (
                        <RowAction
                          name={user.name}
                          disabled={busy}
                          title={t('ambassadors.manage.grant.hint')}
                          onClick={() => toggleManager(user)}
                        >
                          {isManager(user)
                            ? t('ambassadors.manage.grant.withdraw')
                            : t('ambassadors.manage.grant.grant')}
                        </RowAction>
                      ) : null}
                      {user.status === 'active' ? (
                        <RowAction
                          name={user.name}
                          danger
                          disabled={busy}
                          onClick={() => {
                            setActive.reset();
                            open(setDeactivating, user);
                          }}
                        >
                          {t('admin.people.deactivate')}
                        </RowAction>
                      ) : (
                        <RowAction name={user.name} disabled={busy} onClick={() => reactivate(user)}>
                          {t('admin.people.reactivate')}
                        </RowAction>
                      )}
                      {user.id !== me.id ? (
                        <RowAction
                          name={user.name}
                          danger
                          disabled={busy}
                          onClick={() => open(setErasing, user)}
                        >
                          {t('privacy.erase')}
                        </RowAction>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </Table>
          <Pager
            hasMore={users.hasNextPage}
            loading={users.isFetchingNextPage}
            onLoadMore={() => void users.fetchNextPage()}
          />
        </>
      )}
      <OrganisationDialog
        user={organising}
        onClose={() => setOrganising(null)}
        onSaved={(saved) => {
          setOrganising(null);
          setNotice(t('admin.people.organisationSaved', { name: saved.name }));
        }}
      />
      <EraseDialog
        user={erasing}
        onClose={() => setErasing(null)}
        onErased={() => {
          setErasing(null);
          setNotice(t('privacy.erased'));
        }}
      />
      <ErasureSettings />
      <ConfirmDialog
        open={deactivating !== null}
        title={t('admin.people.deactivateTitle', { name: deactivating?.name ?? '' })}
        confirmLabel={t('admin.people.deactivate')}
        busyLabel={t('common.working')}
        danger
        busy={setActive.isPending}
        error={setActive.error ? errorMessage(t, setActive.error) : null}
        onCancel={() => setDeactivating(null)}
        onConfirm={() => {
          if (!deactivating) return;
          setActive.mutate(
            { id: deactivating.id, active: false },
            {
              onSuccess: (updated) => {
                setDeactivating(null);
                setNotice(t('admin.people.deactivated', { name: updated.name }));
              },
            },
          );
        }}
      >
        <p>{t('admin.people.deactivateText')}</p>
      </ConfirmDialog>
    </>
  );
}

/** A button of a person's row, named for assistive technology with the person's name too. */
function RowAction({
  name,
  danger = false,
  disabled,
  title,
  onClick,
  children,
}: {
  name: string;
  danger?: boolean;
  disabled: boolean;
  title?: string;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <Button
      type="button"
      small
      variant={danger ? 'danger' : undefined}
      disabled={disabled}
      title={title}
      onClick={onClick}
    >
      {children}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}
