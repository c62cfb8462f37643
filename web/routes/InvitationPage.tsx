import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { InvitationAcceptBody, type InvitationPreview } from '../../common/schemas/invitations.ts';
import { LinkToken, type Locale } from '../../common/schemas/primitives.ts';
import { isApiError } from '../api/client.ts';
import { useInvitationPreview } from '../api/invitations.ts';
import { useAcceptInvitation, useSession, useSignOut } from '../api/session.ts';
import { readFragmentToken } from '../app/fragment-token.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { LocaleSelect } from '../components/LocaleSelect.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { containsEmailIssue, mismatchIssue } from '../forms/password-checks.ts';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const location = useLocation();
  const { data: session } = useSession();
  const [token] = useState(() => readFragmentToken(location.hash));
  // Decided when the page opens: accepting signs the newcomer in, and that must not turn
  // this page into the "sign out first" notice.
  const [signedInAtOpen, setSignedInAtOpen] = useState(() => Boolean(session?.user));
  const validToken = token !== null && LinkToken.safeParse(token).success;
  const preview = useInvitationPreview(validToken && !signedInAtOpen ? token : null);
  const signOut = useSignOut();
  const [rejected, setRejected] = useState(false);

  if (signedInAtOpen) {
    return (
      <div className="card auth-card">
        <h1>{t('invitation.title')}</h1>
        <Notice tone="info">
          <p>{t('invitation.signedIn', { name: session?.user?.name ?? '' })}</p>
        </Notice>
        {signOut.error ? <FormError message={errorMessage(t, signOut.error)} /> : null}
        <div className="form-actions">
          <Button
            type="button"
            variant="primary"
            busy={signOut.isPending}
            busyLabel={t('profile.signingOut')}
            onClick={() => signOut.mutate(undefined, { onSuccess: () => setSignedInAtOpen(false) })}
          >
            {t('profile.signOut')}
          </Button>
        </div>
      </div>
    );
  }

  if (!validToken || rejected || isApiError(preview.error, 'invalid_token')) {
    return (
      <div className="card auth-card">
        <h1>{t('invitation.title')}</h1>
        <FormError message={t('invitation.invalidLink')} />
        <p>{t('invitation.askAdmin')}</p>
      </div>
    );
  }

  if (preview.isPending) {
    return (
      <div className="card auth-card">
        <h1>{t('invitation.title')}</h1>
        <Loading />
      </div>
    );
  }

  if (preview.isError) {
    return (
      <div className="card auth-card">
        <h1>{t('invitation.title')}</h1>
        <FormError message={errorMessage(t, preview.error)} />
        <div className="form-actions">
          <Button type="button" onClick={() => void preview.refetch()} busy={preview.isFetching}>
            {t('common.retry')}
          </Button>
        </div>
      </div>
    );
  }

  return <AcceptForm token={token} preview={preview.data} onRejected={() => setRejected(true)} />;
}

function AcceptForm({
  token,
  preview,
  onRejected,
}: {
  token: string;
  preview: InvitationPreview;
  onRejected: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [locale, setLocale] = useState<Locale>(preview.locale);
  const accept = useAcceptInvitation();
  const form = useFormFeedback(['name', 'password', 'confirmPassword', 'locale']);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const body = form.validate(InvitationAcceptBody, { token, name, password, locale }, [
      ...containsEmailIssue('password', password, preview.email),
      ...mismatchIssue('confirmPassword', password, confirmPassword),
    ]);
    if (!body) return;
    accept.mutate(body, {
      onSuccess: () => navigate('/', { replace: true }),
      onError: (error) => {
        if (isApiError(error, 'invalid_token')) onRejected();
        else form.showError(error, { weak_password: 'password' });
      },
    });
  }

  return (
    <div className="card auth-card auth-card-wide">
      <h1>{t('invitation.heading', { organisation: preview.organisationName })}</h1>
      <p>
        {t('invitation.invitedBy', { inviter: preview.inviterName, organisation: preview.organisationName })}
      </p>
      {preview.message ? (
        <figure className="quote">
          <blockquote>
            <p>{preview.message}</p>
          </blockquote>
          <figcaption>{preview.inviterName}</figcaption>
        </figure>
      ) : null}
      <p className="muted">
        {t('invitation.expires', { date: formatDateTime(preview.expiresAt, i18n.language) })}
      </p>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        <TextField
          label={t('fields.email')}
          name="email"
          type="email"
          value={preview.email}
          onChange={() => {}}
          readOnly
          hint={t('invitation.emailHint')}
        />
        <TextField
          label={t('fields.yourName')}
          name="name"
          autoComplete="name"
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          required
        />
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t('fields.passwordHint')}
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password}
          required
        />
        <TextField
          label={t('fields.confirmPassword')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          value={confirmPassword}
          onChange={setConfirmPassword}
          error={form.fieldErrors.confirmPassword}
          required
        />
        <LocaleSelect value={locale} onChange={setLocale} error={form.fieldErrors.locale} />
        <div className="form-actions">
          <Button
            type="submit"
            variant="primary"
            busy={accept.isPending}
            busyLabel={t('invitation.submitting')}
          >
            {t('invitation.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
