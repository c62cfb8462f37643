import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Post } from '../../../common/schemas/stream.ts';
import { Badge } from '../Badge.tsx';
import { postPath } from '../rich-text-links.ts';

/** A question's title, linking to its page, with where it stands: unanswered, answered, accepted. */
export function QuestionTitle({ post, question }: { post: Post; question: NonNullable<Post['question']> }) {
  const { t } = useTranslation();
  return (
    <div className="question-head">
      <h3 className="question-title">
        <Link to={postPath(post.id)}>{question.title}</Link>
      </h3>
      {question.acceptedAnswerId ? (
        <Badge tone="success">{t('questions.statusAccepted')}</Badge>
      ) : question.answerCount > 0 ? (
        <Badge tone="info">{t('questions.answerCount', { count: question.answerCount })}</Badge>
      ) : (
        <Badge tone="warning">{t('questions.statusUnanswered')}</Badge>
      )}
    </div>
  );
}
