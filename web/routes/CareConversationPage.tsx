import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CareConversationDetail, CareViewer } from '../../common/schemas/care.ts';
import { useCareConversation } from '../api/care-inbox.ts';
import { isApiError } from '../api/client.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import {
  ChannelLabel,
  PriorityBadge,
  SentimentHint,
  SlaBadge,
  StatusBadge,
} from '../components/care/CareBadges.tsx';
import { ConversationDetails } from '../components/care/ConversationDetails.tsx';
import { CustomerPanel } from '../components/care/CustomerPanel.tsx';
import { ConversationInsightPanel } from '../components/care/insight/ConversationInsightPanel.tsx';
import { ReplyBox } from '../components/care/ReplyBox.tsx';
import { Timeline } from '../components/care/Timeline.tsx';
import { usePresence } from '../components/care/use-presence.ts';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { formatList } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import '../styles-care.css';

/** One conversation: its history, the reply box, the customer, and what an agent can change. */
export function CareConversationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useCareConversation(id);
  usePageTitle(detail.data?.subject || t('care.inbox.conversation.title'), t('care.inbox.title'));
  if (detail.isError && (isApiError(detail.error, 'not_found') || isApiError(detail.error, 'forbidden'))) {
    return <NotFoundPage />;
  }
  return (
    <div className="page care-conversation-page">
      <p>
        <Link to="/care">{t('care.inbox.conversation.back')}</Link>
      </p>
      {detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <FormError message={errorMessage(t, detail.error)} />
      ) : (
        // Keyed by id: another conversation starts with its own presence and reply box.
        <Conversation key={detail.data.id} conversation={detail.data} />
      )}
    </div>
  );
}

function Conversation({ conversation }: { conversation: CareConversationDetail }) {
  const { t } = useTranslation();
  const presence = usePresence(conversation.id, conversation.viewers);
  // A text offered from the side (an expert's answer): the reply box takes it.
  const [draft, setDraft] = useState<{ body: string; at: number } | null>(null);
  return (
    <>
      <header className="care-conversation-head">
        <h1>{conversation.subject || t('care.inbox.list.noSubject')}</h1>
        <p className="care-row-meta">
          <span>{conversation.customer.name}</span>
          <ChannelLabel kind={conversation.channel.kind} name={conversation.channel.name} />
          <StatusBadge status={conversation.status} />
          <PriorityBadge priority={conversation.priority} always />
          <SlaBadge sla={conversation.sla} />
          <SentimentHint score={conversation.sentiment} />
        </p>
        <SlaTimes conversation={conversation} />
      </header>
      <CollisionWarning viewers={presence.viewers} />
      <div className="care-conversation">
        <div className="care-conversation-main">
          <section aria-labelledby="care-history-title">
            <h2 id="care-history-title">{t('care.inbox.conversation.history')}</h2>
            <Timeline messages={conversation.messages} customerName={conversation.customer.name} />
          </section>
          <ReplyBox conversation={conversation} onComposing={presence.setComposing} draft={draft} />
        </div>
        <div className="care-conversation-side">
          <ConversationDetails conversation={conversation} />
          <CustomerPanel customer={conversation.customer} />
          <ConversationInsightPanel
            conversationId={conversation.id}
            onUseDraft={(body) => setDraft({ body, at: Date.now() })}
          />
        </div>
      </div>
    </>
  );
}

/** When the targets fall due (the badge above says when one was missed). */
function SlaTimes({ conversation }: { conversation: CareConversationDetail }) {
  const { t } = useTranslation();
  const { sla } = conversation;
  const rows: { label: string; at: string }[] = [];
  if (sla.firstResponseDueAt && !conversation.firstResponseAt)
    rows.push({ label: t('care.inbox.sla.firstResponseDue'), at: sla.firstResponseDueAt });
  if (sla.resolutionDueAt && conversation.status !== 'resolved')
    rows.push({ label: t('care.inbox.sla.resolutionDue'), at: sla.resolutionDueAt });
  if (rows.length === 0) return null;
  return (
    <p className="care-sla-times muted">
      {rows.map((row) => (
        <span key={row.label}>
          {row.label} <RelativeTime value={row.at} />
        </span>
      ))}
    </p>
  );
}

/** Another agent has this conversation open, or is writing to the customer: say who. */
function CollisionWarning({ viewers }: { viewers: CareViewer[] }) {
  const { t, i18n } = useTranslation();
  const writing = viewers.filter((v) => v.composing).map((v) => v.agent.name);
  const reading = viewers.filter((v) => !v.composing).map((v) => v.agent.name);
  return (
    <div role="status" className="care-collision-region">
      {viewers.length > 0 ? (
        <div className="banner banner-warning care-collision" data-testid="collision-warning">
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <div>
            {writing.length > 0 ? (
              <p>
                {t('care.inbox.conversation.collision.composing', {
                  names: formatList(writing, i18n.language),
                })}
              </p>
            ) : null}
            {reading.length > 0 ? (
              <p>
                {t('care.inbox.conversation.collision.viewing', {
                  names: formatList(reading, i18n.language),
                })}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
