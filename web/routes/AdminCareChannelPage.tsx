import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { type CareChannel, CareChannelKind } from '../../common/schemas/care-channels.ts';
import {
  useCareChannel,
  useCareTeams,
  useCreateCareChannel,
  useDeleteCareChannel,
  useUpdateCareChannel,
} from '../api/care-channels.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ChannelTest } from '../components/care/channels/ChannelTest.tsx';
import { ConnectorWebhook } from '../components/care/channels/ConnectorWebhook.tsx';
import { EmbedSnippet } from '../components/care/channels/EmbedSnippet.tsx';
import { type FormErrors, formErrors, noErrors } from '../components/care/channels/field-errors.ts';
import { CheckField } from '../components/care/channels/forms/CheckField.tsx';
import { ConnectorSettings } from '../components/care/channels/forms/ConnectorSettings.tsx';
import { EmailSettings } from '../components/care/channels/forms/EmailSettings.tsx';
import { FeedSettings } from '../components/care/channels/forms/FeedSettings.tsx';
import type { SettingsFormProps } from '../components/care/channels/forms/types.ts';
import { WidgetSettings } from '../components/care/channels/forms/WidgetSettings.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Select } from '../components/Select.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

type Kind = CareChannelKind;

const FORMS: Record<Kind, (props: SettingsFormProps) => React.ReactNode> = {
  email: EmailSettings,
  widget: WidgetSettings,
  feed: FeedSettings,
  connector: ConnectorSettings,
};

const DEFAULTS: Record<Kind, Record<string, unknown>> = {
  email: { addresses: [], fromName: '', signature: '' },
  widget: { allowedOrigins: [], greetingFr: '', greetingEn: '', requireEmail: false },
  feed: { url: '', intervalMinutes: 15, tag: '' },
  connector: { connector: 'community-forum', replyUrl: '' },
};

/** Admin → Customer care → a channel: its settings (a form per kind), test, embed code or webhook. */
export function AdminCareChannelPage() {
  const { t } = useTranslation();
  const { id, kind } = useParams();
  if (!id) {
    const parsed = CareChannelKind.safeParse(kind);
    return parsed.success ? <NewChannel kind={parsed.data} /> : <p>{t('notFound.title')}</p>;
  }
  return <ExistingChannel id={id} />;
}

function NewChannel({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const title = t('care.channels.channel.newTitle', { kind: t(`care.channels.kinds.${kind}`) });
  usePageTitle(title, t('admin.title'));
  const create = useCreateCareChannel();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  return (
    <>
      <p>
        <Link to="/admin/care/channels">{t('care.channels.channel.back')}</Link>
      </p>
      <h1>{title}</h1>
      <ChannelForm
        kind={kind}
        initial={{ name: '', enabled: true, settings: DEFAULTS[kind], defaultTeamId: null }}
        errors={errors}
        busy={create.isPending}
        submitLabel={t('care.channels.channel.create')}
        onSubmit={(values) => {
          setErrors(noErrors);
          create.mutate(
            { kind, ...values },
            {
              onSuccess: (channel) =>
                navigate(`/admin/care/channels/${channel.id}`, {
                  state: { created: true, secret: channel.secret },
                }),
              onError: (error) => setErrors(formErrors(t, error)),
            },
          );
        }}
      />
    </>
  );
}

function ExistingChannel({ id }: { id: string }) {
  const { t } = useTranslation();
  const channel = useCareChannel(id);
  const location = useLocation();
  const state = (location.state ?? {}) as { created?: boolean; secret?: string | null };
  usePageTitle(channel.data?.name ?? t('care.channels.channel.settings'), t('admin.title'));
  if (channel.error) return <FormError message={errorMessage(t, channel.error)} />;
  if (!channel.data) return <Loading />;
  return (
    <>
      <p>
        <Link to="/admin/care/channels">{t('care.channels.channel.back')}</Link>
      </p>
      <h1>{channel.data.name}</h1>
      <p className="eyebrow">{t(`care.channels.kinds.${channel.data.kind}`)}</p>
      {state.created ? <Notice>{t('care.channels.channel.created')}</Notice> : null}
      {channel.data.lastError ? (
        <Notice tone="warning">
          {t('care.channels.channel.lastError', { error: channel.data.lastError })}
        </Notice>
      ) : null}
      <EditChannel key={channel.data.updatedAt} channel={channel.data} />
      {channel.data.kind === 'widget' ? <EmbedSnippet channel={channel.data} /> : null}
      {channel.data.kind === 'connector' ? (
        <ConnectorWebhook channel={channel.data} secret={state.secret ?? null} />
      ) : null}
      <ChannelTest channelId={channel.data.id} />
      <DeleteChannel channel={channel.data} />
    </>
  );
}

function EditChannel({ channel }: { channel: CareChannel }) {
  const { t } = useTranslation();
  const update = useUpdateCareChannel(channel.id);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  return (
    <>
      {saved ? <Notice>{t('care.channels.channel.saved')}</Notice> : null}
      <ChannelForm
        kind={channel.kind}
        initial={channel}
        errors={errors}
        busy={update.isPending}
        submitLabel={t('care.channels.channel.save')}
        onSubmit={(values) => {
          setErrors(noErrors);
          setSaved(false);
          update.mutate(values, {
            onSuccess: () => setSaved(true),
            onError: (error) => setErrors(formErrors(t, error)),
          });
        }}
      />
    </>
  );
}

interface ChannelValues {
  name: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  defaultTeamId: string | null;
}

function ChannelForm(props: {
  kind: Kind;
  initial: ChannelValues;
  errors: FormErrors;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: ChannelValues) => void;
}) {
  const { t } = useTranslation();
  const teams = useCareTeams();
  const [name, setName] = useState(props.initial.name);
  const [enabled, setEnabled] = useState(props.initial.enabled);
  const [settings, setSettings] = useState(props.initial.settings);
  const [team, setTeam] = useState(props.initial.defaultTeamId ?? '');
  const Form = FORMS[props.kind];
  return (
    <section className="card" aria-labelledby="care-settings-title">
      <h2 id="care-settings-title">{t('care.channels.channel.settings')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit({ name, enabled, settings, defaultTeamId: team || null });
        }}
      >
        <FormError message={props.errors.banner} />
        <TextField
          label={t('care.channels.channel.name')}
          name="name"
          value={name}
          onChange={setName}
          maxLength={100}
          error={props.errors.fields.name}
        />
        <Form settings={settings} onChange={setSettings} errors={props.errors.fields} />
        <Select
          label={t('care.channels.channel.defaultTeam')}
          name="defaultTeamId"
          value={team}
          options={[
            { value: '', label: t('care.channels.channel.noTeam') },
            ...(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
          ]}
          onChange={setTeam}
          error={props.errors.fields.defaultTeamId}
        />
        <CheckField label={t('care.channels.channel.enabled')} checked={enabled} onChange={setEnabled} />
        <div className="form-actions">
          <Button
            type="submit"
            variant="primary"
            busy={props.busy}
            busyLabel={t('care.channels.channel.saving')}
          >
            {props.submitLabel}
          </Button>
        </div>
      </form>
    </section>
  );
}

function DeleteChannel({ channel }: { channel: CareChannel }) {
  const { t } = useTranslation();
  const remove = useDeleteCareChannel(channel.id);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="form-actions">
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        {t('care.channels.channel.delete')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('care.channels.channel.deleteTitle', { name: channel.name })}
        confirmLabel={t('care.channels.channel.deleteConfirm')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/admin/care/channels') })}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        <p>{t('care.channels.channel.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
