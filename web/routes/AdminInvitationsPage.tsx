import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  INVITATION_STATUSES,
  type Invitation,
  InvitationCreateBody,
} from '../../common/schemas/invitations.ts';
import { type Locale, ROLES, type Role } from '../../common/schemas/primitives.ts';
import { useCreateInvitation, useInvitationAction, useInvitations } from '../api/admin.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Badge, type BadgeTone } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { LocaleSelect } from '../components/LocaleSelect.tsx';
import { Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { Select } from '../components/Select.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { formatDateTime } from '../i18n/format.ts';
import { isLocale } from '../i18n/locale.ts';
import { errorMessage } from '../i18n/messages.ts';

type Status = Invitation['status'];

const INVITATION_TONES: Record<Status, BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  expired: 'neutral',
  revoked: 'warning',
};

export function AdminInvitationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.invitations.title'), t('admin.title'));
  return (
    <>
      <h1>{t('admin.invitations.title')}</h1>
      <InviteForm />
      <InvitationList />
    </>
  );
}

function InviteForm() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [locale, setLocale] = useState<Locale>(isLocale(i18n.language) ? i18n.language : 'en');
  const [message, setMessage] = useState('');
  const [invited, setInvited] = useState<string | null>(null);
  const create = useCreateInvitation();
  const form = useFormFeedback(['email', 'role', 'locale', 'message']);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setInvited(null);
    const body = form.validate(InvitationCreateBody, {
      email,
      role,
      locale,
      message: message.trim() ? message : undefined,
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (invitation) => {
        setInvited(invitation.email);
        setEmail('');
        setMessage('');
      },
      onError: (error) => form.showError(error, { email_taken: 'email' }),
    });
  }

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('admin.invitations.formTitle')}</h2>
      <p>{t('admin.invitations.formIntro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {invited ? (
          <Notice>
            <p>{t('admin.invitations.sent', { email: invited })}</p>
            <p>
              {t('admin.invitations.outboxHint')}{' '}
              <Link to="/admin/outbox">{t('admin.invitations.openOutbox')}</Link>
            </p>
          </Notice>
        ) : null}
        <div className="form-grid">
          <TextField
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={form.fieldErrors.email}
            required
          />
          <Select
            label={t('fields.role')}
            name="role"
            value={role}
            onChange={(value) => setRole(value as Role)}
            error={form.fieldErrors.role}
            options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            hint={t('admin.invitations.roleHint')}
          />
          <LocaleSelect
            value={locale}
            onChange={setLocale}
            error={form.fieldErrors.locale}
            label={t('admin.invitations.language')}
          />
        </div>
        <TextField
          label={t('admin.invitations.message')}
          name="message"
          multiline
          rows={3}
          maxLength={1000}
          hint={t('admin.invitations.messageHint')}
          value={message}
          onChange={setMessage}
          error={form.fieldErrors.message}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('common.sending')}>
            {t('admin.invitations.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function InvitationList() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | ''>('');
  const invitations = useInvitations({ status: status || undefined });
  const action = useInvitationAction();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];

  function run(invitation: Invitation, kind: 'resend' | 'revoke') {
    setError(null);
    setNotice(null);
    action.mutate(
      { id: invitation.id, action: kind },
      {
        onSuccess: (updated) =>
          setNotice(
            kind === 'resend'
              ? t('admin.invitations.resent', { email: updated.email })
              : t('admin.invitations.revoked', { email: updated.email }),
          ),
        onError: (err) => setError(errorMessage(t, err)),
      },
    );
  }

  return (
    <section aria-labelledby="invitations-list-title" className="section">
      <div className="section-header">
        <h2 id="invitations-list-title">{t('admin.invitations.listTitle')}</h2>
        <Select
          label={t('admin.invitations.filterStatus')}
          name="status"
          compact
          value={status}
          onChange={(value) => setStatus(value as Status | '')}
          options={[
            { value: '', label: t('admin.invitations.allStatuses') },
            ...INVITATION_STATUSES.map((value) => ({ value, label: t(`invitationStatus.${value}`) })),
          ]}
        />
      </div>
      <FormError message={error} />
      {notice ? (
        <Notice>
          <p>{notice}</p>
        </Notice>
      ) : null}
      {invitations.isPending ? (
        <Loading />
      ) : invitations.isError && items.length === 0 ? (
        <FormError message={errorMessage(t, invitations.error)} />
      ) : items.length === 0 ? (
        <EmptyState level={3} title={t('admin.invitations.emptyTitle')}>
          <p>{t('admin.invitations.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption={t('admin.invitations.caption')}
            columns={[
              t('fields.email'),
              t('fields.role'),
              t('admin.invitations.status'),
              t('admin.invitations.invitedBy'),
              t('admin.invitations.sentAt'),
              t('admin.invitations.expiresAt'),
              t('common.actions'),
            ]}
          >
            {items.map((invitation) => {
              const busy = action.isPending && action.variables?.id === invitation.id;
              return (
                <tr key={invitation.id} data-testid="invitation-row">
                  <th scope="row">{invitation.email}</th>
                  <td>{t(`roles.${invitation.role}`)}</td>
                  <td>
                    <Badge tone={INVITATION_TONES[invitation.status]}>
                      {t(`invitationStatus.${invitation.status}`)}
                    </Badge>
                  </td>
                  <td>{invitation.invitedBy?.name ?? <span className="muted">—</span>}</td>
                  <td>{formatDateTime(invitation.createdAt, i18n.language)}</td>
                  <td>{formatDateTime(invitation.expiresAt, i18n.language)}</td>
                  <td>
                    {invitation.status === 'pending' ? (
                      <div className="row-actions">
                        <Button type="button" small disabled={busy} onClick={() => run(invitation, 'resend')}>
                          {t('admin.invitations.resend')}
                          <span className="sr-only"> {invitation.email}</span>
                        </Button>
                        <Button
                          type="button"
                          small
                          variant="danger"
                          disabled={busy}
                          onClick={() => run(invitation, 'revoke')}
                        >
                          {t('admin.invitations.revoke')}
                          <span className="sr-only"> {invitation.email}</span>
                        </Button>
                      </div>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
          <Pager
            hasMore={invitations.hasNextPage}
            loading={invitations.isFetchingNextPage}
            onLoadMore={() => void invitations.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}
