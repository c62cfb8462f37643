import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SsoSettings, SsoSettingsBody, type SsoTestResult } from '../../common/schemas/sso.ts';
import { useSsoSettings, useTestSsoConnection, useUpdateSsoSettings } from '../api/sso.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

/** Admin → Single sign-on: the provider, the rules, and a connection test. */
export function AdminSsoPage() {
  const { t } = useTranslation();
  usePageTitle(t('sso.admin.title'), t('admin.title'));
  const settings = useSsoSettings();
  return (
    <>
      <h1>{t('sso.admin.title')}</h1>
      <p>{t('sso.admin.intro')}</p>
      {settings.data ? (
        <>
          <SettingsForm settings={settings.data} />
          <ConnectionTest settings={settings.data} />
        </>
      ) : settings.error ? (
        <FormError message={errorMessage(t, settings.error)} />
      ) : (
        <Loading />
      )}
    </>
  );
}

function Check(props: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

function SettingsForm({ settings }: { settings: SsoSettings }) {
  const { t } = useTranslation();
  const [issuer, setIssuer] = useState(settings.issuer);
  const [clientId, setClientId] = useState(settings.clientId);
  const [clientSecret, setClientSecret] = useState('');
  const [buttonLabel, setButtonLabel] = useState(settings.buttonLabel);
  const [allowCreate, setAllowCreate] = useState(settings.allowCreate);
  const [required, setRequired] = useState(settings.required);
  const [saved, setSaved] = useState(false);
  const update = useUpdateSsoSettings();
  const form = useFormFeedback(['issuer', 'clientId', 'clientSecret', 'buttonLabel']);
  useEffect(() => setRequired(settings.required), [settings.required]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setSaved(false);
    const body = form.validate(SsoSettingsBody, {
      issuer,
      clientId,
      clientSecret: clientSecret || undefined,
      buttonLabel,
      allowCreate,
      required,
    });
    if (!body) return;
    update.mutate(body, {
      onSuccess: () => {
        setSaved(true);
        setClientSecret('');
      },
      onError: (error) => form.showError(error),
    });
  }

  return (
    <section className="card" aria-labelledby="sso-settings-title">
      <h2 id="sso-settings-title">{t('sso.admin.title')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {saved ? <Notice>{t('sso.admin.saved')}</Notice> : null}
        {settings.breakGlass ? <Notice tone="warning">{t('sso.admin.breakGlass')}</Notice> : null}
        <TextField
          label={t('sso.admin.redirectUri')}
          name="redirectUri"
          value={settings.redirectUri}
          onChange={() => {}}
          readOnly
        />
        <TextField
          label={t('sso.admin.issuer')}
          name="issuer"
          type="url"
          spellCheck={false}
          value={issuer}
          onChange={setIssuer}
          hint={t('sso.admin.issuerHint')}
          error={form.fieldErrors.issuer}
        />
        <TextField
          label={t('sso.admin.clientId')}
          name="clientId"
          spellCheck={false}
          autoComplete="off"
          value={clientId}
          onChange={setClientId}
          error={form.fieldErrors.clientId}
        />
        <TextField
          label={t('sso.admin.clientSecret')}
          name="clientSecret"
          type="password"
          autoComplete="new-password"
          value={clientSecret}
          onChange={setClientSecret}
          hint={settings.clientSecretSet ? t('sso.admin.clientSecretSet') : t('sso.admin.clientSecretUnset')}
          error={form.fieldErrors.clientSecret}
        />
        <TextField
          label={t('sso.admin.buttonLabel')}
          name="buttonLabel"
          value={buttonLabel}
          onChange={setButtonLabel}
          hint={t('sso.admin.buttonLabelHint')}
          error={form.fieldErrors.buttonLabel}
        />
        <Check label={t('sso.admin.allowCreate')} checked={allowCreate} onChange={setAllowCreate} />
        <Check
          label={t('sso.admin.required')}
          checked={required}
          onChange={setRequired}
          hint={t('sso.admin.requiredHint')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('sso.admin.saving')}>
            {t('sso.admin.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ConnectionTest({ settings }: { settings: SsoSettings }) {
  const { t, i18n } = useTranslation();
  const test = useTestSsoConnection();
  const result = test.data;
  return (
    <section className="card" aria-labelledby="sso-test-title">
      <h2 id="sso-test-title">{t('sso.admin.test')}</h2>
      <p>
        {settings.tested && settings.testedAt
          ? t('sso.admin.tested', { when: formatDateTime(settings.testedAt, i18n.language) })
          : t('sso.admin.notTested')}
      </p>
      {test.error ? <FormError message={errorMessage(t, test.error)} /> : null}
      {result ? <TestResult result={result} /> : null}
      <div className="form-actions">
        <Button
          type="button"
          busy={test.isPending}
          busyLabel={t('sso.admin.testing')}
          onClick={() => test.mutate()}
        >
          {t('sso.admin.test')}
        </Button>
      </div>
    </section>
  );
}

function TestResult({ result }: { result: SsoTestResult }) {
  const { t } = useTranslation();
  const facts: [string, string | null][] = [
    [t('sso.admin.found.issuer'), result.issuer],
    [t('sso.admin.found.authorization'), result.authorizationEndpoint],
    [t('sso.admin.found.token'), result.tokenEndpoint],
    [t('sso.admin.found.jwks'), result.jwksUri],
    [t('sso.admin.found.keys'), result.issuer ? String(result.keyCount) : null],
    [t('sso.admin.found.algorithms'), result.algorithms.join(', ') || null],
  ];
  return (
    <>
      {result.ok ? (
        <Notice>{t('sso.admin.testOk')}</Notice>
      ) : (
        <FormError message={t('sso.admin.testFailed')}>
          {result.problem ? <p>{t(`sso.admin.problems.${result.problem}`)}</p> : null}
          {result.detail ? <p className="field-hint">{result.detail}</p> : null}
        </FormError>
      )}
      <dl className="facts">
        {facts
          .filter((fact): fact is [string, string] => fact[1] !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </>
  );
}
