import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAnswerSpaceRequest, useSpaceRequests } from '../api/spaces.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { personPath } from '../components/rich-text-links.ts';
import { useSpaceOfPage } from '../components/spaces/space-context.ts';
import { errorMessage } from '../i18n/messages.ts';

/** Pending join requests (approve, decline) and invitations not yet answered (withdraw). */
export function SpaceRequestsTab() {
  const { t } = useTranslation();
  const space = useSpaceOfPage();
  const requests = useSpaceRequests(space.slug, true);
  const answer = useAnswerSpaceRequest(space.slug);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section aria-labelledby="requests-title" className="stream-single">
      <h2 id="requests-title">{t('requests.title')}</h2>
      {notice ? (
        <Notice>
          <p>{notice}</p>
        </Notice>
      ) : null}
      {answer.error ? <FormError message={errorMessage(t, answer.error)} /> : null}
      {requests.isPending ? (
        <Loading />
      ) : requests.isError ? (
        <FormError message={errorMessage(t, requests.error)} />
      ) : requests.data.items.length === 0 ? (
        <EmptyState title={t('requests.emptyTitle')} level={3}>
          <p>{t('requests.emptyText')}</p>
        </EmptyState>
      ) : (
        <ul className="member-list">
          {requests.data.items.map((request) => {
            const name = request.person.name;
            const act = (approve: boolean, done: string) => {
              setNotice(null);
              answer.mutate({ requestId: request.id, approve }, { onSuccess: () => setNotice(done) });
            };
            return (
              <li key={request.id} className="member" data-testid="request-row">
                <Avatar name={name} />
                <div className="member-main">
                  <p className="member-name">
                    <Link to={personPath(request.person.id)}>{name}</Link>
                  </p>
                  <p className="muted member-meta">
                    {request.kind === 'request'
                      ? t('requests.request')
                      : t('requests.invitation', { name: request.createdBy.name })}
                    {' · '}
                    <RelativeTime value={request.createdAt} />
                  </p>
                  {request.message ? (
                    <blockquote className="request-message">{request.message}</blockquote>
                  ) : null}
                </div>
                <div className="member-actions">
                  {request.kind === 'request' ? (
                    <>
                      <Button
                        type="button"
                        variant="primary"
                        small
                        disabled={answer.isPending}
                        onClick={() => act(true, t('requests.approved', { name }))}
                      >
                        {t('requests.approve')}
                      </Button>
                      <Button
                        type="button"
                        small
                        disabled={answer.isPending}
                        onClick={() => act(false, t('requests.declined', { name }))}
                      >
                        {t('requests.decline')}
                      </Button>
                    </>
                  ) : (
                    <Button
                      type="button"
                      small
                      disabled={answer.isPending}
                      onClick={() => act(false, t('requests.withdrawn', { name }))}
                    >
                      {t('requests.withdrawInvitation')}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
