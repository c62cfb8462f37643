import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PendingItem } from '../../common/schemas/moderation.ts';
import { useDecidePending, usePending } from '../api/moderation.ts';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { personPath, spacePath } from '../components/rich-text-links.ts';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** Guests' posts and comments held for approval (or held by a content rule): approve or reject. */
export function ModerationPendingTab() {
  const { t } = useTranslation();
  const pending = usePending();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title" className="sr-only">
        {t('moderationUi.tabs.pending')}
      </h2>
      {notice ? (
        <Notice>
          <p>{notice}</p>
        </Notice>
      ) : null}
      {pending.isPending ? (
        <Loading />
      ) : pending.isError ? (
        <FormError message={errorMessage(t, pending.error)} />
      ) : pending.data.items.length === 0 ? (
        <EmptyState title={t('moderationUi.pending.emptyTitle')} level={3}>
          <p>{t('moderationUi.pending.emptyText')}</p>
        </EmptyState>
      ) : (
        <ul className="moderation-list">
          {pending.data.items.map((item) => (
            <PendingRow key={item.id} item={item} onDone={setNotice} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PendingRow({ item, onDone }: { item: PendingItem; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const decide = useDecidePending();
  const [note, setNote] = useState('');
  const act = (decision: 'approve' | 'reject') =>
    decide.mutate(
      { id: item.id, decision, note },
      { onSuccess: () => onDone(t(`moderationUi.pending.done.${decision}`, { name: item.author.name })) },
    );
  return (
    <li className="card moderation-item" data-testid="pending-row">
      <p className="moderation-item-title">
        {t(`moderationUi.pending.kind.${item.kind}`)}{' '}
        <Link to={personPath(item.author.id)}>{item.author.name}</Link>
        {' · '}
        <Link to={spacePath(item.space.slug)}>{item.space.name}</Link>
        {' · '}
        <RelativeTime value={item.createdAt} />
      </p>
      <p className="moderation-excerpt">{item.body}</p>
      <TextField
        label={t('moderationUi.note')}
        hint={t('moderationUi.noteHint')}
        name={`note-${item.id}`}
        value={note}
        onChange={setNote}
        maxLength={2000}
      />
      {decide.error ? <FormError message={errorMessage(t, decide.error)} /> : null}
      <div className="form-actions">
        <Button
          type="button"
          variant="primary"
          small
          busy={decide.isPending}
          busyLabel={t('common.working')}
          onClick={() => act('approve')}
        >
          {t('moderationUi.pending.approve')}
        </Button>
        <Button
          type="button"
          variant="danger"
          small
          disabled={decide.isPending}
          onClick={() => act('reject')}
        >
          {t('moderationUi.pending.reject')}
        </Button>
      </div>
    </li>
  );
}
