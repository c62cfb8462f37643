import { useTranslation } from 'react-i18next';
import type { Expertise } from '../../../common/schemas/people.ts';

/** Why someone knows about a subject: matched skills with their endorsements, then what they wrote. */
export function ExpertiseReasons({ expertise }: { expertise: Expertise }) {
  const { t } = useTranslation();
  const { skills, answers, acceptedAnswers, posts } = expertise;
  const writings = [
    answers > 0
      ? t('experts.answers', { count: answers }) +
        (acceptedAnswers > 0 ? ` (${t('experts.accepted', { count: acceptedAnswers })})` : '')
      : null,
    posts > 0 ? t('experts.posts', { count: posts }) : null,
  ].filter((text): text is string => text !== null);
  if (skills.length === 0 && writings.length === 0) return null;
  return (
    <div className="reasons">
      {skills.length > 0 ? (
        <ul className="chips reasons-skills" aria-label={t('experts.skills')}>
          {skills.map((skill) => (
            <li key={skill.name} className="chip chip-static">
              {t('experts.skill', { name: skill.name, count: skill.endorsements })}
            </li>
          ))}
        </ul>
      ) : null}
      {writings.length > 0 ? <p className="reasons-writings">{writings.join(' · ')}</p> : null}
    </div>
  );
}
