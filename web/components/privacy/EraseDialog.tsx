import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../common/schemas/people.ts';
import { useEraseUser, usePrivacySettings } from '../../api/privacy.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { TextField } from '../TextField.tsx';

/** Erasing a person for good: the administrator types the person's email address first. */
export function EraseDialog({
  user,
  onClose,
  onErased,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onErased: () => void;
}) {
  const { t } = useTranslation();
  const [confirmation, setConfirmation] = useState('');
  const erase = useEraseUser();
  const settings = usePrivacySettings();
  const close = () => {
    setConfirmation('');
    erase.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={user !== null}
      title={t('privacy.eraseTitle', { name: user?.name ?? '' })}
      confirmLabel={t('privacy.eraseConfirm')}
      busyLabel={t('common.working')}
      danger
      busy={erase.isPending}
      error={erase.error ? errorMessage(t, erase.error) : null}
      onCancel={close}
      onConfirm={() => {
        if (!user) return;
        erase.mutate(
          { id: user.id, confirmation },
          {
            onSuccess: () => {
              setConfirmation('');
              onErased();
            },
          },
        );
      }}
    >
      <p>{t('privacy.eraseText')}</p>
      <p>{settings.data?.erasureContent === 'delete' ? t('privacy.eraseDelete') : t('privacy.eraseKeep')}</p>
      <TextField
        label={t('privacy.eraseConfirmLabel')}
        name="confirmation"
        type="email"
        autoComplete="off"
        value={confirmation}
        onChange={setConfirmation}
      />
    </ConfirmDialog>
  );
}
