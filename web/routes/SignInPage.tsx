import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SignInBody } from '../../common/schemas/session.ts';
import { SSO_FAILURES } from '../../common/schemas/sso.ts';
import { isApiError } from '../api/client.ts';
import { useSignIn } from '../api/session.ts';
import { ssoStartUrl, useSsoOptions } from '../api/sso.ts';
import { safeNextPath } from '../app/next-path.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const form = useFormFeedback(['email', 'password']);
  const sso = useSsoOptions().data;
  const [params] = useSearchParams();
  const ssoError = ssoFailure(params.get('sso_error'));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const body = form.validate(SignInBody, { email, password });
    if (!body) return;
    // Success updates the session; the route then moves on to `next` or the home page.
    signIn.mutate(body, {
      onError: (error) => {
        if (isApiError(error, 'invalid_credentials')) form.showBanner(t('signIn.invalidCredentials'));
        else if (isApiError(error, 'sso_required'))
          form.showBanner(t('sso.signIn.required', { label: sso?.buttonLabel ?? 'SSO' }));
        else form.showError(error);
      },
    });
  }

  return (
    <div className="card auth-card">
      <h1>{t('signIn.title')}</h1>
      {ssoError && !form.banner ? <FormError message={t(`sso.failures.${ssoError}`)} /> : null}
      {sso?.enabled ? (
        <div className="sso-sign-in">
          <a className="button button-primary" href={ssoStartUrl(safeNextPath(params.get('next')))}>
            {t('sso.signIn.button', { label: sso.buttonLabel })}
          </a>
          <p className="field-hint">{sso.required ? t('sso.signIn.requiredHint') : t('sso.signIn.or')}</p>
        </div>
      ) : null}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        <TextField
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={form.fieldErrors.email}
          required
        />
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password}
          required
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={signIn.isPending} busyLabel={t('signIn.submitting')}>
            {t('signIn.submit')}
          </Button>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </div>
      </form>
    </div>
  );
}

type Failure = (typeof SSO_FAILURES)[number] | 'rate_limited';

function ssoFailure(value: string | null): Failure | null {
  if (value === 'rate_limited') return value;
  return SSO_FAILURES.find((f) => f === value) ?? null;
}
