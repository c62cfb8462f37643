import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEscalations } from '../../../api/care-insight.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { Badge } from '../../Badge.tsx';
import { Button } from '../../Button.tsx';
import { FormError } from '../../FormError.tsx';
import { RelativeTime } from '../../RelativeTime.tsx';
import { postPath } from '../../rich-text-links.ts';

interface EscalationListProps {
  conversationId: string;
  /** The agent takes an answer as the start of their reply (the host fills its reply box). */
  onUseDraft: (body: string) => void;
}

/** The questions asked inside the company for a conversation, and their answers as draft replies. */
export function EscalationList({ conversationId, onUseDraft }: EscalationListProps) {
  const { t } = useTranslation();
  const id = useId();
  const escalations = useEscalations(conversationId);
  const items = escalations.data?.items ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="care-escalations">
      <h3 id={`${id}-title`}>{t('care.insight.escalations.title')}</h3>
      {escalations.error ? <FormError message={errorMessage(t, escalations.error)} /> : null}
      {escalations.isSuccess && items.length === 0 ? (
        <p className="muted">{t('care.insight.escalations.empty')}</p>
      ) : null}
      <ul className="care-escalation-list">
        {items.map((e) => (
          <li key={e.id} className="card" data-testid="escalation">
            <p>
              <Badge tone={e.status === 'answered' ? 'success' : 'info'}>
                {t(`care.insight.escalations.status.${e.status}`)}
              </Badge>{' '}
              {e.space
                ? t('care.insight.escalations.inSpace', { space: e.space.name })
                : t('care.insight.escalations.hidden')}
              {e.expert ? ` · ${t('care.insight.escalations.toExpert', { name: e.expert.name })}` : null}
              {e.requestedBy ? ` · ${t('care.insight.escalations.by', { name: e.requestedBy.name })}` : null}
              {' · '}
              <RelativeTime value={e.createdAt} />
            </p>
            {e.postId ? (
              <Link to={postPath(e.postId)}>{t('care.insight.escalations.viewQuestion')}</Link>
            ) : null}
            {e.draftBody ? (
              <div className="care-draft">
                <p className="muted">
                  {t('care.insight.escalations.answeredBy', { name: e.answeredBy?.name ?? '' })}
                </p>
                <blockquote>{e.draftBody}</blockquote>
                <Button type="button" variant="primary" small onClick={() => onUseDraft(e.draftBody ?? '')}>
                  {t('care.insight.escalations.useDraft')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
