// Questions: ask one, and browse them by where they stand (?status=).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QUESTION_STATUSES } from '../../common/schemas/stream.ts';
import type { QuestionStatus } from '../api/posts.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { AskQuestionForm } from '../components/questions/AskQuestionForm.tsx';
import { Select } from '../components/Select.tsx';
import { Feed } from '../components/stream/Feed.tsx';

export function QuestionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('questions.pageTitle'));
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? 'all';
  const status: QuestionStatus = (QUESTION_STATUSES as readonly string[]).includes(raw)
    ? (raw as QuestionStatus)
    : 'all';
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('questions.pageTitle')}</h1>
        <p className="lead">{t('questions.intro')}</p>
      </header>
      <div className="stream-single">
        <AskQuestionForm />
        <div className="filters">
          <Select
            label={t('questions.show')}
            name="status"
            value={status}
            onChange={(value) => setParams(value === 'all' ? {} : { status: value }, { replace: true })}
            options={QUESTION_STATUSES.map((s) => ({ value: s, label: t(`questions.statuses.${s}`) }))}
          />
        </div>
        <Feed
          scope={{ kind: 'questions', status }}
          label={t('questions.listLabel')}
          empty={{ title: t('questions.emptyTitle'), text: t('questions.emptyText') }}
        />
      </div>
    </div>
  );
}
