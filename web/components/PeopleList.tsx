import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../common/schemas/people.ts';
import { Avatar } from './Avatar.tsx';
import { personPath } from './rich-text-links.ts';

/** Colleagues as cards: photo, name, job, department, site and a link to write to them. */
export function PeopleList({
  people,
  headingLevel = 2,
}: {
  people: readonly Person[];
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="people-list">
      {people.map((person) => (
        <li key={person.id} className="person-card" data-testid="person-card">
          <Avatar name={person.name} photoUrl={person.photoUrl} large />
          <div className="person-card-body">
            <Heading className="person-name">
              <Link to={personPath(person.id)}>{person.name}</Link>
            </Heading>
            {person.jobTitle ? <p className="person-job">{person.jobTitle}</p> : null}
            <dl className="person-facts">
              {person.department ? (
                <div>
                  <dt>{t('people.department')}</dt>
                  <dd>{person.department.name}</dd>
                </div>
              ) : null}
              {person.site ? (
                <div>
                  <dt>{t('people.site')}</dt>
                  <dd>{person.site.name}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('fields.email')}</dt>
                <dd>
                  <a href={`mailto:${person.email}`}>{person.email}</a>
                </dd>
              </div>
            </dl>
          </div>
        </li>
      ))}
    </ul>
  );
}
