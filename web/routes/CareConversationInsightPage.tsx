import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../app/use-page-title.ts';
import { ConversationInsightPanel } from '../components/care/insight/ConversationInsightPanel.tsx';
import { TextField } from '../components/TextField.tsx';

/**
 * A conversation's insight panel on its own page, with a reply box that "Use as reply" fills:
 * the host the panel needs until the conversation page mounts it beside its own reply box.
 */
export function CareConversationInsightPage() {
  const { t } = useTranslation();
  const { conversationId = '' } = useParams();
  const [reply, setReply] = useState('');
  usePageTitle(t('care.insight.panel.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('care.insight.panel.title')}</h1>
        <p>
          <Link to="/care/insight">{t('care.insight.page.title')}</Link>
        </p>
      </header>
      <ConversationInsightPanel conversationId={conversationId} onUseDraft={setReply} />
      <TextField
        label={t('care.insight.panel.reply')}
        name="reply"
        value={reply}
        onChange={setReply}
        multiline
        rows={6}
      />
    </div>
  );
}
