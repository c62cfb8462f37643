import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrgMember } from '../../../common/schemas/people.ts';
import { Avatar } from '../Avatar.tsx';
import { personPath } from '../rich-text-links.ts';
import { orgPath } from './ProfileFacts.tsx';

interface OrgCardProps {
  member: OrgMember;
  /** The person the chart is centred on: named, not linked (it is this page). */
  current?: boolean;
}

/** One person in the org chart: their name moves the chart to them; "Profile" opens their profile. */
export function OrgCard({ member, current = false }: OrgCardProps) {
  const { t } = useTranslation();
  const { person, reportCount } = member;
  const places = [person.department?.name, person.site?.name].filter(Boolean).join(' · ');
  return (
    <div className={current ? 'org-card is-current' : 'org-card'} data-testid="org-card">
      <Avatar name={person.name} photoUrl={person.photoUrl} large />
      <div className="org-card-body">
        <h3 className="org-card-name">
          {current ? person.name : <Link to={orgPath(person.id)}>{person.name}</Link>}
        </h3>
        {person.jobTitle ? <p className="org-card-job">{person.jobTitle}</p> : null}
        {places ? <p className="muted org-card-places">{places}</p> : null}
        <p className="org-card-meta">
          {reportCount > 0 ? (
            <span className="muted">{t('org.reportCount', { count: reportCount })} · </span>
          ) : null}
          <Link to={personPath(person.id)}>
            {t('org.profile')}
            <span className="sr-only"> {person.name}</span>
          </Link>
        </p>
      </div>
    </div>
  );
}
