import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../common/schemas/stream.ts';
import { useAcceptAnswer, useVoteAnswer } from '../../api/questions.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';

interface AnswerActionsProps {
  comment: Comment;
  accepted: boolean;
  canAccept: boolean;
}

/** An answer's vote (for other people's answers) and, for the asker, accept or undo. */
export function AnswerActions({ comment, accepted, canAccept }: AnswerActionsProps) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const vote = useVoteAnswer(comment.postId, comment.id);
  const accept = useAcceptAnswer(comment.postId);
  const mine = comment.author.id === user.id;
  const error = vote.error ?? accept.error;
  return (
    <>
      {mine ? (
        <span className="muted answer-votes">{t('questions.votes', { count: comment.votes })}</span>
      ) : (
        <Button
          type="button"
          variant="quiet"
          small
          aria-pressed={comment.myVote}
          busy={vote.isPending}
          onClick={() => vote.mutate(!comment.myVote)}
        >
          {t('questions.voteFor', { count: comment.votes })}
        </Button>
      )}
      {canAccept ? (
        <Button
          type="button"
          variant="quiet"
          small
          busy={accept.isPending}
          onClick={() => accept.mutate(accepted ? null : comment.id)}
        >
          {accepted ? t('questions.unaccept') : t('questions.accept')}
        </Button>
      ) : null}
      {error ? <FormError message={errorMessage(t, error)} /> : null}
    </>
  );
}
