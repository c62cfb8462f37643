import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonDetail } from '../../../common/schemas/people.ts';
import { formatList } from '../../i18n/format.ts';
import { languageName } from '../../i18n/languages.ts';
import { personPath } from '../rich-text-links.ts';

export const orgPath = (id: string) => `/org/${encodeURIComponent(id)}`;

/** How to reach someone and where they sit: email, phone, languages, manager and reports. */
export function ProfileFacts({ detail }: { detail: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const { person, phone, languages, manager, reportCount } = detail;
  return (
    <dl className="facts profile-facts">
      {person.email ? (
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>
            <a href={`mailto:${person.email}`}>{person.email}</a>
          </dd>
        </div>
      ) : null}
      {phone ? (
        <div>
          <dt>{t('personProfile.phone')}</dt>
          <dd>
            <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
          </dd>
        </div>
      ) : null}
      {languages.length > 0 ? (
        <div>
          <dt>{t('personProfile.languages')}</dt>
          <dd>
            {formatList(
              languages.map((code) => languageName(code, i18n.language)),
              i18n.language,
            )}
          </dd>
        </div>
      ) : null}
      {manager ? (
        <div>
          <dt>{t('personProfile.manager')}</dt>
          <dd>
            <Link to={personPath(manager.id)}>{manager.name}</Link>
            {manager.jobTitle ? <span className="muted"> · {manager.jobTitle}</span> : null}
          </dd>
        </div>
      ) : null}
      {reportCount > 0 ? (
        <div>
          <dt>{t('personProfile.reports')}</dt>
          <dd>{t('personProfile.reportCount', { count: reportCount })}</dd>
        </div>
      ) : null}
    </dl>
  );
}
