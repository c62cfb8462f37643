import type { CareConversationDetail } from '../../../common/schemas/care.ts';
import { ConversationInsightPanel } from './insight/ConversationInsightPanel.tsx';

interface ConversationAsideProps {
  conversation: CareConversationDetail;
  /** Puts a text in the reply box (in reply mode), for the agent to edit and send. */
  onUseDraft: (body: string) => void;
}

/**
 * Beside a conversation (under it on a phone): the care insight panel — sentiment
 * correction, asking an internal space or expert, product feedback. An expert's answer
 * chosen as a draft lands in the reply box.
 */
export function ConversationAside({ conversation, onUseDraft }: ConversationAsideProps) {
  return <ConversationInsightPanel conversationId={conversation.id} onUseDraft={onUseDraft} />;
}
