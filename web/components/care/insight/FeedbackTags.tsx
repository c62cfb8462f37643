import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConversationInsight, useSetProductFeedback } from '../../../api/care-insight.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { FormError } from '../../FormError.tsx';

/** A conversation's tags and the "for the product team" flag (the `product` tag). */
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
            {data.ideasAvailable ? null : ` ${t('care.insight.feedback.ideasLater')}`}
          </p>
          {set.error ? <FormError message={errorMessage(t, set.error)} /> : null}
        </>
      ) : null}
    </section>
  );
}
