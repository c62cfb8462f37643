import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../common/errors.ts';
import { type Skill, SkillName } from '../../../common/schemas/people.ts';
import { SKILLS_MAX, skillKey } from '../../../common/skills.ts';
import { toFieldIssues } from '../../../common/validation.ts';
import { isApiError } from '../../api/client.ts';
import { useSetMySkills } from '../../api/people.ts';
import { errorMessage, fieldMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { TextField } from '../TextField.tsx';

/**
 * Settings: the list of one's skills, edited here and saved whole. Removing a skill that
 * colleagues endorsed says what will be lost before anything is saved.
 */
export function SkillsEditor({ meId, skills }: { meId: string; skills: readonly Skill[] }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSetMySkills(meId);
  const [names, setNames] = useState<string[]>(() => skills.map((s) => s.name));
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | undefined>();
  const [banner, setBanner] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState(false);
  const full = names.length >= SKILLS_MAX;
  const kept = new Set(names.map(skillKey));
  const losing = skills.filter((s) => s.endorsements > 0 && !kept.has(s.key));

  function edit(next: string[]) {
    setNames(next);
    setDirty(true);
    setSaved(false);
    setBanner(null);
  }

  function add(event: React.FormEvent) {
    event.preventDefault();
    setDraftError(undefined);
    const parsed = SkillName.safeParse(draft);
    if (!parsed.success) {
      const issue = toFieldIssues(parsed.error)[0];
      setDraftError(issue ? fieldMessage(t, { field: 'skill', reason: issue.reason }) : undefined);
      return;
    }
    if (kept.has(skillKey(parsed.data))) {
      setDraftError(t('profileEditor.duplicateSkill'));
      return;
    }
    if (full) {
      setDraftError(t('profileEditor.skillsFull'));
      return;
    }
    edit([...names, parsed.data]);
    setDraft('');
  }

  function submit() {
    setBanner(null);
    setSaved(false);
    save.mutate(names, {
      onSuccess: ({ items }) => {
        setNames(items.map((s) => s.name));
        setDirty(false);
        setSaved(true);
      },
      onError: (error) => setBanner(skillsErrorText(error)),
    });
  }

  function skillsErrorText(error: unknown): string {
    if (!isApiError(error, 'validation_failed') || error.issues.length === 0) return errorMessage(t, error);
    return error.issues.map((issue) => describe(issue)).join(' ');
  }

  // `skills.3` is one skill (named in the message); `skills` is the list as a whole.
  function describe(issue: FieldIssue): string {
    const index = /^skills\.(\d+)/.exec(issue.field)?.[1];
    if (index === undefined) return fieldMessage(t, { field: 'skills', reason: issue.reason });
    return `${names[Number(index)] ?? ''}: ${fieldMessage(t, { field: 'skill', reason: issue.reason })}`;
  }

  return (
    <section id="skills" className="card" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`}>{t('profileEditor.skillsTitle')}</h2>
      <p className="muted">{t('profileEditor.skillsIntro')}</p>
      <FormError message={banner} />
      {saved ? (
        <Notice>
          <p>{t('profileEditor.skillsSaved')}</p>
        </Notice>
      ) : null}
      <form className="inline-add" onSubmit={add} noValidate>
        <TextField
          label={t('profileEditor.newSkill')}
          name="skill"
          value={draft}
          onChange={(value) => {
            setDraft(value);
            setDraftError(undefined);
          }}
          error={draftError}
          maxLength={50}
        />
        <Button type="submit" disabled={full}>
          {t('profileEditor.addSkill')}
        </Button>
      </form>
      <h3 id={`${id}-list`} className="picker-title">
        {t('profileEditor.yourSkills')}
      </h3>
      {names.length === 0 ? (
        <p className="muted">{t('profileEditor.noSkills')}</p>
      ) : (
        <ul className="chips" aria-labelledby={`${id}-list`}>
          {names.map((name) => (
            <li key={skillKey(name)} className="chip">
              {name}
              <button
                type="button"
                className="chip-remove"
                onClick={() => edit(names.filter((n) => n !== name))}
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">{t('profileEditor.removeSkill', { name })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="field-hint skills-warning">{t('profileEditor.skillsWarning')}</p>
      {losing.length > 0 ? (
        <Notice tone="warning">
          {losing.map((skill) => (
            <p key={skill.key}>{t('profileEditor.loses', { name: skill.name, count: skill.endorsements })}</p>
          ))}
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button
          type="button"
          variant="primary"
          busy={save.isPending}
          busyLabel={t('common.saving')}
          onClick={submit}
        >
          {t('profileEditor.saveSkills')}
        </Button>
        {dirty ? <span className="muted">{t('profileEditor.unsaved')}</span> : null}
      </div>
    </section>
  );
}
