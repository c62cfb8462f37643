import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAskExperts, useExperts } from '../../api/questions.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { Notice } from '../Notice.tsx';
import { ExpertiseReasons } from '../people/ExpertiseReasons.tsx';
import { personPath } from '../rich-text-links.ts';

/** For the asker: who is likely to answer, and a button to ask the chosen ones. */
export function ExpertsPanel({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const experts = useExperts(postId, true);
  const ask = useAskExperts(postId);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const items = experts.data?.items ?? [];
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="card experts" aria-labelledby="experts-title">
      <h2 id="experts-title">{t('questions.expertsTitle')}</h2>
      {experts.isPending ? (
        <Loading />
      ) : experts.isError ? (
        <FormError message={errorMessage(t, experts.error)} />
      ) : items.length === 0 ? (
        <p className="muted">{t('questions.noExperts')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            ask.mutate([...chosen], { onSuccess: () => setChosen(new Set()) });
          }}
        >
          <p className="muted">{t('questions.expertsIntro')}</p>
          <ul className="experts-list">
            {items.map((expert) => (
              <li key={expert.person.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(expert.person.id)}
                    disabled={expert.asked}
                    onChange={() => toggle(expert.person.id)}
                  />{' '}
                  <span>{t('questions.askPerson', { name: expert.person.name })}</span>
                </label>{' '}
                <Link to={personPath(expert.person.id)}>{t('questions.profile')}</Link>
                {expert.asked ? <span className="muted"> · {t('questions.alreadyAsked')}</span> : null}
                <ExpertiseReasons expertise={expert} />
              </li>
            ))}
          </ul>
          <Button type="submit" small busy={ask.isPending} disabled={chosen.size === 0}>
            {t('questions.askThem')}
          </Button>
          {ask.isSuccess ? (
            <Notice tone="success">{t('questions.asked', { count: ask.data.asked })}</Notice>
          ) : null}
          {ask.error ? <FormError message={errorMessage(t, ask.error)} /> : null}
        </form>
      )}
    </section>
  );
}
