import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CareConversationDetail } from '../../../common/schemas/care.ts';
import { RelativeTime } from '../RelativeTime.tsx';
import { ChannelLabel, StatusBadge } from './CareBadges.tsx';

/** Who the customer is, on every channel they used, and their other conversations. */
export function CustomerPanel({ customer }: { customer: CareConversationDetail['customer'] }) {
  const { t } = useTranslation();
  return (
    <section className="card care-panel" aria-labelledby="care-customer-title">
      <h2 id="care-customer-title">{t('care.inbox.conversation.customer')}</h2>
      <p className="care-customer-name" data-testid="customer-name">
        {customer.name}
      </p>
      {customer.email ? (
        <p>
          <span className="muted">
            {t('care.inbox.conversation.email')}
            {t('care.inbox.colon')}
          </span>
          <span className="break">{customer.email}</span>
        </p>
      ) : null}
      {customer.identities.length > 0 ? (
        <>
          <h3>{t('care.inbox.conversation.identities')}</h3>
          <ul className="care-identities">
            {customer.identities.map((identity) => (
              <li key={`${identity.kind}:${identity.value}`}>
                <ChannelLabel kind={identity.kind} />
                {t('care.inbox.colon')}
                <span className="break">{identity.value}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {customer.otherConversations.length > 0 ? (
        <>
          <h3>{t('care.inbox.conversation.otherConversations')}</h3>
          <ul className="care-identities">
            {customer.otherConversations.map((other) => (
              <li key={other.id}>
                <Link to={`/care/conversations/${encodeURIComponent(other.id)}`}>
                  {other.subject || t('care.inbox.list.noSubject')}
                </Link>{' '}
                <StatusBadge status={other.status} /> <RelativeTime value={other.lastMessageAt} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
