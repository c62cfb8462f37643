import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ExpertiseMatch } from '../../common/schemas/people.ts';
import { isApiError } from '../api/client.ts';
import { useDirectory, useWhoKnows } from '../api/people.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Avatar } from '../components/Avatar.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { ExpertiseReasons } from '../components/people/ExpertiseReasons.tsx';
import { PeopleTabs } from '../components/people/PeopleTabs.tsx';
import { PlaceFilters } from '../components/people/PlaceFilters.tsx';
import { personPath } from '../components/rich-text-links.ts';
import { TextField } from '../components/TextField.tsx';
import { useDebouncedValue } from '../forms/use-debounced-value.ts';
import { errorMessage } from '../i18n/messages.ts';

/**
 * "Who knows about…": colleagues ranked by declared skills, endorsements and what they wrote.
 * The subject and filters live in the address, so a search can be shared or bookmarked.
 */
export function WhoKnowsPage() {
  const { t } = useTranslation();
  usePageTitle(t('experts.title'));
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const departmentId = params.get('departmentId') ?? '';
  const siteId = params.get('siteId') ?? '';
  const subject = useDebouncedValue(q.trim(), 350);
  const guest = user.role === 'guest';
  const directory = useDirectory(!guest);
  const experts = useWhoKnows(
    { q: subject, departmentId: departmentId || undefined, siteId: siteId || undefined },
    subject.length > 0 && !guest,
  );

  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the debounced subject only
  useEffect(() => {
    if ((params.get('q') ?? '') !== subject) setParam('q', subject);
  }, [subject]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('experts.title')}</h1>
        <p className="lead">{t('experts.intro')}</p>
      </header>
      <PeopleTabs />
      {guest || isApiError(experts.error, 'forbidden') ? (
        <EmptyState title={t('experts.forbiddenTitle')}>
          <p>{t('experts.forbiddenText')}</p>
        </EmptyState>
      ) : (
        <>
          <search aria-label={t('experts.filters')} className="filters">
            <TextField
              label={t('experts.subject')}
              hint={t('experts.subjectHint')}
              name="q"
              type="search"
              value={q}
              onChange={setQ}
              maxLength={100}
            />
            <PlaceFilters
              directory={directory.data}
              departmentId={departmentId}
              siteId={siteId}
              onDepartment={(value) => setParam('departmentId', value)}
              onSite={(value) => setParam('siteId', value)}
            />
          </search>
          {subject.length === 0 ? (
            <p className="muted">{t('experts.prompt')}</p>
          ) : experts.isPending ? (
            <Loading />
          ) : experts.isError ? (
            <FormError message={errorMessage(t, experts.error)} />
          ) : experts.data.items.length === 0 ? (
            <EmptyState title={t('experts.emptyTitle', { subject })}>
              <p>{t('experts.emptyText')}</p>
            </EmptyState>
          ) : (
            <section aria-labelledby="experts-results" aria-busy={experts.isPlaceholderData}>
              <h2 id="experts-results" className="section-title">
                {t('experts.results', { subject })}
              </h2>
              <ol className="expert-results">
                {experts.data.items.map((match) => (
                  <ExpertResult key={match.person.id} match={match} />
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function ExpertResult({ match }: { match: ExpertiseMatch }) {
  const { person } = match;
  const places = [person.department?.name, person.site?.name].filter(Boolean).join(' · ');
  return (
    <li className="expert-result" data-testid="expert">
      <Avatar name={person.name} photoUrl={person.photoUrl} large />
      <div className="expert-result-body">
        <h3 className="person-name">
          <Link to={personPath(person.id)}>{person.name}</Link>
        </h3>
        {person.jobTitle ? <p className="person-job">{person.jobTitle}</p> : null}
        {places ? <p className="muted expert-result-places">{places}</p> : null}
        <ExpertiseReasons expertise={match} />
      </div>
    </li>
  );
}
