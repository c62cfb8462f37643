import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

interface PagerProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "Load more" under a list that pages with a cursor. */
export function Pager({ hasMore, loading, onLoadMore }: PagerProps) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="pager">
      <Button type="button" onClick={onLoadMore} busy={loading} busyLabel={t('common.loadingMore')}>
        {t('common.loadMore')}
      </Button>
    </div>
  );
}
