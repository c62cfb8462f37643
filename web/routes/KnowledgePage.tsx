// One knowledge page: read it, edit it (saves name the revision they started from, so a
// concurrent save is refused with the text kept), see its history with what each revision
// changed, and bring an old revision back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Page } from '../../common/schemas/knowledge.ts';
import { isApiError } from '../api/client.ts';
import {
  usePage,
  useRestoreRevision,
  useRevisionDiff,
  useRevisions,
  useUpdatePage,
} from '../api/knowledge.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { RichText } from '../components/RichText.tsx';
import { postPath, spacePath } from '../components/rich-text-links.ts';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

export function KnowledgePage() {
  const { t } = useTranslation();
  const { pageId = '' } = useParams();
  const page = usePage(pageId);
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  usePageTitle(page.data?.title ?? t('knowledge.title'));

  if (page.isPending) return <Loading />;
  if (!page.data) {
    return (
      <div className="page">
        {isApiError(page.error, 'not_found') || isApiError(page.error, 'validation_failed') ? (
          <>
            <h1>{t('knowledge.notFoundTitle')}</h1>
            <p>{t('knowledge.notFoundText')}</p>
          </>
        ) : (
          <FormError message={errorMessage(t, page.error)} />
        )}
      </div>
    );
  }
  const p = page.data;
  return (
    <div className="page">
      <header className="page-header">
        <p className="muted">
          <Link to={`${spacePath(p.space.slug)}/knowledge`}>{p.space.name}</Link>
          {p.parent ? (
            <>
              {' / '}
              <Link to={`/pages/${p.parent.id}`}>{p.parent.title}</Link>
            </>
          ) : null}
        </p>
        <h1>{p.title}</h1>
        <p className="muted">
          {t('knowledge.revision', { number: p.revision })} · <RelativeTime value={p.updatedAt} />
          {p.updatedBy ? ` · ${p.updatedBy.name}` : ''}
        </p>
      </header>
      <div className="stream-single">
        {editing ? (
          <PageEditor page={p} onDone={() => setEditing(false)} />
        ) : (
          <article className="card knowledge-body" aria-label={p.title}>
            <RichText text={p.body} />
            {p.sourcePostId ? (
              <p className="muted">
                <Link to={postPath(p.sourcePostId)}>{t('knowledge.source')}</Link>
              </p>
            ) : null}
          </article>
        )}
        <div className="row-actions">
          {p.can.edit && !editing ? (
            <Button type="button" onClick={() => setEditing(true)}>
              {t('knowledge.edit')}
            </Button>
          ) : null}
          <Button type="button" variant="quiet" aria-expanded={history} onClick={() => setHistory((h) => !h)}>
            {t('knowledge.history')}
          </Button>
        </div>
        {history ? <History page={p} /> : null}
      </div>
    </div>
  );
}

function PageEditor({ page, onDone }: { page: Page; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePage(page.id);
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  return (
    <form
      className="card page-form"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ title, body, baseRevision: page.revision }, { onSuccess: onDone });
      }}
    >
      {update.error ? <FormError message={errorMessage(t, update.error)} /> : null}
      <TextField
        label={t('knowledge.pageTitle')}
        name="title"
        value={title}
        onChange={setTitle}
        maxLength={200}
      />
      <TextField
        label={t('knowledge.body')}
        name="body"
        value={body}
        onChange={setBody}
        multiline
        rows={12}
      />
      <div className="row-actions">
        <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('knowledge.saving')}>
          {t('knowledge.save')}
        </Button>
        <Button type="button" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function History({ page }: { page: Page }) {
  const { t } = useTranslation();
  const revisions = useRevisions(page.id, true);
  const restore = useRestoreRevision(page.id);
  const [shown, setShown] = useState<number | null>(null);
  const diff = useRevisionDiff(page.id, shown);
  if (revisions.isPending) return <Loading />;
  if (revisions.isError) return <FormError message={errorMessage(t, revisions.error)} />;
  return (
    <section className="card" aria-labelledby="page-history">
      <h2 id="page-history">{t('knowledge.history')}</h2>
      {restore.error ? <FormError message={errorMessage(t, restore.error)} /> : null}
      <ol className="revision-list" reversed>
        {revisions.data.map((r) => (
          <li key={r.number}>
            <span>
              {t('knowledge.revision', { number: r.number })} · <RelativeTime value={r.createdAt} />
              {r.editedBy ? ` · ${r.editedBy.name}` : ''}
              {r.restoredFrom ? ` · ${t('knowledge.restoredFrom', { number: r.restoredFrom })}` : ''}
            </span>{' '}
            <Button type="button" variant="quiet" small onClick={() => setShown(r.number)}>
              {t('knowledge.showChanges', { number: r.number })}
            </Button>
            {page.can.edit && r.number !== page.revision ? (
              <Button
                type="button"
                variant="quiet"
                small
                busy={restore.isPending}
                onClick={() => restore.mutate(r.number)}
              >
                {t('knowledge.restore', { number: r.number })}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {shown !== null && diff.data ? (
        <section className="diff" aria-label={t('knowledge.changesOf', { number: shown })}>
          {diff.data.title.before !== null && diff.data.title.before !== diff.data.title.after ? (
            <p>
              {t('knowledge.titleChanged', { before: diff.data.title.before, after: diff.data.title.after })}
            </p>
          ) : null}
          <pre>
            {diff.data.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one diff, in order
              <span key={i} className={`diff-${line.op}`}>
                {line.op === 'added' ? '+ ' : line.op === 'removed' ? '− ' : '  '}
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </section>
      ) : null}
    </section>
  );
}
