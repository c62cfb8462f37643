import { useTranslation } from 'react-i18next';
import { Badge } from '../Badge.tsx';

/** What only the author sees on their own held post or comment: why others do not see it. */
export function HeldBadge({ held }: { held: 'hidden' | 'pending' | null }) {
  const { t } = useTranslation();
  if (!held) return null;
  return (
    <Badge tone={held === 'hidden' ? 'danger' : 'warning'}>
      {held === 'hidden' ? t('moderationUi.held.hidden') : t('moderationUi.held.pending')}
    </Badge>
  );
}
