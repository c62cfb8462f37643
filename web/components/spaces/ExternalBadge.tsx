import { useTranslation } from 'react-i18next';
import { Badge } from '../Badge.tsx';

/**
 * "External": people outside the company (customers, partners) are in this space. Shown on
 * the space and on everything from it, wherever it appears, so nobody writes there unaware.
 */
export function ExternalBadge({ external }: { external: boolean }) {
  const { t } = useTranslation();
  if (!external) return null;
  return (
    <>
      {' '}
      <span title={t('external.badgeHint')}>
        <Badge tone="warning">{t('external.badge')}</Badge>
      </span>
    </>
  );
}
