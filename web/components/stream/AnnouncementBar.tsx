import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Post } from '../../../common/schemas/stream.ts';
import { useAcknowledge, useAcknowledgements } from '../../api/posts.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { Dialog } from '../Dialog.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { personPath } from '../rich-text-links.ts';

/** An announcement: the reader acknowledges it; its author (and moderators) see who has. */
export function AnnouncementBar({
  post,
  isAuthor,
  canSeeWho,
}: {
  post: Post;
  isAuthor: boolean;
  canSeeWho: boolean;
}) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledge(post.id);
  const [open, setOpen] = useState(false);
  const ack = post.acknowledgement;
  return (
    <div className="announcement">
      <p className="announcement-title">
        <strong>{t('post.announcement')}</strong>
        {ack ? <span className="muted"> · {t('post.ackCount', { count: ack.count })}</span> : null}
      </p>
      {isAuthor ? null : ack?.acknowledged ? (
        <p className="announcement-done">
          <span aria-hidden="true">✓ </span>
          {t('post.acknowledged')}
        </p>
      ) : (
        <div className="announcement-ask">
          <p>{t('post.ackPrompt')}</p>
          <Button
            type="button"
            variant="primary"
            small
            busy={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
          >
            {t('post.acknowledge')}
          </Button>
        </div>
      )}
      {acknowledge.error ? <FormError message={errorMessage(t, acknowledge.error)} /> : null}
      {canSeeWho ? (
        <Button type="button" variant="quiet" small onClick={() => setOpen(true)}>
          {t('post.seeAcknowledgements')}
        </Button>
      ) : null}
      <Dialog open={open} title={t('post.ackTitle')} onClose={() => setOpen(false)}>
        <AcknowledgementLists postId={post.id} />
      </Dialog>
    </div>
  );
}

function AcknowledgementLists({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const list = useAcknowledgements(postId, true);
  if (list.isPending) return <Loading />;
  if (list.isError) return <FormError message={errorMessage(t, list.error)} />;
  const { acknowledged, pending } = list.data;
  return (
    <div className="ack-lists">
      <section aria-labelledby={`${postId}-ack-done`}>
        <h3 id={`${postId}-ack-done`}>{t('post.ackDone', { count: acknowledged.length })}</h3>
        {acknowledged.length === 0 ? (
          <p className="muted">{t('post.ackNobody')}</p>
        ) : (
          <ul className="plain-list">
            {acknowledged.map((p) => (
              <li key={p.id}>
                <Link to={personPath(p.id)}>{p.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${postId}-ack-pending`}>
        <h3 id={`${postId}-ack-pending`}>{t('post.ackPending', { count: pending.length })}</h3>
        {pending.length === 0 ? (
          <p className="muted">{t('post.ackEveryone')}</p>
        ) : (
          <ul className="plain-list">
            {pending.map((p) => (
              <li key={p.id}>
                <Link to={personPath(p.id)}>{p.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
