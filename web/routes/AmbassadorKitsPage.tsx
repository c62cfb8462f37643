import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Kit, KitBody } from '../../common/schemas/ambassadors.ts';
import { useKitStatus, useKits, useRemoveKitImage, useSaveKit } from '../api/ambassadors.ts';
import { isApiError } from '../api/client.ts';
import { useDirectory } from '../api/people.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { endOfLocalDay, formatDate, startOfLocalDay } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';
import { AmbassadorTabs } from './AmbassadorsPage.tsx';

const VARIANTS = ['linkedin', 'x', 'facebook', 'bluesky'] as const;
const FIELDS = ['title', 'texts', 'targetUrl', 'startsAt', 'endsAt', 'departmentIds', 'siteIds'];
const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

const day = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Draft {
  title: string;
  texts: Record<string, string>;
  targetUrl: string;
  editable: boolean;
  disclosure: boolean;
  departmentIds: string[];
  siteIds: string[];
  from: string;
  to: string;
}

const blank = (): Draft => ({
  title: '',
  texts: { generic: '' },
  targetUrl: '',
  editable: true,
  disclosure: true,
  departmentIds: [],
  siteIds: [],
  from: day(new Date().toISOString()),
  to: day(new Date(Date.now() + 30 * 86_400_000).toISOString()),
});

const fromKit = (kit: Kit): Draft => ({
  title: kit.title,
  texts: { ...kit.texts },
  targetUrl: kit.targetUrl,
  editable: kit.editable,
  disclosure: kit.disclosure,
  departmentIds: kit.departmentIds,
  siteIds: kit.siteIds,
  from: day(kit.startsAt),
  to: day(kit.endsAt),
});

/** /ambassadors/kits (communication managers): write, publish and archive share kits. */
export function AmbassadorKitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('ambassadors.manage.kits.title'), t('ambassadors.title'));
  const [editing, setEditing] = useState<Kit | null>(null);
  return (
    <>
      <h1>{t('ambassadors.manage.kits.title')}</h1>
      <AmbassadorTabs />
      <p>{t('ambassadors.manage.kits.intro')}</p>
      <KitForm key={editing?.id ?? 'new'} kit={editing} onDone={() => setEditing(null)} />
      <KitList onEdit={setEditing} />
    </>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="check-field">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {label}
    </label>
  );
}

function KitForm({ kit, onDone }: { kit: Kit | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => (kit ? fromKit(kit) : blank()));
  const [saved, setSaved] = useState(false);
  const [image, setImage] = useState<File | null>(null);
  const [imageKey, setImageKey] = useState(0);
  const save = useSaveKit();
  const directory = useDirectory();
  const form = useFormFeedback(FIELDS);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const texts = Object.fromEntries(
      Object.entries(draft.texts).filter(([k, v]) => k === 'generic' || v.trim()),
    );
    const body = form.validate(KitBody, {
      title: draft.title,
      texts,
      targetUrl: draft.targetUrl,
      editable: draft.editable,
      disclosure: draft.disclosure,
      departmentIds: draft.departmentIds,
      siteIds: draft.siteIds,
      startsAt: startOfLocalDay(draft.from) ?? '',
      endsAt: endOfLocalDay(draft.to) ?? '',
    });
    if (!body) return;
    save.mutate(
      { id: kit?.id ?? null, body, image },
      {
        onSuccess: () => {
          setSaved(true);
          setImage(null);
          setImageKey((k) => k + 1);
          if (kit) onDone();
          else setDraft(blank());
        },
        onError: (error) =>
          isApiError(error, 'unsupported_media_type')
            ? form.showBanner(t('ambassadors.manage.kits.imageUnreadable'))
            : form.showError(error),
      },
    );
  }

  const titleId = 'kit-form-title';
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {kit
          ? t('ambassadors.manage.kits.editTitle', { title: kit.title })
          : t('ambassadors.manage.kits.newTitle')}
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {saved ? (
          <Notice>
            <p>{t('ambassadors.manage.kits.saved')}</p>
          </Notice>
        ) : null}
        <TextField
          label={t('ambassadors.manage.kits.kitTitle')}
          name="title"
          value={draft.title}
          onChange={(title) => set({ title })}
          error={form.fieldErrors.title}
          required
          maxLength={200}
        />
        <TextField
          label={t('ambassadors.manage.kits.generic')}
          name="texts.generic"
          multiline
          rows={4}
          value={draft.texts.generic ?? ''}
          onChange={(v) => set({ texts: { ...draft.texts, generic: v } })}
          error={form.fieldErrors.texts ?? form.fieldErrors['texts.generic']}
          required
        />
        <div className="form-grid">
          {VARIANTS.map((n) => (
            <TextField
              key={n}
              label={t('ambassadors.manage.kits.variant', { network: t(`ambassadors.networks.${n}`) })}
              name={`texts.${n}`}
              multiline
              rows={3}
              value={draft.texts[n] ?? ''}
              onChange={(v) => set({ texts: { ...draft.texts, [n]: v } })}
              error={form.fieldErrors[`texts.${n}`]}
            />
          ))}
        </div>
        <div className="form-grid">
          <TextField
            label={t('ambassadors.manage.kits.targetUrl')}
            name="targetUrl"
            type="url"
            hint={t('ambassadors.manage.kits.targetUrlHint')}
            value={draft.targetUrl}
            onChange={(targetUrl) => set({ targetUrl })}
            error={form.fieldErrors.targetUrl}
            required
          />
        </div>
        <KitImageField
          key={imageKey}
          kit={kit}
          chosen={image}
          onChoose={(file) => {
            setSaved(false);
            setImage(file);
          }}
        />
        <div className="form-grid">
          <TextField
            label={t('ambassadors.manage.kits.startsAt')}
            name="startsAt"
            type="date"
            value={draft.from}
            onChange={(from) => set({ from })}
            error={form.fieldErrors.startsAt}
            required
          />
          <TextField
            label={t('ambassadors.manage.kits.endsAt')}
            name="endsAt"
            type="date"
            value={draft.to}
            onChange={(to) => set({ to })}
            error={form.fieldErrors.endsAt}
            required
          />
        </div>
        <Check
          label={t('ambassadors.manage.kits.editable')}
          checked={draft.editable}
          onChange={(editable) => set({ editable })}
        />
        <Check
          label={t('ambassadors.manage.kits.disclosure')}
          checked={draft.disclosure}
          onChange={(disclosure) => set({ disclosure })}
        />
        <fieldset>
          <legend>{t('ambassadors.manage.kits.audience')}</legend>
          <p className="muted">{t('ambassadors.manage.kits.audienceHint')}</p>
          {(['departments', 'sites'] as const).map((kind) => {
            const key = kind === 'departments' ? 'departmentIds' : 'siteIds';
            const options = directory.data?.[kind] ?? [];
            if (options.length === 0) return null;
            return (
              <div key={kind}>
                <h3>{t(`ambassadors.manage.kits.${kind}`)}</h3>
                {options.map((o) => (
                  <Check
                    key={o.id}
                    label={o.name}
                    checked={draft[key].includes(o.id)}
                    onChange={(on) => set({ [key]: toggle(draft[key], o.id, on) })}
                  />
                ))}
              </div>
            );
          })}
        </fieldset>
        <div className="form-actions">
          {kit ? (
            <Button type="button" onClick={onDone}>
              {t('ambassadors.manage.kits.cancelEdit')}
            </Button>
          ) : null}
          <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
            {kit ? t('ambassadors.manage.kits.saveChanges') : t('ambassadors.manage.kits.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The kit's image: a file chosen here goes up once the kit is saved; the current one can go. */
function KitImageField({
  kit,
  chosen,
  onChoose,
}: {
  kit: Kit | null;
  chosen: File | null;
  onChoose: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const remove = useRemoveKitImage();
  const current = kit ? remove.data?.imageUrl !== null && kit.imageUrl : null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('ambassadors.manage.kits.image')}</label>
      <span id={`${id}-hint`} className="field-hint">
        {t('ambassadors.manage.kits.imageHint')}
      </span>
      {current && !chosen ? (
        <p>
          <img src={current} alt={t('ambassadors.manage.kits.currentImage')} className="kit-image" />{' '}
          <Button
            type="button"
            small
            busy={remove.isPending}
            busyLabel={t('common.working')}
            onClick={() => kit && remove.mutate(kit.id)}
          >
            {t('ambassadors.manage.kits.removeImage')}
          </Button>
        </p>
      ) : null}
      <FormError message={remove.error ? errorMessage(t, remove.error) : null} />
      <input
        id={id}
        name="image"
        type="file"
        accept={IMAGE_TYPES}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChoose(event.target.files?.[0] ?? null)}
      />
      {chosen ? (
        <p className="muted">{t('ambassadors.manage.kits.imageChosen', { name: chosen.name })}</p>
      ) : null}
    </div>
  );
}

