import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LegalHold, LegalHoldBody } from '../../../common/schemas/retention.ts';
import { useLegalHolds, usePlaceHold, useReleaseHold } from '../../api/retention.ts';
import { useDebouncedValue } from '../../forms/use-debounced-value.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Badge } from '../Badge.tsx';
import { Button } from '../Button.tsx';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { Notice } from '../Notice.tsx';
import { PersonSearchResults } from '../PersonSearchResults.tsx';
import { Select } from '../Select.tsx';
import { Table } from '../Table.tsx';
import { TextField } from '../TextField.tsx';

interface SpaceOption {
  id: string;
  name: string;
}

/** Admin → Retention → Legal holds: place one on a person or a space, release it. */
export function LegalHolds({ spaces }: { spaces: SpaceOption[] }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="legal-holds-title">
      <h2 id="legal-holds-title">{t('retention.holdsTitle')}</h2>
      <p>{t('retention.holdsIntro')}</p>
      <HoldForm spaces={spaces} />
      <HoldList />
    </section>
  );
}

function HoldForm({ spaces }: { spaces: SpaceOption[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [on, setOn] = useState<'person' | 'space'>('person');
  const [typed, setTyped] = useState('');
  const query = useDebouncedValue(typed.trim(), 250);
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [spaceId, setSpaceId] = useState('');
  const [placed, setPlaced] = useState<string | null>(null);
  const place = usePlaceHold();
  const form = useFormFeedback(['name', 'reason', 'userId', 'spaceId']);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setPlaced(null);
    const body = form.validate(LegalHoldBody, {
      name,
      reason,
      userId: on === 'person' ? chosen?.id : undefined,
      spaceId: on === 'space' && spaceId ? spaceId : undefined,
    });
    if (!body) return;
    place.mutate(body, {
      onSuccess: (hold) => {
        setPlaced(hold.name);
        setName('');
        setReason('');
        setChosen(null);
        setTyped('');
        setSpaceId('');
      },
      onError: (error) => form.showError(error),
    });
  }

  return (
    <div className="card">
      <h3>{t('retention.holdFormTitle')}</h3>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {placed ? (
          <Notice>
            <p>{t('retention.placed', { name: placed })}</p>
          </Notice>
        ) : null}
        <div className="form-grid">
          <TextField
            label={t('retention.holdName')}
            name="name"
            value={name}
            onChange={setName}
            maxLength={120}
            hint={t('retention.holdNameHint')}
            error={form.fieldErrors.name}
            required
          />
          <Select
            label={t('retention.holdOn')}
            name="on"
            value={on}
            onChange={(value) => setOn(value as 'person' | 'space')}
            options={[
              { value: 'person', label: t('retention.holdOnPerson') },
              { value: 'space', label: t('retention.holdOnSpace') },
            ]}
          />
        </div>
        {on === 'person' ? (
          chosen ? (
            <p>
              {t('retention.chosenPerson', { name: chosen.name })}{' '}
              <Button type="button" small onClick={() => setChosen(null)}>
                {t('retention.changePerson')}
              </Button>
            </p>
          ) : (
            <>
              <TextField
                label={t('retention.findPerson')}
                name="userId"
                type="search"
                autoComplete="off"
                value={typed}
                onChange={setTyped}
                error={form.fieldErrors.userId}
              />
              <PersonSearchResults
                query={query}
                excluded={() => false}
                label={t('retention.findPerson')}
                emptyText={t('retention.noPeople')}
                actionLabel={(person) => t('retention.choosePerson', { name: person })}
                onChoose={setChosen}
              />
            </>
          )
        ) : (
          <Select
            label={t('retention.space')}
            name="spaceId"
            value={spaceId}
            onChange={setSpaceId}
            error={form.fieldErrors.spaceId ?? form.fieldErrors.userId}
            options={[
              { value: '', label: t('retention.chooseSpace') },
              ...spaces.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
        <TextField
          label={t('retention.holdReason')}
          name="reason"
          multiline
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={setReason}
          error={form.fieldErrors.reason}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={place.isPending} busyLabel={t('common.saving')}>
            {t('retention.place')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function HoldList() {
  const { t, i18n } = useTranslation();
  const holds = useLegalHolds();
  const release = useReleaseHold();
  const [releasing, setReleasing] = useState<LegalHold | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = holds.data?.items ?? [];

  function confirmRelease() {
    if (!releasing) return;
    const hold = releasing;
    setError(null);
    release.mutate(hold.id, {
      onSuccess: () => {
        setReleasing(null);
        setNotice(t('retention.releasedNotice', { name: hold.name }));
      },
      onError: (err) => setError(errorMessage(t, err)),
    });
  }

  if (holds.isPending) return <Loading />;
  if (holds.isError) return <FormError message={errorMessage(t, holds.error)} />;
  return (
    <>
      {notice ? (
        <Notice>
          <p>{notice}</p>
        </Notice>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">{t('retention.noHolds')}</p>
      ) : (
        <Table
          caption={t('retention.holdsCaption')}
          columns={[
            t('retention.holdName'),
            t('retention.covers'),
            t('retention.placedBy'),
            t('retention.holdStatus'),
            t('common.actions'),
          ]}
        >
          {items.map((hold) => (
            <tr key={hold.id} data-testid="legal-hold">
              <th scope="row">
                {hold.name}
                {hold.reason ? <span className="muted"> · {hold.reason}</span> : null}
              </th>
              <td>{hold.person?.name ?? hold.space?.name ?? '—'}</td>
              <td>
                {t('retention.changedBy', {
                  date: formatDateTime(hold.placedAt, i18n.language),
                  name: hold.placedBy?.name ?? '—',
                })}
              </td>
              <td>
                {hold.releasedAt ? (
                  t('retention.releasedOn', {
                    date: formatDateTime(hold.releasedAt, i18n.language),
                    name: hold.releasedBy?.name ?? '—',
                  })
                ) : (
                  <Badge tone="warning">{t('retention.active')}</Badge>
                )}
              </td>
              <td>
                {hold.releasedAt ? (
                  <span className="muted">—</span>
                ) : (
                  <Button type="button" small onClick={() => setReleasing(hold)}>
                    {t('retention.release')}
                    <span className="sr-only"> {hold.name}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ConfirmDialog
        open={releasing !== null}
        title={t('retention.releaseTitle', { name: releasing?.name ?? '' })}
        confirmLabel={t('retention.release')}
        busy={release.isPending}
        error={error}
        onConfirm={confirmRelease}
        onCancel={() => {
          setReleasing(null);
          setError(null);
        }}
      >
        <p>{t('retention.releaseText')}</p>
      </ConfirmDialog>
    </>
  );
}
