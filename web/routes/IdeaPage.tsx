// /ideas/idea/:ideaId: an idea, its files, status history and comments; for the campaign's
// evaluators (never guests), the panel to change its status, score it and merge it into
// another idea of the campaign.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { IDEA_STATUSES, type IdeaDetail, type IdeaStatus } from '../../common/schemas/ideas.ts';
import { useBoard, useChangeStatus, useComment, useEvaluate, useIdea, useMerge } from '../api/ideas.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { AttachmentList } from '../components/stream/AttachmentList.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';
import { IdeaActions } from './IdeaActions.tsx';

export function IdeaPage() {
  const { t, i18n } = useTranslation();
  const { ideaId = '' } = useParams();
  const detail = useIdea(ideaId);
  usePageTitle(detail.data?.idea.title ?? t('ideas.title'));
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <FormError message={errorMessage(t, detail.error)} />;
  const { idea, campaign, attachments, history, comments } = detail.data;
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <main id="main" className="page ideas-page">
      <p className="muted">
        <Link to={`/ideas/${encodeURIComponent(campaign.id)}`}>{t('ideas.back')}</Link>
      </p>
      <h1>{idea.title}</h1>
      <p className="muted">
        <span className="badge" data-testid="idea-status">
          {t(`ideas.status.${idea.status}`)}
        </span>{' '}
        · {t('ideas.votes', { count: idea.votes })}
        {idea.author ? ` · ${t('ideas.by', { name: idea.author.name })}` : ''}
      </p>
      {idea.description ? <p className="idea-description">{idea.description}</p> : null}
      <AttachmentList attachments={attachments} />
      {idea.mergedInto ? (
        <Notice tone="info">
          <p>{t('ideas.mergedNotice')}</p>
          <p>
            <Link to={`/ideas/idea/${encodeURIComponent(idea.mergedInto)}`}>{t('ideas.seeSurvivor')}</Link>
          </p>
        </Notice>
      ) : (
        <IdeaActions idea={idea} />
      )}
      <section aria-labelledby="idea-history-title">
        <h2 id="idea-history-title">{t('ideas.history')}</h2>
        {history.length === 0 ? (
          <p className="muted">{t('ideas.noHistory')}</p>
        ) : (
          <ol>
            {history.map((h) => (
              <li key={h.at + h.to}>
                <strong>
                  {t('ideas.change', { from: t(`ideas.status.${h.from}`), to: t(`ideas.status.${h.to}`) })}
                </strong>{' '}
                <span className="muted">
                  {date(h.at)}
                  {h.actor ? ` · ${h.actor.name}` : ''}
                </span>
                <p>{h.explanation}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {campaign.canEvaluate && !idea.mergedInto ? <EvaluatorPanel detail={detail.data} /> : null}
      <section aria-labelledby="idea-comments-title">
        <h2 id="idea-comments-title">{t('ideas.comments')}</h2>
        {comments.length === 0 ? <p className="muted">{t('ideas.noComments')}</p> : null}
        <ul>
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author?.name}</strong> <span className="muted">{date(c.createdAt)}</span>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
        <CommentForm id={idea.id} />
      </section>
    </main>
  );
}

function CommentForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const comment = useComment(id);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    comment.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={submit}>
      <FormError message={comment.isError ? errorMessage(t, comment.error) : null} />
      <TextField
        label={t('ideas.comment')}
        name="comment"
        multiline
        rows={3}
        value={body}
        onChange={setBody}
        maxLength={5000}
        required
      />
      <div className="form-actions">
        <Button type="submit" busy={comment.isPending}>
          {t('ideas.sendComment')}
        </Button>
      </div>
    </form>
  );
}

function EvaluatorPanel({ detail }: { detail: IdeaDetail }) {
  const { t } = useTranslation();
  const { idea, campaign } = detail;
  const change = useChangeStatus(idea.id);
  const evaluate = useEvaluate(idea.id);
  const [status, setStatus] = useState<IdeaStatus>(idea.status);
  const [explanation, setExplanation] = useState('');
  const [scores, setScores] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const move = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ status, explanation }, { onSuccess: () => setExplanation('') });
  };
  const score = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const numbers = Object.fromEntries(
      Object.entries(scores)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    evaluate.mutate({ scores: numbers, note }, { onSuccess: () => setSaved(true) });
  };
  return (
    <section aria-labelledby="idea-evaluator-title" className="card">
      <h2 id="idea-evaluator-title">{t('ideas.evaluator.title')}</h2>
      <form onSubmit={move}>
        <FormError message={change.isError ? errorMessage(t, change.error) : null} />
        <label className="field">
          <span className="field-label">{t('ideas.evaluator.status')}</span>
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as IdeaStatus)}>
            {IDEA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ideas.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t('ideas.evaluator.explanation')}
          name="explanation"
          multiline
          rows={3}
          value={explanation}
          onChange={setExplanation}
          maxLength={2000}
          required
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={change.isPending}>
            {t('ideas.evaluator.move')}
          </Button>
        </div>
      </form>
      <form onSubmit={score}>
        <FormError message={evaluate.isError ? errorMessage(t, evaluate.error) : null} />
        {campaign.criteria.map((criterion) => (
          <TextField
            key={criterion}
            label={t('ideas.evaluator.scoreLabel', { criterion })}
            name={`score-${criterion}`}
            inputMode="numeric"
            value={scores[criterion] ?? ''}
            onChange={(v) => setScores({ ...scores, [criterion]: v })}
            maxLength={1}
          />
        ))}
        <TextField
          label={t('ideas.evaluator.note')}
          name="note"
          multiline
          rows={3}
          value={note}
          onChange={setNote}
          maxLength={5000}
        />
        <div className="form-actions">
          <Button type="submit" busy={evaluate.isPending}>
            {t('ideas.evaluator.save')}
          </Button>
        </div>
        {saved ? <Notice>{t('ideas.evaluator.saved')}</Notice> : null}
      </form>
      {detail.evaluations && detail.evaluations.length > 0 ? (
        <>
          <h3>{t('ideas.evaluator.notes')}</h3>
          <ul>
            {detail.evaluations.map((e) => (
              <li key={e.evaluator?.id ?? e.updatedAt}>
                <strong>{e.evaluator?.name}</strong>{' '}
                {Object.entries(e.scores)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(' · ')}
                {e.note ? <p>{e.note}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <MergeForm detail={detail} />
    </section>
  );
}

/** "Merge into…": the duplicate's votes and followers go to the idea chosen (same campaign). */
function MergeForm({ detail }: { detail: IdeaDetail }) {
  const { t } = useTranslation();
  const { idea, campaign } = detail;
  const board = useBoard(campaign.id, 'recent');
  const merge = useMerge(idea.id);
  const others = (board.data?.items ?? []).filter((i) => i.id !== idea.id);
  const [into, setInto] = useState('');
  const chosen = into || others[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) merge.mutate(chosen);
  };
  return (
    <form onSubmit={submit} aria-labelledby="idea-merge-title">
      <h3 id="idea-merge-title">{t('ideas.merge.title')}</h3>
      <FormError message={merge.isError ? errorMessage(t, merge.error) : null} />
      {others.length === 0 ? (
        <p className="muted">{t('ideas.merge.none')}</p>
      ) : (
        <>
          <label className="field">
            <span className="field-label">{t('ideas.merge.into')}</span>
            <select name="intoId" value={chosen} onChange={(e) => setInto(e.target.value)}>
              {others.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </label>
          <div className="form-actions">
            <Button type="submit" variant="danger" busy={merge.isPending}>
              {t('ideas.merge.send')}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
