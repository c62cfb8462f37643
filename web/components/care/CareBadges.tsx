// The small labels of the inbox: channel, SLA state, sentiment, status, priority. Each says
// its meaning in words; icons and colours only repeat it.
import { useTranslation } from 'react-i18next';
import type { CareChannelKind, CarePriority, CareSla, CareStatus } from '../../../common/schemas/care.ts';
import { Badge } from '../Badge.tsx';

const CHANNEL_ICONS: Record<CareChannelKind, string> = {
  email: '✉',
  widget: '⌂',
  feed: '★',
  connector: '⇄',
};

export function ChannelLabel({ kind, name }: { kind: CareChannelKind; name?: string }) {
  const { t } = useTranslation();
  const label = t(`care.inbox.channel.${kind}`);
  return (
    <span className="care-channel" title={name && name !== label ? name : undefined}>
      <span className="care-channel-icon" aria-hidden="true">
        {CHANNEL_ICONS[kind]}
      </span>{' '}
      {label}
    </span>
  );
}

export function SlaBadge({ sla }: { sla: CareSla }) {
  const { t } = useTranslation();
  if (sla.state === 'breached') {
    const which = sla.firstResponseBreachedAt
      ? t('care.inbox.sla.firstResponseBreached')
      : sla.resolutionBreachedAt
        ? t('care.inbox.sla.resolutionBreached')
        : t('care.inbox.sla.breached');
    return (
      <span data-testid="sla-badge">
        <Badge tone="danger">{which}</Badge>
      </span>
    );
  }
  if (sla.state === 'warning') {
    return (
      <span data-testid="sla-badge">
        <Badge tone="warning">{t('care.inbox.sla.dueSoon')}</Badge>
      </span>
    );
  }
  return null;
}

/** Sentiment scores run from -1 to 1; a third either side of neutral is worth a hint. */
export function sentimentKind(score: number): 'negative' | 'neutral' | 'positive' {
  if (score <= -0.33) return 'negative';
  if (score >= 0.33) return 'positive';
  return 'neutral';
}

export function SentimentHint({ score }: { score: number | null }) {
  const { t } = useTranslation();
  if (score === null) return null;
  const kind = sentimentKind(score);
  return (
    <span className={`care-sentiment care-sentiment-${kind}`}>
      <span className="sr-only">
        {t('care.inbox.sentiment.label')}
        {t('care.inbox.colon')}
      </span>
      <span aria-hidden="true">{kind === 'negative' ? '☹' : kind === 'positive' ? '☺' : '•'}</span>{' '}
      {t(`care.inbox.sentiment.${kind}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: CareStatus }) {
  const { t } = useTranslation();
  const tone = status === 'open' ? 'info' : status === 'pending' ? 'warning' : 'success';
  return <Badge tone={tone}>{t(`care.inbox.status.${status}`)}</Badge>;
}

/** Only the priorities that stand out get a label in lists. */
export function PriorityBadge({ priority, always = false }: { priority: CarePriority; always?: boolean }) {
  const { t } = useTranslation();
  if (!always && (priority === 'normal' || priority === 'low')) return null;
  return (
    <Badge tone={priority === 'urgent' ? 'danger' : priority === 'high' ? 'warning' : 'neutral'}>
      {t(`care.inbox.priority.${priority}`)}
    </Badge>
  );
}
