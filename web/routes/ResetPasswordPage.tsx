import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LinkToken } from '../../common/schemas/primitives.ts';
import { ResetCompleteBody } from '../../common/schemas/session.ts';
import { isApiError } from '../api/client.ts';
import { useCompletePasswordReset } from '../api/session.ts';
import { readFragmentToken } from '../app/fragment-token.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { mismatchIssue } from '../forms/password-checks.ts';
import { useFormFeedback } from '../forms/use-form-feedback.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const location = useLocation();
  // Read once: the fragment may change later (a skip link, say) but the link's token does not.
  const [token] = useState(() => readFragmentToken(location.hash));
  const [tokenRejected, setTokenRejected] = useState(false);
  const [done, setDone] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const complete = useCompletePasswordReset();
  const form = useFormFeedback(['newPassword', 'confirmPassword']);

  const invalidLink = tokenRejected || token === null || !LinkToken.safeParse(token).success;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const body = form.validate(
      ResetCompleteBody,
      { token, newPassword },
      mismatchIssue('confirmPassword', newPassword, confirmPassword),
    );
    if (!body) return;
    complete.mutate(body, {
      onSuccess: () => setDone(true),
      onError: (error) => {
        if (isApiError(error, 'invalid_token')) setTokenRejected(true);
        else form.showError(error, { weak_password: 'newPassword' });
      },
    });
  }

  if (done) {
    return (
      <div className="card auth-card">
        <h1>{t('reset.title')}</h1>
        <Notice>
          <p>{t('reset.done')}</p>
        </Notice>
        <p className="form-links">
          <Link to="/sign-in">{t('reset.signIn')}</Link>
        </p>
      </div>
    );
  }

  if (invalidLink) {
    return (
      <div className="card auth-card">
        <h1>{t('reset.title')}</h1>
        <FormError message={t('reset.invalidLink')} />
        <p className="form-links">
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="card auth-card">
      <h1>{t('reset.title')}</h1>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        <TextField
          label={t('fields.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={t('fields.passwordHint')}
          value={newPassword}
          onChange={setNewPassword}
          error={form.fieldErrors.newPassword}
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
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={complete.isPending} busyLabel={t('common.saving')}>
            {t('reset.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
