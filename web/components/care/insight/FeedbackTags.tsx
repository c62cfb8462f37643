import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConversationInsight, useSetProductFeedback } from '../../../api/care-insight.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { FormError } from '../../FormError.tsx';
import { IdeaDialog } from './IdeaDialog.tsx';

/** A conversation's tags, the "for the product team" flag (the `product` tag), and the ideas made from it. */
export function FeedbackTags({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const feedback = useConversationInsight(conversationId);
  const set = useSetProductFeedback(conversationId);
  const data = feedback.data;
  return (
    <section aria-labelledby={`${id}-title`} className="care-feedback">
      <h3 id={`${id}-title`}>{t('care.insight.feedback.title')}</h3>
      {feedback.error ? <FormError message={errorMessage(t, feedback.error)} /> : null}
      {data ? (
        <>
          <p>
            <span className="muted">{t('care.insight.feedback.tags')}: </span>
            {data.tags.length === 0 ? (
              <span className="muted">{t('care.insight.feedback.noTags')}</span>
            ) : (
              data.tags.map((tag) => (
                <span key={tag} className="badge badge-info">
                  {tag}
                </span>
              ))
            )}
          </p>
          <div className="check-field">
            <input
              id={`${id}-flag`}
              type="checkbox"
              checked={data.flagged}
              disabled={set.isPending}
              aria-describedby={`${id}-hint`}
              onChange={(event) => set.mutate(event.target.checked)}
            />
            <label htmlFor={`${id}-flag`}>{t('care.insight.feedback.flag')}</label>
          </div>
          <p id={`${id}-hint`} className="field-hint">
            {t('care.insight.feedback.flagHint')}
          </p>
          {set.error ? <FormError message={errorMessage(t, set.error)} /> : null}
          {data.ideas.length > 0 ? (
            <ul className="care-ideas" aria-label={t('care.insight.idea.list')}>
              {data.ideas.map((idea) => (
                <li key={idea.id}>
                  <Link to={`/ideas/idea/${encodeURIComponent(idea.id)}`}>{idea.title}</Link>{' '}
                  <span className="badge badge-info">{t(`ideas.status.${idea.status}`)}</span>{' '}
                  <span className="muted">{idea.campaign.title}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {data.ideasAvailable ? (
            <IdeaDialog
              conversationId={conversationId}
              defaultTitle={data.subject}
              defaultDescription={data.latestInbound?.body ?? ''}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
