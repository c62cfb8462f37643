import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareAlert } from '../../../../common/schemas/care-insight.ts';
import { useAcknowledgeAlert, useCareAlerts } from '../../../api/care-insight.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { Button } from '../../Button.tsx';
import { FormError } from '../../FormError.tsx';
import { Notice } from '../../Notice.tsx';
import { RelativeTime } from '../../RelativeTime.tsx';

/** The open negative-spike alerts, each acknowledged with one button; nothing when there are none. */
export function AlertsBanner() {
  const { t } = useTranslation();
  const alerts = useCareAlerts();
  const acknowledge = useAcknowledgeAlert();
  const [done, setDone] = useState(false);
  const items = alerts.data?.items ?? [];
  if (items.length === 0 && !done) return null;
  return (
    <section aria-labelledby="care-alerts-title" className="care-alerts">
      <h2 id="care-alerts-title" className="sr-only">
        {t('care.insight.alerts.title')}
      </h2>
      {done ? (
        <Notice>
          <p>{t('care.insight.alerts.acknowledged')}</p>
        </Notice>
      ) : null}
      {acknowledge.error ? <FormError message={errorMessage(t, acknowledge.error)} /> : null}
      {items.map((alert) => (
        <div key={alert.id} className="banner banner-warning" data-testid="care-alert">
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <div>
            <p>
              {describe(t, alert)} · <RelativeTime value={alert.createdAt} />
            </p>
            <Button
              type="button"
              small
              busy={acknowledge.isPending && acknowledge.variables === alert.id}
              onClick={() => acknowledge.mutate(alert.id, { onSuccess: () => setDone(true) })}
            >
              {t('care.insight.alerts.acknowledge')}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}

function describe(t: TFunction, alert: CareAlert): string {
  const baseline = alert.baselinePerHour.toLocaleString(undefined, { maximumFractionDigits: 1 });
  return alert.channel
    ? t('care.insight.alerts.spike_channel', {
        count: alert.messageCount,
        channel: alert.channel.name,
        baseline,
      })
    : t('care.insight.alerts.spike_tag', { count: alert.messageCount, tag: alert.tag ?? '', baseline });
}
