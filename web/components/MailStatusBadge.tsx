import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../common/schemas/admin.ts';
import { Badge, type BadgeTone } from './Badge.tsx';

const TONES: Record<OutboxMessage['status'], BadgeTone> = {
  queued: 'info',
  sent: 'success',
  failed: 'danger',
  outbox_only: 'warning',
};

export function MailStatusBadge({ status }: { status: OutboxMessage['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`mailStatus.${status}`)}</Badge>;
}
