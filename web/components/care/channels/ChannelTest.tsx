import { useTranslation } from 'react-i18next';
import { useTestCareChannel } from '../../../api/care-channels.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { Button } from '../../Button.tsx';
import { FormError } from '../../FormError.tsx';
import { Notice } from '../../Notice.tsx';

/** The settings page's test button and what the channel's driver answered. */
export function ChannelTest({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const test = useTestCareChannel(channelId);
  const result = test.data;
  return (
    <section className="card" aria-labelledby="care-test-title">
      <h2 id="care-test-title">{t('care.channels.channel.test')}</h2>
      {test.error ? <FormError message={errorMessage(t, test.error)} /> : null}
      {result ? (
        result.ok ? (
          <Notice>
            <p>{t('care.channels.channel.testOk')}</p>
            <p>{result.message}</p>
            <p className="muted">{t('care.channels.channel.testCode', { code: result.code })}</p>
          </Notice>
        ) : (
          <FormError message={t('care.channels.channel.testFailed')}>
            <p>{result.message}</p>
            <p>{t('care.channels.channel.testCode', { code: result.code })}</p>
          </FormError>
        )
      ) : null}
      <div className="form-actions">
        <Button
          type="button"
          busy={test.isPending}
          busyLabel={t('care.channels.channel.testing')}
          onClick={() => test.mutate()}
        >
          {t('care.channels.channel.test')}
        </Button>
      </div>
    </section>
  );
}
