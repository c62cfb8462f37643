import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Cohort, CohortBody } from '../../common/schemas/analytics.ts';
import { useCohorts, useCreateCohort, useDeleteCohort, useUpdateCohort } from '../api/analytics.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { useAnalytics } from '../components/analytics/analytics-context.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Select } from '../components/Select.tsx';
import { PeoplePicker, type Picked } from '../components/spaces/PeoplePicker.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

type Kind = Cohort['kind'];

/** Cohorts: named groups of people or spaces to filter the dashboards by (admins, analysts). */
export function AnalyticsCohortsTab() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('analytics.tabs.cohorts'), t('analytics.title'));
  const { scope } = useAnalytics();
  const canManage = scope.audience !== 'space_owner';
  const cohorts = useCohorts(canManage);
  const remove = useDeleteCohort();
  const [editing, setEditing] = useState<Cohort | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Cohort | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!canManage) return <p>{t('analytics.cohorts.readOnly')}</p>;
  if (cohorts.isPending) return <Loading />;
  if (cohorts.isError) return <FormError message={errorMessage(t, cohorts.error)} />;
  const items = cohorts.data.items;

  return (
    <div className="cohorts">
      <h2>{t('analytics.cohorts.title')}</h2>
      <p>{t('analytics.cohorts.intro')}</p>
      {notice ? (
        <Notice>
          <p>{notice}</p>
        </Notice>
      ) : null}
      {editing === null ? (
        <p>
          <Button
            type="button"
            variant="primary"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('analytics.cohorts.new')}
          </Button>
        </p>
      ) : (
        <CohortForm
          key={editing === 'new' ? 'new' : editing.id}
          cohort={editing === 'new' ? null : editing}
          spaces={scope.spaces}
          onCancel={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setNotice(
              t(created ? 'analytics.cohorts.created' : 'analytics.cohorts.savedNotice', {
                name: saved.name,
              }),
            );
          }}
        />
      )}
      {items.length === 0 ? (
        <p className="muted">{t('analytics.cohorts.empty')}</p>
      ) : (
        <Table
          caption={t('analytics.cohorts.caption')}
          columns={[
            t('analytics.cohorts.name'),
            t('analytics.cohorts.kind'),
            t('analytics.cohorts.members'),
            t('analytics.cohorts.updated'),
            t('common.actions'),
          ]}
        >
          {items.map((cohort) => (
            <tr key={cohort.id} data-testid="cohort-row">
              <th scope="row">{cohort.name}</th>
              <td>{t(`analytics.cohorts.kinds.${cohort.kind}`)}</td>
              <td>
                {t('analytics.cohorts.membersCount', { count: cohort.members.length + cohort.hiddenMembers })}
              </td>
              <td>{formatDateTime(cohort.updatedAt, i18n.language)}</td>
              <td>
                <div className="row-actions">
                  <Button
                    type="button"
                    small
                    onClick={() => {
                      setNotice(null);
                      setEditing(cohort);
                    }}
                  >
                    {t('analytics.cohorts.edit')}
                    <span className="sr-only"> {cohort.name}</span>
                  </Button>
                  <Button
                    type="button"
                    small
                    variant="danger"
                    onClick={() => {
                      setNotice(null);
                      remove.reset();
                      setDeleting(cohort);
                    }}
                  >
                    {t('analytics.cohorts.delete')}
                    <span className="sr-only"> {cohort.name}</span>
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('analytics.cohorts.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('analytics.cohorts.delete')}
        busyLabel={t('common.working')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const name = deleting.name;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice(t('analytics.cohorts.deleted', { name }));
            },
          });
        }}
      >
        <p>{t('analytics.cohorts.deleteText')}</p>
      </ConfirmDialog>
    </div>
  );
}

function CohortForm({
  cohort,
  spaces,
  onCancel,
  onSaved,
}: {
  cohort: Cohort | null;
  spaces: readonly { id: string; name: string }[];
  onCancel: () => void;
  onSaved: (cohort: Cohort, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(cohort?.name ?? '');
  const [kind, setKind] = useState<Kind>(cohort?.kind ?? 'people');
  const [people, setPeople] = useState<Picked[]>(cohort?.kind === 'people' ? cohort.members : []);
  const [spaceIds, setSpaceIds] = useState<Set<string>>(
    new Set(cohort?.kind === 'spaces' ? cohort.members.map((m) => m.id) : []),
  );
  const [spaceQuery, setSpaceQuery] = useState('');
  const form = useFormFeedback(['name', 'memberIds']);
  const create = useCreateCohort();
  const update = useUpdateCohort();
  const busy = create.isPending || update.isPending;
  const memberIds = kind === 'people' ? people.map((p) => p.id) : [...spaceIds];
  const shownSpaces = spaces.filter((s) => s.name.toLowerCase().includes(spaceQuery.trim().toLowerCase()));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const body = form.validate(CohortBody, { name, kind, memberIds });
    if (!body) return;
    const done = { onError: (error: unknown) => form.showError(error) };
    if (cohort) {
      update.mutate(
        { id: cohort.id, name: body.name, memberIds: body.memberIds },
        { ...done, onSuccess: (saved) => onSaved(saved, false) },
      );
    } else {
      create.mutate(body, { ...done, onSuccess: (saved) => onSaved(saved, true) });
    }
  }

  return (
    <section className="card cohort-form" aria-labelledby="cohort-form-title">
      <h3 id="cohort-form-title">
        {cohort ? t('analytics.cohorts.editTitle', { name: cohort.name }) : t('analytics.cohorts.new')}
      </h3>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        <div className="form-grid">
          <TextField
            label={t('analytics.cohorts.name')}
            name="name"
            value={name}
            onChange={setName}
            maxLength={80}
            required
            error={form.fieldErrors.name}
          />
          {cohort ? null : (
            <Select
              label={t('analytics.cohorts.kind')}
              name="kind"
              value={kind}
              onChange={(value) => setKind(value as Kind)}
              options={(['people', 'spaces'] as const).map((value) => ({
                value,
                label: t(`analytics.cohorts.kinds.${value}`),
              }))}
            />
          )}
        </div>
        {kind === 'people' ? (
          <PeoplePicker
            picked={people}
            onChange={setPeople}
            error={form.fieldErrors.memberIds}
            label={t('analytics.cohorts.findPerson')}
            pickedLabel={t('analytics.cohorts.members')}
          />
        ) : (
          <fieldset className="cohort-spaces">
            <legend>{t('analytics.cohorts.pickSpaces')}</legend>
            <TextField
              label={t('analytics.cohorts.findSpace')}
              name="spaceQuery"
              type="search"
              value={spaceQuery}
              onChange={setSpaceQuery}
              error={form.fieldErrors.memberIds}
            />
            {shownSpaces.length === 0 ? (
              <p className="muted">{t('analytics.cohorts.noSpaces')}</p>
            ) : (
              <ul className="cohort-space-list">
                {shownSpaces.map((space) => (
                  <li key={space.id}>
                    <label className="check-field">
                      <input
                        type="checkbox"
                        checked={spaceIds.has(space.id)}
                        onChange={(event) => {
                          const next = new Set(spaceIds);
                          if (event.target.checked) next.add(space.id);
                          else next.delete(space.id);
                          setSpaceIds(next);
                        }}
                      />{' '}
                      {space.name}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        )}
        <div className="form-actions">
          <Button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel={t('common.saving')}>
            {cohort ? t('analytics.cohorts.save') : t('analytics.cohorts.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
