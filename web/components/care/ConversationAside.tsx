import type { CareConversationDetail } from '../../../common/schemas/care.ts';

interface ConversationAsideProps {
  conversation: CareConversationDetail;
  /** Puts a text in the reply box (in reply mode), for the agent to edit and send. */
  onUseDraft: (body: string) => void;
}

/**
 * The slot, beside a conversation (under it on a phone), for what the care insight part adds:
 * sentiment correction, asking an internal expert, feedback tags. Mount its panel here —
 * `return <ConversationInsightPanel conversationId={conversation.id} onUseDraft={onUseDraft} />;`
 * — and an expert's answer chosen as a draft lands in the reply box. Empty until then.
 */
export function ConversationAside({
  conversation: _conversation,
  onUseDraft: _onUseDraft,
}: ConversationAsideProps) {
  return null;
}
