// /ideas/:campaignId: propose an idea with files (similar ones suggested while typing), the
// ranked board with vote and follow, for evaluators the campaign report, and for the
// space's owners the campaign's edit form and early closing.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IdeaSummary } from '../../common/schemas/ideas.ts';
import { useBoard, useCampaignReport, useSimilarIdeas, useSubmitIdea } from '../api/ideas.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { AttachmentPicker } from '../components/composer/AttachmentPicker.tsx';
import { useUploads } from '../components/composer/use-uploads.ts';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';
import { IdeaActions } from './IdeaActions.tsx';
import { ManageCampaign } from './IdeaCampaignManage.tsx';

type Sort = 'votes' | 'score' | 'recent';

export function IdeaCampaignPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const [sort, setSort] = useState<Sort>('votes');
  const [tab, setTab] = useState<'board' | 'report'>('board');
  const board = useBoard(campaignId, sort);
  const campaign = board.data?.campaign;
  usePageTitle(campaign?.title ?? t('ideas.title'));
  if (board.isPending) return <Loading />;
  if (board.isError || !campaign) return <FormError message={errorMessage(t, board.error)} />;
  return (
    <main id="main" className="page ideas-page">
      <p className="muted">
        <Link to="/ideas">{t('ideas.title')}</Link> · {campaign.space.name}
      </p>
      <h1>{campaign.title}</h1>
      {campaign.description ? <p>{campaign.description}</p> : null}
      {campaign.canManage ? <ManageCampaign campaign={campaign} /> : null}
      {campaign.canEvaluate ? (
        <div className="tabs">
          <Button
            type="button"
            small
            variant={tab === 'board' ? 'primary' : 'secondary'}
            onClick={() => setTab('board')}
          >
            {t('ideas.board')}
          </Button>
          <Button
            type="button"
            small
            variant={tab === 'report' ? 'primary' : 'secondary'}
            onClick={() => setTab('report')}
          >
            {t('ideas.report')}
          </Button>
        </div>
      ) : null}
      {tab === 'report' ? (
        <Report id={campaign.id} />
      ) : (
        <>
          {campaign.open ? (
            <SubmitIdea campaignId={campaign.id} />
          ) : (
            <Notice tone="info">{t('ideas.submit.closed')}</Notice>
          )}
          <section aria-labelledby="ideas-board-title">
            <h2 id="ideas-board-title">{t('ideas.board')}</h2>
            <label className="field-inline">
              {t('ideas.sort')}{' '}
              <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
                {(['votes', 'score', 'recent'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`ideas.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <ul className="ideas-list">
              {board.data.items.map((idea) => (
                <IdeaRow key={idea.id} idea={idea} />
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
}

function IdeaRow({ idea }: { idea: IdeaSummary }) {
  const { t } = useTranslation();
  return (
    <li className="card idea-row" data-testid="idea">
      <h3>
        <Link to={`/ideas/idea/${encodeURIComponent(idea.id)}`}>{idea.title}</Link>
      </h3>
      <p className="muted">
        <span className="badge">{t(`ideas.status.${idea.status}`)}</span> ·{' '}
        {t('ideas.votes', { count: idea.votes })}
        {idea.score !== null ? ` · ${t('ideas.score', { score: idea.score.toFixed(1) })}` : ''}
        {idea.author ? ` · ${t('ideas.by', { name: idea.author.name })}` : ''}
      </p>
      <IdeaActions idea={idea} small />
    </li>
  );
}

function SubmitIdea({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const submit = useSubmitIdea(campaignId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [sent, setSent] = useState(false);
  const similar = useSimilarIdeas(campaignId, title);
  const uploads = useUploads();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    submit.mutate(
      { title, description, attachmentIds: uploads.ids },
      {
        onSuccess: () => {
          setTitle('');
          setDescription('');
          uploads.clear();
          setSent(true);
        },
      },
    );
  };
  const suggestions = title.trim().length >= 3 ? (similar.data?.items ?? []) : [];
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="idea-submit-title">
      <h2 id="idea-submit-title">{t('ideas.submit.title')}</h2>
      <FormError message={submit.isError ? errorMessage(t, submit.error) : null} />
      <TextField
        label={t('ideas.submit.name')}
        name="title"
        value={title}
        onChange={setTitle}
        maxLength={200}
        required
      />
      {suggestions.length > 0 ? (
        <div role="status" className="ideas-similar">
          <p>{t('ideas.submit.similar')}</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s.id}>
                <Link to={`/ideas/idea/${encodeURIComponent(s.id)}`}>{s.title}</Link> (
                {t('ideas.votes', { count: s.votes })})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TextField
        label={t('ideas.submit.description')}
        name="description"
        multiline
        rows={4}
        value={description}
        onChange={setDescription}
        maxLength={10_000}
      />
      <AttachmentPicker uploads={uploads.uploads} onAdd={uploads.add} onRemove={uploads.remove} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={submit.isPending} disabled={uploads.busy}>
          {t('ideas.submit.send')}
        </Button>
      </div>
      {sent ? <Notice>{t('ideas.submit.sent')}</Notice> : null}
    </form>
  );
}

function Report({ id }: { id: string }) {
  const { t } = useTranslation();
  const report = useCampaignReport(id, true);
  if (report.isPending) return <Loading />;
  if (report.isError) return <FormError message={errorMessage(t, report.error)} />;
  const r = report.data;
  return (
    <section aria-labelledby="ideas-report-title">
      <h2 id="ideas-report-title">{t('ideas.reportTitle')}</h2>
      <dl className="ideas-figures">
        <dt>{t('ideas.submitted')}</dt>
        <dd>{r.submitted}</dd>
        <dt>{t('ideas.shippedCount')}</dt>
        <dd>{r.shipped}</dd>
        <dt>{t('ideas.conversion')}</dt>
        <dd>{Math.round(r.conversion * 100)} %</dd>
        <dt>{t('ideas.medianDecision')}</dt>
        <dd>
          {r.medianHoursToDecision === null
            ? t('ideas.none')
            : t('ideas.hours', { count: Math.round(r.medianHoursToDecision) })}
        </dd>
        {Object.entries(r.byStatus).map(([status, count]) => (
          <div key={status}>
            <dt>{t(`ideas.status.${status}` as 'ideas.status.new')}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('ideas.contributors')}</h3>
      <ul>
        {r.contributors.map((c) => (
          <li key={`${c.external}${c.group}`}>
            {c.group}
            {c.external ? ` (${t('ideas.external')})` : ''} : {c.count}
          </li>
        ))}
      </ul>
    </section>
  );
}
