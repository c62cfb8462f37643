import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareConversationDetail } from '../../../common/schemas/care.ts';

/**
 * The slot for more about a conversation — sentiment correction, escalation to an internal
 * expert, feedback tags for the product team (the care insight part). It renders what it is
 * given in a labelled region at the side of the conversation (under it on a phone), and
 * nothing when given nothing. Mount a panel here: `<ConversationAside conversation={c}>…`.
 */
export function ConversationAside({
  conversation: _conversation,
  children,
}: {
  conversation: CareConversationDetail;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!children) return null;
  return (
    <section
      className="care-aside-slot"
      aria-label={t('care.inbox.conversation.insight')}
      data-testid="conversation-aside"
    >
      {children}
    </section>
  );
}
