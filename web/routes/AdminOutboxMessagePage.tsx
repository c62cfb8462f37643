import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOutboxMessage } from '../api/admin.ts';
import { isApiError } from '../api/client.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { FormError } from '../components/FormError.tsx';
import { Linkified } from '../components/Linkified.tsx';
import { Loading } from '../components/Loading.tsx';
import { MailStatusBadge } from '../components/MailStatusBadge.tsx';
import { Notice } from '../components/Notice.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage, translateDynamic } from '../i18n/messages.ts';

export function AdminOutboxMessagePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const message = useOutboxMessage(id);
  usePageTitle(message.data?.subject ?? t('admin.outbox.messageTitle'), t('admin.outbox.title'));

  const back = (
    <p className="back-link">
      <Link to="/admin/outbox">{t('admin.outbox.back')}</Link>
    </p>
  );

  if (message.isPending) {
    return (
      <>
        {back}
        <h1>{t('admin.outbox.messageTitle')}</h1>
        <Loading />
      </>
    );
  }
  if (message.isError) {
    return (
      <>
        {back}
        <h1>{t('admin.outbox.messageTitle')}</h1>
        <FormError
          message={
            isApiError(message.error, 'not_found') || isApiError(message.error, 'validation_failed')
              ? t('admin.outbox.notFound')
              : errorMessage(t, message.error)
          }
        />
      </>
    );
  }

  const m = message.data;
  return (
    <>
      {back}
      <article className="card message" aria-labelledby="message-subject">
        <h1 id="message-subject" className="message-subject">
          {m.subject}
        </h1>
        <dl className="facts">
          <div>
            <dt>{t('admin.outbox.to')}</dt>
            <dd>{m.to}</dd>
          </div>
          <div>
            <dt>{t('admin.outbox.kind')}</dt>
            <dd>{translateDynamic(t, `mailKinds.${m.kind}`, m.kind)}</dd>
          </div>
          <div>
            <dt>{t('admin.outbox.status')}</dt>
            <dd>
              <MailStatusBadge status={m.status} />
            </dd>
          </div>
          <div>
            <dt>{t('admin.outbox.createdAt')}</dt>
            <dd>{formatDateTime(m.createdAt, i18n.language)}</dd>
          </div>
          {m.sentAt ? (
            <div>
              <dt>{t('admin.outbox.sentAt')}</dt>
              <dd>{formatDateTime(m.sentAt, i18n.language)}</dd>
            </div>
          ) : null}
          {m.attempts > 0 ? (
            <div>
              <dt>{t('admin.outbox.attempts')}</dt>
              <dd>{m.attempts}</dd>
            </div>
          ) : null}
          {m.lastError ? (
            <div>
              <dt>{t('admin.outbox.lastError')}</dt>
              <dd className="break">{m.lastError}</dd>
            </div>
          ) : null}
        </dl>
        {m.text === null ? (
          <Notice tone="info">
            <p>{t('admin.outbox.textGone')}</p>
          </Notice>
        ) : (
          <>
            {m.sensitive ? (
              <Notice tone="warning">
                <p>{t('admin.outbox.sensitive')}</p>
              </Notice>
            ) : null}
            <h2 className="sr-only">{t('admin.outbox.body')}</h2>
            <pre className="message-text" data-testid="outbox-message-text">
              <Linkified text={m.text} />
            </pre>
          </>
        )}
      </article>
    </>
  );
}
