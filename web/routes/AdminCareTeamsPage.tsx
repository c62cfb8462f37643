import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCareAgents,
  useCareTeams,
  useCreateCareTeam,
  useDeleteCareTeam,
  useUpdateCareTeam,
} from '../api/care-channels.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { type FormErrors, formErrors, noErrors } from '../components/care/channels/field-errors.ts';
import { CheckField } from '../components/care/channels/forms/CheckField.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

interface Person {
  id: string;
  name: string;
  email: string;
}

/** Admin → Customer care → Teams: groups of agents, created, renamed, staffed and deleted. */
export function AdminCareTeamsPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.channels.teams.title'), t('admin.title'));
  const teams = useCareTeams();
  const agents = useCareAgents();
  if (teams.error) return <FormError message={errorMessage(t, teams.error)} />;
  if (!teams.data || !agents.data) return <Loading />;
  const candidates = agents.data.items;
  return (
    <>
      <h1>{t('care.channels.teams.title')}</h1>
      <p>{t('care.channels.teams.intro')}</p>
      {candidates.length === 0 ? <Notice tone="info">{t('care.channels.teams.noAgents')}</Notice> : null}
      {teams.data.items.length === 0 ? <p>{t('care.channels.teams.empty')}</p> : null}
      {teams.data.items.map((team) => (
        <TeamCard
          key={`${team.id}:${team.name}:${team.members.length}`}
          team={team}
          candidates={candidates}
        />
      ))}
      <TeamCard team={null} candidates={candidates} />
    </>
  );
}

function TeamCard({
  team,
  candidates,
}: {
  team: { id: string; name: string; members: Person[] } | null;
  candidates: Person[];
}) {
  const { t } = useTranslation();
  const create = useCreateCareTeam();
  const update = useUpdateCareTeam();
  const remove = useDeleteCareTeam();
  const [name, setName] = useState(team?.name ?? '');
  const [members, setMembers] = useState<Set<string>>(new Set(team?.members.map((m) => m.id)));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const people = [...new Map([...(team?.members ?? []), ...candidates].map((p) => [p.id, p])).values()];
  const titleId = `care-team-${team?.id ?? 'new'}`;
  const done = {
    onSuccess: () => {
      setSaved(true);
      if (!team) {
        setName('');
        setMembers(new Set());
      }
    },
    onError: (error: unknown) => setErrors(formErrors(t, error)),
  };
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{team ? team.name : t('care.channels.teams.create')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setErrors(noErrors);
          setSaved(false);
          const body = { name, memberIds: [...members] };
          if (team) update.mutate({ id: team.id, ...body }, done);
          else create.mutate(body, done);
        }}
      >
        <FormError message={errors.banner} />
        {saved ? <Notice>{t('care.channels.teams.saved')}</Notice> : null}
        <TextField
          label={t('care.channels.teams.name')}
          name="name"
          value={name}
          onChange={setName}
          maxLength={100}
          error={errors.fields.name}
        />
        <fieldset>
          <legend>{t('care.channels.teams.members')}</legend>
          <p className="field-hint">{t('care.channels.teams.membersHint')}</p>
          {errors.fields.memberIds ? <p className="field-error">{errors.fields.memberIds}</p> : null}
          {people.length === 0 ? <p>{t('care.channels.teams.noMembers')}</p> : null}
          {people.map((person) => (
            <CheckField
              key={person.id}
              label={`${person.name} (${person.email})`}
              checked={members.has(person.id)}
              onChange={(checked) => {
                const next = new Set(members);
                if (checked) next.add(person.id);
                else next.delete(person.id);
                setMembers(next);
              }}
            />
          ))}
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={create.isPending || update.isPending}>
            {team ? t('care.channels.teams.save') : t('care.channels.teams.create')}
          </Button>
          {team ? (
            <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
              {t('care.channels.teams.delete')}
            </Button>
          ) : null}
        </div>
      </form>
      {team ? (
        <ConfirmDialog
          open={confirming}
          title={t('care.channels.teams.deleteTitle', { name: team.name })}
          confirmLabel={t('care.channels.teams.delete')}
          danger
          busy={remove.isPending}
          error={remove.error ? errorMessage(t, remove.error) : null}
          onConfirm={() => remove.mutate(team.id, { onSuccess: () => setConfirming(false) })}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('care.channels.teams.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
