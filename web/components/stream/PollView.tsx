import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll } from '../../../common/schemas/stream.ts';
import { useVote } from '../../api/posts.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { RelativeTime } from '../RelativeTime.tsx';
import { pollResults } from './poll-results.ts';

/** A poll: a vote form until the reader voted (or it closed), then the results. */
export function PollView({ postId, poll }: { postId: string; poll: Poll }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const vote = useVote(postId);
  const [changing, setChanging] = useState(false);
  const [choice, setChoice] = useState<string[]>(poll.myVotes);
  const [problem, setProblem] = useState<string | null>(null);
  const hasResults = poll.options.every((o) => o.votes !== null);
  const showForm = !poll.closed && (!hasResults || changing);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (choice.length === 0) {
      setProblem(t('poll.needChoice'));
      return;
    }
    setProblem(null);
    vote.mutate(choice, {
      onSuccess: () => setChanging(false),
      onError: (error) => setProblem(errorMessage(t, error)),
    });
  }

  const status = (
    <p className="poll-status muted">
      {t('poll.voters', { count: poll.voterCount })}
      {poll.closed ? (
        ` · ${t('poll.closed')}`
      ) : poll.closesAt ? (
        <>
          {' · '}
          {t('poll.closes')} <RelativeTime value={poll.closesAt} />
        </>
      ) : null}
    </p>
  );

  if (showForm) {
    return (
      <form className="poll" onSubmit={submit} noValidate>
        <fieldset aria-describedby={`${id}-how`}>
          <legend>{t('poll.label')}</legend>
          <p id={`${id}-how`} className="field-hint">
            {poll.multiple ? t('poll.chooseSeveral') : t('poll.chooseOne')}{' '}
            {hasResults ? '' : t('poll.hiddenResults')}
          </p>
          {poll.options.map((option) => (
            <div key={option.id} className="check-field poll-choice">
              <input
                id={`${id}-${option.id}`}
                type={poll.multiple ? 'checkbox' : 'radio'}
                name={`${id}-choice`}
                checked={choice.includes(option.id)}
                onChange={(event) =>
                  setChoice((current) =>
                    poll.multiple
                      ? event.target.checked
                        ? [...current, option.id]
                        : current.filter((c) => c !== option.id)
                      : [option.id],
                  )
                }
              />
              <label htmlFor={`${id}-${option.id}`}>{option.label}</label>
            </div>
          ))}
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="row-actions">
            <Button type="submit" variant="primary" small busy={vote.isPending} busyLabel={t('poll.voting')}>
              {t('poll.vote')}
            </Button>
            {changing ? (
              <Button type="button" small onClick={() => setChanging(false)}>
                {t('poll.cancelChange')}
              </Button>
            ) : null}
          </div>
        </fieldset>
        {status}
      </form>
    );
  }

  const results = pollResults(poll, i18n.language);
  return (
    <section className="poll" aria-label={t('poll.label')}>
      <ul className="poll-results">
        {results.map((r) => (
          <li key={r.id} className={r.mine ? 'poll-result is-mine' : 'poll-result'}>
            <div className="poll-result-text">
              <span>
                {r.label}
                {r.mine ? <span className="poll-mine"> ✓ {t('poll.yourChoice')}</span> : null}
              </span>
              <span className="poll-percent">{r.percentLabel}</span>
            </div>
            <progress
              max={100}
              value={r.percent}
              aria-label={t('poll.result', { label: r.label, percent: r.percentLabel, votes: r.votes })}
            />
          </li>
        ))}
      </ul>
      {status}
      {!poll.closed ? (
        <Button
          type="button"
          variant="quiet"
          small
          onClick={() => {
            setChoice(poll.myVotes);
            setChanging(true);
          }}
        >
          {t('poll.changeVote')}
        </Button>
      ) : null}
    </section>
  );
}
