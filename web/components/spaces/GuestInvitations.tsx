import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuestInviteBody } from '../../../common/schemas/external.ts';
import type { Space } from '../../../common/schemas/spaces.ts';
import { useGuestInvitations, useInviteGuest, useRevokeGuestInvitation } from '../../api/external.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { formatDate } from '../../i18n/format.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';

const FIELDS = ['email', 'locale', 'message'];

/**
 * An external space's guests by email: someone new gets an invitation mail, an existing
 * account an invitation to the space; pending mails are listed and can be revoked.
 */
export function GuestInvitations({ space }: { space: Space }) {
  const { t, i18n } = useTranslation();
  const list = useGuestInvitations(space.id, space.external);
  const invite = useInviteGuest(space.id);
  const revoke = useRevokeGuestInvitation(space.id);
  const form = useFormFeedback(FIELDS);
  const [draft, setDraft] = useState({
    email: '',
    locale: i18n.language === 'fr' ? 'fr' : 'en',
    message: '',
  });
  const [result, setResult] = useState<string | null>(null);
  if (!space.external || !list.data) return null;
  const items = list.data.items;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setResult(null);
    const body = form.validate(GuestInviteBody, draft);
    if (!body) return;
    invite.mutate(body, {
      onSuccess: ({ outcome }) => {
        setResult(t(`external.outcome.${outcome}`, { email: body.email }));
        setDraft((d) => ({ ...d, email: '', message: '' }));
      },
      onError: (error) => form.showError(error),
    });
  }

  return (
    <section className="card" aria-labelledby="guest-invite-title">
      <h2 id="guest-invite-title">{t('external.inviteTitle')}</h2>
      {list.data.canInvite ? (
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <p className="field-hint">{t('external.inviteText')}</p>
          <FormError ref={form.bannerRef} message={form.banner} />
          {result ? (
            <Notice>
              <p>{result}</p>
            </Notice>
          ) : null}
          <TextField
            label={t('external.email')}
            name="email"
            type="email"
            value={draft.email}
            onChange={(email) => setDraft({ ...draft, email })}
            error={form.fieldErrors.email}
            required
          />
          <Select
            label={t('external.language')}
            name="locale"
            value={draft.locale}
            onChange={(locale) => setDraft({ ...draft, locale })}
            error={form.fieldErrors.locale}
            options={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
          <TextField
            label={t('external.message')}
            name="message"
            multiline
            rows={2}
            value={draft.message}
            onChange={(message) => setDraft({ ...draft, message })}
            error={form.fieldErrors.message}
            maxLength={1000}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={invite.isPending} busyLabel={t('common.sending')}>
              {t('external.inviteSubmit')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="muted">{t('external.inviteNotAllowed')}</p>
      )}
      <h3>{t('external.pendingTitle')}</h3>
      {revoke.error ? <FormError message={errorMessage(t, revoke.error)} /> : null}
      {items.length === 0 ? (
        <p className="muted">{t('external.pendingEmpty')}</p>
      ) : (
        <ul className="plain-list">
          {items.map((i) => (
            <li key={i.id} className="guest-invitation">
              <span>
                {i.email}{' '}
                <span className="muted">
                  {t('external.pendingUntil', { date: formatDate(i.expiresAt, i18n.language) })}
                </span>
              </span>{' '}
              <Button
                type="button"
                small
                busy={revoke.isPending && revoke.variables === i.id}
                onClick={() => revoke.mutate(i.id)}
                aria-label={t('external.revokeLabel', { email: i.email })}
              >
                {t('external.revoke')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
