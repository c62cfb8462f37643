import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../common/schemas/primitives.ts';
import { SetupBody } from '../../common/schemas/session.ts';
import { isApiError } from '../api/client.ts';
import { SESSION_KEY } from '../api/query-client.ts';
import { useSetup } from '../api/session.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { LocaleSelect } from '../components/LocaleSelect.tsx';
import { TextField } from '../components/TextField.tsx';
import { containsEmailIssue } from '../forms/password-checks.ts';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { isLocale } from '../i18n/locale.ts';

const FIELDS = ['organisationName', 'name', 'email', 'password', 'locale', 'setupToken'] as const;

export function SetupPage({ setupTokenRequired }: { setupTokenRequired: boolean }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('setup.title'));
  const queryClient = useQueryClient();
  const [organisationName, setOrganisationName] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Locale>(isLocale(i18n.language) ? i18n.language : 'en');
  const [setupToken, setSetupToken] = useState('');
  const setup = useSetup();
  const form = useFormFeedback(FIELDS);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const body = form.validate(
      SetupBody,
      {
        organisationName,
        name,
        email,
        password,
        locale,
        setupToken: setupTokenRequired ? setupToken : undefined,
      },
      [
        ...containsEmailIssue('password', password, email),
        ...(setupTokenRequired && !setupToken.trim()
          ? [{ field: 'setupToken', reason: 'required', message: '' }]
          : []),
      ],
    );
    if (!body) return;
    // Success refreshes the session: the route then leaves for the home page.
    setup.mutate(body, {
      onError: (error) => {
        if (isApiError(error, 'already_set_up'))
          void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
        form.showError(error, {
          invalid_setup_token: 'setupToken',
          weak_password: 'password',
          email_taken: 'email',
        });
      },
    });
  }

  return (
    <div className="card auth-card auth-card-wide">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        <fieldset>
          <legend>{t('setup.organisationSection')}</legend>
          <TextField
            label={t('fields.organisationName')}
            name="organisationName"
            autoComplete="organization"
            value={organisationName}
            onChange={setOrganisationName}
            error={form.fieldErrors.organisationName}
            required
          />
        </fieldset>
        <fieldset>
          <legend>{t('setup.adminSection')}</legend>
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
          <LocaleSelect value={locale} onChange={setLocale} error={form.fieldErrors.locale} />
        </fieldset>
        {setupTokenRequired ? (
          <TextField
            label={t('fields.setupToken')}
            name="setupToken"
            autoComplete="off"
            spellCheck={false}
            hint={t('setup.setupTokenHint')}
            value={setupToken}
            onChange={setSetupToken}
            error={form.fieldErrors.setupToken}
            required
          />
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={setup.isPending} busyLabel={t('setup.submitting')}>
            {t('setup.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
