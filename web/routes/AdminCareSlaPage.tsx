import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARE_PRIORITIES } from '../../common/schemas/care-channels.ts';
import {
  useCareChannels,
  useCareSlaTargets,
  useDeleteCareSlaTarget,
  useSetCareSlaTarget,
} from '../api/care-channels.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { type FormErrors, formErrors, noErrors } from '../components/care/channels/field-errors.ts';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Select } from '../components/Select.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

const asNumber = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** Admin → Customer care → SLA targets: per channel (or all channels) and priority. */
export function AdminCareSlaPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.channels.sla.title'), t('admin.title'));
  const targets = useCareSlaTargets();
  const channels = useCareChannels();
  const set = useSetCareSlaTarget();
  const remove = useDeleteCareSlaTarget();
  const [channelId, setChannelId] = useState('');
  const [priority, setPriority] = useState<string>('normal');
  const [first, setFirst] = useState('60');
  const [resolution, setResolution] = useState('480');
  const [warn, setWarn] = useState('15');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  if (targets.error) return <FormError message={errorMessage(t, targets.error)} />;
  if (!targets.data || !channels.data) return <Loading />;
  const channelName = (id: string | null) =>
    id ? (channels.data.items.find((c) => c.id === id)?.name ?? id) : t('care.channels.sla.allChannels');
  const priorityLabel = (p: string) => t(`care.channels.sla.priorities.${p as 'normal'}`);
  return (
    <>
      <h1>{t('care.channels.sla.title')}</h1>
      <p>{t('care.channels.sla.intro')}</p>
      {remove.error ? <FormError message={errorMessage(t, remove.error)} /> : null}
      {targets.data.items.length === 0 ? (
        <p>{t('care.channels.sla.empty')}</p>
      ) : (
        <Table
          caption={t('care.channels.sla.caption')}
          columns={[
            t('care.channels.sla.channel'),
            t('care.channels.sla.priority'),
            t('care.channels.sla.firstResponse'),
            t('care.channels.sla.resolution'),
            t('care.channels.sla.warn'),
            '',
          ]}
        >
          {targets.data.items.map((target) => (
            <tr key={target.id}>
              <td>{channelName(target.channelId)}</td>
              <td>{priorityLabel(target.priority)}</td>
              <td>{target.firstResponseMinutes}</td>
              <td>{target.resolutionMinutes}</td>
              <td>{target.warnMinutes}</td>
              <td>
                <Button
                  type="button"
                  small
                  variant="quiet"
                  aria-label={t('care.channels.sla.removeLabel', {
                    channel: channelName(target.channelId),
                    priority: priorityLabel(target.priority),
                  })}
                  onClick={() => remove.mutate(target.id)}
                >
                  {t('care.channels.sla.remove')}
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <section className="card" aria-labelledby="care-sla-form-title">
        <h2 id="care-sla-form-title">{t('care.channels.sla.set')}</h2>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setErrors(noErrors);
            setSaved(false);
            set.mutate(
              {
                channelId: channelId || null,
                priority: priority as 'normal',
                firstResponseMinutes: asNumber(first),
                resolutionMinutes: asNumber(resolution),
                warnMinutes: asNumber(warn),
              },
              { onSuccess: () => setSaved(true), onError: (error) => setErrors(formErrors(t, error)) },
            );
          }}
        >
          <FormError message={errors.banner} />
          {saved ? <Notice>{t('care.channels.sla.saved')}</Notice> : null}
          <div className="form-grid">
            <Select
              label={t('care.channels.sla.channel')}
              name="channelId"
              value={channelId}
              options={[
                { value: '', label: t('care.channels.sla.allChannels') },
                ...channels.data.items.map((c) => ({ value: c.id, label: c.name })),
              ]}
              onChange={setChannelId}
            />
            <Select
              label={t('care.channels.sla.priority')}
              name="priority"
              value={priority}
              options={CARE_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(p) }))}
              onChange={setPriority}
            />
            {(
              [
                ['firstResponseMinutes', t('care.channels.sla.firstResponse'), first, setFirst],
                ['resolutionMinutes', t('care.channels.sla.resolution'), resolution, setResolution],
                ['warnMinutes', t('care.channels.sla.warn'), warn, setWarn],
              ] as const
            ).map(([name, label, value, onChange]) => (
              <TextField
                key={name}
                label={label}
                name={name}
                inputMode="numeric"
                value={value}
                onChange={onChange}
                error={errors.fields[name]}
              />
            ))}
          </div>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={set.isPending}>
              {t('care.channels.sla.set')}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}
