import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareChannel } from '../../../../common/schemas/care-channels.ts';
import { useRotateCareSecret } from '../../../api/care-channels.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { Button } from '../../Button.tsx';
import { ConfirmDialog } from '../../ConfirmDialog.tsx';
import { Notice } from '../../Notice.tsx';
import { CopyField } from './CopyField.tsx';

/** A connector's webhook address and its signing secret: shown once (creation, rotation), then only replaced. */
export function ConnectorWebhook({ channel, secret }: { channel: CareChannel; secret: string | null }) {
  const { t } = useTranslation();
  const rotate = useRotateCareSecret(channel.id);
  const [confirming, setConfirming] = useState(false);
  const shown = rotate.data?.secret ?? secret;
  return (
    <section className="card" aria-labelledby="care-webhook-title">
      <h2 id="care-webhook-title">{t('care.channels.channel.webhookTitle')}</h2>
      {channel.webhookUrl ? (
        <CopyField label={t('care.channels.channel.webhookUrl')} value={channel.webhookUrl} />
      ) : null}
      {shown ? (
        <>
          <Notice tone="warning">{t('care.channels.channel.secretOnce')}</Notice>
          <CopyField label={t('care.channels.channel.secret')} value={shown} />
        </>
      ) : (
        <p>{t('care.channels.channel.secretHidden')}</p>
      )}
      <div className="form-actions">
        <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
          {t('care.channels.channel.rotate')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('care.channels.channel.rotateTitle')}
        confirmLabel={t('care.channels.channel.rotateConfirm')}
        danger
        busy={rotate.isPending}
        error={rotate.error ? errorMessage(t, rotate.error) : null}
        onConfirm={() => rotate.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('care.channels.channel.rotateBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