function KitList({ onEdit }: { onEdit: (kit: Kit) => void }) {
  const { t, i18n } = useTranslation();
  const kits = useKits();
  const status = useKitStatus();
  const items = kits.data?.items ?? [];
  const tone = { draft: 'neutral', published: 'success', archived: 'warning' } as const;
  return (
    <section className="section" aria-labelledby="kit-list-title">
      <h2 id="kit-list-title">{t('ambassadors.manage.kits.listTitle')}</h2>
      <FormError message={status.error ? errorMessage(t, status.error) : null} />
      {kits.isPending ? (
        <Loading />
      ) : kits.isError ? (
        <FormError message={errorMessage(t, kits.error)} />
      ) : items.length === 0 ? (
        <p>{t('ambassadors.manage.kits.empty')}</p>
      ) : (
        <Table
          caption={t('ambassadors.manage.kits.listTitle')}
          columns={[
            t('ambassadors.manage.kits.kitTitle'),
            t('ambassadors.manage.kits.startsAt'),
            t('ambassadors.manage.kits.audience'),
            t('common.actions'),
          ]}
        >
          {items.map((kit) => (
            <tr key={kit.id}>
              <td>
                {kit.title}{' '}
                <Badge tone={tone[kit.status]}>{t(`ambassadors.manage.kits.status.${kit.status}`)}</Badge>
              </td>
              <td>
                {t('ambassadors.manage.kits.period', {
                  from: formatDate(kit.startsAt, i18n.language),
                  to: formatDate(kit.endsAt, i18n.language),
                })}
              </td>
              <td>{kit.departmentIds.length + kit.siteIds.length || '—'}</td>
              <td>
                {kit.status !== 'archived' ? (
                  <Button type="button" small onClick={() => onEdit(kit)}>
                    {t('ambassadors.manage.kits.edit')}
                    <span className="sr-only"> {kit.title}</span>
                  </Button>
                ) : null}{' '}
                {kit.status === 'draft' ? (
                  <Button
                    type="button"
                    small
                    variant="primary"
                    onClick={() => status.mutate({ id: kit.id, to: 'publish' })}
                  >
                    {t('ambassadors.manage.kits.publish')}
                    <span className="sr-only"> {kit.title}</span>
                  </Button>
                ) : null}{' '}
                {kit.status !== 'archived' ? (
                  <Button type="button" small onClick={() => status.mutate({ id: kit.id, to: 'archive' })}>
                    {t('ambassadors.manage.kits.archive')}
                    <span className="sr-only"> {kit.title}</span>
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
