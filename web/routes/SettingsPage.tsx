import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Locale } from '../../common/schemas/primitives.ts';
import { PasswordChangeBody, UpdateMeBody } from '../../common/schemas/session.ts';
import { useChangePassword, useSignOutEverywhere, useUpdateMe } from '../api/session.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { CalendarFeedSettings } from '../components/events/CalendarFeedSettings.tsx';
import { FormError } from '../components/FormError.tsx';
import { LocaleSelect } from '../components/LocaleSelect.tsx';
import { Notice } from '../components/Notice.tsx';
import { NotificationPreferences } from '../components/NotificationPreferences.tsx';
import { ProfileEditor } from '../components/people/ProfileEditor.tsx';
import { PersonalDataSettings } from '../components/privacy/PersonalDataSettings.tsx';
import { TextField } from '../components/TextField.tsx';
import { containsEmailIssue, mismatchIssue } from '../forms/password-checks.ts';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { storeLocale } from '../i18n/locale.ts';
import { errorMessage } from '../i18n/messages.ts';

export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <ProfileSection />
      <ProfileEditor />
      <NotificationPreferences />
      <CalendarFeedSettings />
      <PasswordSection />
      <SessionsSection />
      <PersonalDataSettings />
    </div>
  );
}

function ProfileSection() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [saved, setSaved] = useState(false);
  const updateMe = useUpdateMe();
  const form = useFormFeedback(['name', 'locale']);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setSaved(false);
    const body = form.validate(UpdateMeBody, { name, locale });
    if (!body) return;
    updateMe.mutate(body, {
      onSuccess: (me) => {
        // The session now carries the new language; the app switches to it.
        storeLocale(me.locale);
        setName(me.name);
        setSaved(true);
      },
      onError: (error) => form.showError(error),
    });
  }

  return (
    <section className="card" aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t('settings.profileTitle')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {saved ? (
          <Notice>
            <p>{t('settings.profileSaved')}</p>
          </Notice>
        ) : null}
        <TextField label={t('fields.email')} name="email" value={user.email} onChange={() => {}} readOnly />
        <TextField
          label={t('fields.name')}
          name="name"
          autoComplete="name"
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          required
        />
        <LocaleSelect value={locale} onChange={setLocale} error={form.fieldErrors.locale} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={updateMe.isPending} busyLabel={t('common.saving')}>
            {t('settings.saveProfile')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const changePassword = useChangePassword();
  const form = useFormFeedback(['currentPassword', 'newPassword', 'confirmPassword']);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setChanged(false);
    const body = form.validate(PasswordChangeBody, { currentPassword, newPassword }, [
      ...containsEmailIssue('newPassword', newPassword, user.email),
      ...mismatchIssue('confirmPassword', newPassword, confirmPassword),
    ]);
    if (!body) return;
    changePassword.mutate(body, {
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        setConfirmPassword('');
        setChanged(true);
      },
      onError: (error) =>
        form.showError(error, { wrong_password: 'currentPassword', weak_password: 'newPassword' }),
    });
  }

  return (
    <section className="card" aria-labelledby="settings-password">
      <h2 id="settings-password">{t('settings.passwordTitle')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {changed ? (
          <Notice>
            <p>{t('settings.passwordChanged')}</p>
          </Notice>
        ) : null}
        <TextField
          label={t('fields.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={form.fieldErrors.currentPassword}
          required
        />
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
          <Button
            type="submit"
            variant="primary"
            busy={changePassword.isPending}
            busyLabel={t('common.saving')}
          >
            {t('settings.changePassword')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const signOutEverywhere = useSignOutEverywhere();
  return (
    <section className="card" aria-labelledby="settings-sessions">
      <h2 id="settings-sessions">{t('settings.sessionsTitle')}</h2>
      <p>{t('settings.sessionsText')}</p>
      <div className="form-actions">
        <Button
          type="button"
          variant="danger"
          onClick={() => {
            signOutEverywhere.reset();
            setConfirming(true);
          }}
        >
          {t('profile.signOutEverywhere')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('profile.signOutEverywhereTitle')}
        confirmLabel={t('profile.signOutEverywhereConfirm')}
        busyLabel={t('profile.signingOut')}
        danger
        busy={signOutEverywhere.isPending}
        error={signOutEverywhere.error ? errorMessage(t, signOutEverywhere.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          signOutEverywhere.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              navigate('/sign-in', { replace: true });
            },
          })
        }
      >
        <p>{t('profile.signOutEverywhereText')}</p>
      </ConfirmDialog>
    </section>
  );
}
