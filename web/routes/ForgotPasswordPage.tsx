import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResetRequestBody } from '../../common/schemas/session.ts';
import { useRequestPasswordReset } from '../api/session.ts';
import { useSsoOptions } from '../api/sso.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useRequestPasswordReset();
  const form = useFormFeedback(['email']);
  const sso = useSsoOptions().data;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const body = form.validate(ResetRequestBody, { email });
    if (!body) return;
    request.mutate(body, {
      onSuccess: () => setSentTo(body.email),
      onError: (error) => form.showError(error),
    });
  }

  return (
    <div className="card auth-card">
      <h1>{t('forgot.title')}</h1>
      {sentTo ? (
        <>
          <Notice>
            <p>{t('forgot.sent')}</p>
          </Notice>
          <p className="form-links">
            <Link to="/sign-in">{t('common.backToSignIn')}</Link>
          </p>
        </>
      ) : (
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <p>{t('forgot.intro')}</p>
          {sso?.required ? (
            <Notice tone="info">
              <p>{t('sso.forgot.required', { label: sso.buttonLabel })}</p>
            </Notice>
          ) : null}
          <FormError ref={form.bannerRef} message={form.banner} />
          <TextField
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={form.fieldErrors.email}
            required
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={request.isPending} busyLabel={t('common.sending')}>
              {t('forgot.submit')}
            </Button>
            <Link to="/sign-in">{t('common.backToSignIn')}</Link>
          </div>
        </form>
      )}
    </div>
  );
}
