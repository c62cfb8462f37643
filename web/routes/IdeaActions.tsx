// Vote and follow, the same two buttons on the campaign's board and on the idea page.
import { useTranslation } from 'react-i18next';
import type { IdeaSummary } from '../../common/schemas/ideas.ts';
import { useFollow, useVote } from '../api/ideas.ts';
import { Button } from '../components/Button.tsx';

export function IdeaActions({ idea, small = false }: { idea: IdeaSummary; small?: boolean }) {
  const { t } = useTranslation();
  const vote = useVote();
  const follow = useFollow();
  return (
    <div className="form-actions">
      <Button
        type="button"
        small={small}
        busy={vote.isPending}
        onClick={() => vote.mutate({ id: idea.id, voted: !idea.voted })}
      >
        {idea.voted ? t('ideas.unvote') : t('ideas.vote')}
      </Button>
      <Button
        type="button"
        small={small}
        busy={follow.isPending}
        onClick={() => follow.mutate({ id: idea.id, following: !idea.following })}
      >
        {idea.following ? t('ideas.unfollow') : t('ideas.follow')}
      </Button>
    </div>
  );
}
