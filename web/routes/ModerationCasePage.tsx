import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseAction, CaseDetail } from '../../common/schemas/moderation.ts';
import { useActOnCase, useCase } from '../api/moderation.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { personPath, postPath, spacePath } from '../components/rich-text-links.ts';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** One case: the content as plain text, who reported it and why, what was done, and the actions. */
export function ModerationCasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const detail = useCase(caseId);
  usePageTitle(t('moderationUi.case.title'), t('moderationUi.title'));
  return (
    <div className="page">
      <p>
        <Link to="/moderation">{t('moderationUi.case.back')}</Link>
      </p>
      <h1>{t('moderationUi.case.title')}</h1>
      {detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <FormError message={errorMessage(t, detail.error)} />
      ) : (
        <CaseView item={detail.data} />
      )}
    </div>
  );
}

function CaseView({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="case-content-title">
        <h2 id="case-content-title">
          {t(`moderationUi.targets.${item.targetType}`, { name: item.subject.name })}
        </h2>
        <p className="muted">
          <Link to={personPath(item.subject.id)}>{item.subject.name}</Link>
          {item.space ? (
            <>
              {' · '}
              <Link to={spacePath(item.space.slug)}>{item.space.name}</Link>
            </>
          ) : null}
          {' · '}
          <Badge tone={item.status === 'open' ? 'warning' : 'neutral'}>
            {item.status === 'open' ? t('moderationUi.cases.open') : t('moderationUi.cases.closed')}
          </Badge>{' '}
          <Badge>{t(`moderationUi.contentState.${item.contentState}`)}</Badge>
        </p>
        {item.body ? (
          <p className="moderation-excerpt" data-testid="case-body">
            {item.body}
          </p>
        ) : null}
        {item.postId && item.contentState !== 'deleted' ? (
          <p>
            <Link to={postPath(item.postId)}>{t('moderationUi.case.openPost')}</Link>
          </p>
        ) : null}
      </section>
      <CaseActions item={item} />
      <section className="card" aria-labelledby="case-reports-title">
        <h2 id="case-reports-title">{t('moderationUi.case.reports', { count: item.reports.length })}</h2>
        <ul className="moderation-history">
          {item.reports.map((report) => (
            <li key={`${report.reporter.id}-${report.createdAt}`}>
              <p>
                <strong>{t(`moderationUi.reasons.${report.reason}`)}</strong>
                {' · '}
                <Link to={personPath(report.reporter.id)}>{report.reporter.name}</Link>
                {' · '}
                <RelativeTime value={report.createdAt} />
              </p>
              {report.details ? <p className="moderation-note">{report.details}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="case-history-title">
        <h2 id="case-history-title">{t('moderationUi.case.history')}</h2>
        <ol className="moderation-history">
          {item.history.map((event) => (
            <li key={`${event.action}-${event.at}`}>
              <p>
                {t(`moderationUi.history.${event.action}`)}
                {event.actor ? ` · ${event.actor.name}` : ''}
                {' · '}
                <RelativeTime value={event.at} />
              </p>
              {event.note ? <p className="moderation-note">{event.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** What makes sense now: hide what is visible, restore what is hidden; suspend only if allowed. */
function availableActions(item: CaseDetail): CaseAction[] {
  const actions: CaseAction[] = [];
  if (item.contentState === 'visible' || item.contentState === 'pending') actions.push('hide');
  if (item.contentState === 'hidden') actions.push('restore');
  if (item.contentState !== 'deleted' && item.contentState !== 'none') actions.push('delete');
  if (item.status === 'open') actions.push('dismiss');
  actions.push('warn');
  if (item.can.suspend) actions.push('suspend');
  return actions;
}

function CaseActions({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const act = useActOnCase(item.id);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<CaseAction | null>(null);
  return (
    <section className="card" aria-labelledby="case-actions-title">
      <h2 id="case-actions-title">{t('moderationUi.case.actions')}</h2>
      {done ? (
        <Notice>
          <p>{t(`moderationUi.done.${done}`)}</p>
        </Notice>
      ) : null}
      <TextField
        label={t('moderationUi.note')}
        hint={t('moderationUi.noteHint')}
        name="note"
        value={note}
        onChange={setNote}
        multiline
        rows={2}
        maxLength={2000}
      />
      {act.error ? <FormError message={errorMessage(t, act.error)} /> : null}
      <div className="form-actions moderation-actions">
        {availableActions(item).map((action) => (
          <Button
            key={action}
            type="button"
            small
            variant={action === 'delete' || action === 'suspend' ? 'danger' : 'secondary'}
            disabled={act.isPending}
            onClick={() => {
              setDone(null);
              act.mutate(
                { action, note },
                {
                  onSuccess: () => {
                    setDone(action);
                    setNote('');
                  },
                },
              );
            }}
          >
            {t(`moderationUi.actions.${action}`)}
          </Button>
        ))}
      </div>
    </section>
  );
}
