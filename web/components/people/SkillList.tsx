import { useTranslation } from 'react-i18next';
import type { Skill } from '../../../common/schemas/people.ts';
import { useEndorseSkill } from '../../api/people.ts';
import { formatList } from '../../i18n/format.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';

interface SkillListProps {
  personId: string;
  skills: readonly Skill[];
  /** A colleague looking at someone else's active profile may endorse. */
  canEndorse: boolean;
}

/** A profile's skills: endorsement counts, who endorsed, and the reader's own endorsement. */
export function SkillList({ personId, skills, canEndorse }: SkillListProps) {
  const { t } = useTranslation();
  const endorse = useEndorseSkill(personId);
  return (
    <>
      {endorse.error ? <FormError message={errorMessage(t, endorse.error)} /> : null}
      <ul className="skill-list">
        {skills.map((skill) => (
          <li key={skill.key} className="skill" data-testid="skill">
            <div className="skill-main">
              <span className="skill-name">{skill.name}</span>
              <span className="sr-only">, </span>
              <span className="skill-count">
                {t('personProfile.endorsements', { count: skill.endorsements })}
              </span>
              <EndorsedBy skill={skill} />
            </div>
            {canEndorse ? (
              <Button
                type="button"
                small
                variant={skill.endorsedByMe ? 'primary' : 'secondary'}
                aria-pressed={skill.endorsedByMe}
                disabled={endorse.isPending && endorse.variables?.key === skill.key}
                onClick={() => endorse.mutate({ key: skill.key, endorse: !skill.endorsedByMe })}
              >
                {skill.endorsedByMe ? (
                  <>
                    <span aria-hidden="true">✓ </span>
                    {t('personProfile.endorsed')}
                  </>
                ) : (
                  t('personProfile.endorse')
                )}
                <span className="sr-only"> {skill.name}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function EndorsedBy({ skill }: { skill: Skill }) {
  const { t, i18n } = useTranslation();
  if (skill.endorsedBy.length === 0) return null;
  const names = skill.endorsedBy.map((p) => p.name);
  // The server sends the five most recent endorsers; the others are counted.
  const more = skill.endorsements - names.length;
  const text =
    more > 0
      ? t('personProfile.endorsedByMore', { names: names.join(', '), count: more })
      : t('personProfile.endorsedBy', { names: formatList(names, i18n.language) });
  return <p className="skill-endorsers muted">{text}</p>;
}
