import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConversationInsight } from '../../../api/care-insight.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { FormError } from '../../FormError.tsx';
import { EscalateDialog } from './EscalateDialog.tsx';
import { EscalationList } from './EscalationList.tsx';
import { FeedbackTags } from './FeedbackTags.tsx';
import { SentimentBadge } from './SentimentBadge.tsx';

interface ConversationInsightPanelProps {
  conversationId: string;
  /** Called with an expert's answer when the agent chooses "Use as reply". */
  onUseDraft: (body: string) => void;
}

/**
 * Everything insight adds to a conversation, in one side panel: the latest customer message's
 * sentiment (correctable), asking inside the company, the answers as drafts, product feedback.
 */
export function ConversationInsightPanel({ conversationId, onUseDraft }: ConversationInsightPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const insight = useConversationInsight(conversationId);
  const data = insight.data;
  return (
    <aside aria-labelledby={`${id}-title`} className="care-insight-panel">
      <h2 id={`${id}-title`} className="sr-only">
        {t('care.insight.panel.title')}
      </h2>
      {insight.error ? <FormError message={errorMessage(t, insight.error)} /> : null}
      {data?.latestInbound ? (
        <p>
          <SentimentBadge
            key={data.latestInbound.id}
            messageId={data.latestInbound.id}
            sentiment={data.latestInbound.sentiment}
            edited={data.latestInbound.edited}
          />
        </p>
      ) : null}
      {data ? (
        <EscalateDialog
          conversationId={conversationId}
          defaultTitle={data.subject}
          defaultText={data.latestInbound?.body ?? ''}
        />
      ) : null}
      <EscalationList conversationId={conversationId} onUseDraft={onUseDraft} />
      <FeedbackTags conversationId={conversationId} />
    </aside>
  );
}
