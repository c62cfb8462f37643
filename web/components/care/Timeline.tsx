import { useTranslation } from 'react-i18next';
import type { CareMessage } from '../../../common/schemas/care.ts';
import { Badge, type BadgeTone } from '../Badge.tsx';
import { RelativeTime } from '../RelativeTime.tsx';
import { SentimentHint } from './CareBadges.tsx';

const DELIVERY_TONES: Record<NonNullable<CareMessage['delivery']>['status'], BadgeTone> = {
  pending: 'info',
  sent: 'success',
  failed: 'danger',
  not_applicable: 'neutral',
};

/**
 * The whole conversation, oldest first: what the customer wrote, the replies with how they
 * went out, and the internal notes — framed apart and labelled, so nobody takes one for a
 * message the customer read. Bodies are plain text, their line breaks kept.
 */
export function Timeline({ messages, customerName }: { messages: CareMessage[]; customerName: string }) {
  const { t } = useTranslation();
  return (
    <ol className="care-timeline">
      {messages.map((message) => {
        const author = message.author?.name ?? t('care.inbox.conversation.someone');
        const heading =
          message.kind === 'inbound'
            ? t('care.inbox.conversation.customerWrote', { name: customerName })
            : message.kind === 'outbound'
              ? t('care.inbox.conversation.agentReplied', { name: author })
              : t('care.inbox.conversation.noteBy', { name: author });
        return (
          <li
            key={message.id}
            className={`care-message care-message-${message.kind}`}
            data-testid={`message-${message.kind}`}
          >
            <article aria-label={heading}>
              <header className="care-message-head">
                <strong>{heading}</strong>
                <RelativeTime value={message.createdAt} />
                {message.kind === 'note' ? (
                  <span className="care-note-flag">
                    <Badge tone="warning">{t('care.inbox.conversation.note')}</Badge>{' '}
                    <span className="muted">{t('care.inbox.conversation.notVisible')}</span>
                  </span>
                ) : null}
                {message.kind === 'inbound' ? <SentimentHint score={message.sentiment} /> : null}
                {message.delivery ? (
                  <span data-testid="delivery-status">
                    <span className="sr-only">
                      {t('care.inbox.conversation.delivery.label')}
                      {t('care.inbox.colon')}
                    </span>
                    <Badge tone={DELIVERY_TONES[message.delivery.status]}>
                      {t(`care.inbox.conversation.delivery.${message.delivery.status}`)}
                    </Badge>
                  </span>
                ) : null}
              </header>
              <p className="care-message-body">{message.body}</p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
