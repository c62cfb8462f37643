import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonDetail, ProfileUpdateBody } from '../../../common/schemas/people.ts';
import type { LanguageCode } from '../../../common/skills.ts';
import { useUpdateMyProfile } from '../../api/people.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { TextField } from '../TextField.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';

const ABOUT_MAX = 2000;
const FIELDS = ['jobTitle', 'phone', 'languages', 'about'];

/** Settings: the profile fields a person fills in about themselves. */
export function ProfileDetailsForm({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateMyProfile();
  const form = useFormFeedback(FIELDS);
  const [jobTitle, setJobTitle] = useState(detail.person.jobTitle ?? '');
  const [phone, setPhone] = useState(detail.phone ?? '');
  const [languages, setLanguages] = useState<LanguageCode[]>(detail.languages);
  const [about, setAbout] = useState(detail.about ?? '');
  const [saved, setSaved] = useState(false);
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setSaved(false);
      set(value);
    };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setSaved(false);
    // Blank means "clear it": spaces alone would otherwise be refused as a too-short title.
    const body = form.validate(ProfileUpdateBody, {
      jobTitle: jobTitle.trim(),
      phone: phone.trim(),
      languages,
      about: about.trim(),
    });
    if (!body) return;
    update.mutate(body, {
      onSuccess: (next) => {
        setJobTitle(next.person.jobTitle ?? '');
        setPhone(next.phone ?? '');
        setLanguages(next.languages);
        setAbout(next.about ?? '');
        setSaved(true);
      },
      onError: (error) => form.showError(error),
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('profileEditor.detailsTitle')}</h2>
      <p className="muted">{t('profileEditor.detailsIntro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {saved ? (
          <Notice>
            <p>{t('profileEditor.detailsSaved')}</p>
          </Notice>
        ) : null}
        <div className="form-grid">
          <TextField
            label={t('profileEditor.jobTitle')}
            name="jobTitle"
            autoComplete="organization-title"
            value={jobTitle}
            onChange={change(setJobTitle)}
            error={form.fieldErrors.jobTitle}
            maxLength={100}
          />
          <TextField
            label={t('profileEditor.phone')}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            hint={t('profileEditor.phoneHint')}
            value={phone}
            onChange={change(setPhone)}
            error={form.fieldErrors.phone}
            maxLength={40}
          />
        </div>
        <LanguagePicker
          value={languages}
          onChange={change(setLanguages)}
          error={form.fieldErrors.languages}
        />
        <TextField
          label={t('profileEditor.about')}
          name="about"
          multiline
          rows={6}
          hint={`${t('profileEditor.aboutHint')} ${t('profileEditor.charactersLeft', {
            count: Math.max(0, ABOUT_MAX - about.length),
          })}`}
          value={about}
          onChange={change(setAbout)}
          error={form.fieldErrors.about}
          maxLength={ABOUT_MAX}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('common.saving')}>
            {t('profileEditor.saveDetails')}
          </Button>
        </div>
      </form>
    </section>
  );
}
