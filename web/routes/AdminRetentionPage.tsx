import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PreviewBody, type RetentionRule, RuleBody } from '../../common/schemas/retention.ts';
import { SPACE_TYPES, type SpaceType } from '../../common/schemas/spaces.ts';
import { usePreviewRule, useRemoveRule, useRetention, useSetRule } from '../api/retention.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { LegalHolds } from '../components/retention/LegalHolds.tsx';
import { RetentionRuns } from '../components/retention/RetentionRuns.tsx';
import { Select } from '../components/Select.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

type Scope = RetentionRule['scope'];

/** Admin → Retention: rules, the daily job and legal holds. */
export function AdminRetentionPage() {
  const { t } = useTranslation();
  usePageTitle(t('retention.title'), t('admin.title'));
  const retention = useRetention();
  return (
    <>
      <h1>{t('retention.title')}</h1>
      <p>{t('retention.intro')}</p>
      {retention.isPending ? (
        <Loading />
      ) : retention.isError ? (
        <FormError message={errorMessage(t, retention.error)} />
      ) : (
        <>
          <RuleForm spaces={retention.data.spaces} />
          <RuleList rules={retention.data.rules} />
          <RetentionRuns nextRunAt={retention.data.nextRunAt} />
          <LegalHolds spaces={retention.data.spaces} />
        </>
      )}
    </>
  );
}

function RuleForm({ spaces }: { spaces: { id: string; name: string; type: SpaceType }[] }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('space_type');
  const [spaceType, setSpaceType] = useState<SpaceType>('event');
  const [spaceId, setSpaceId] = useState('');
  const [policy, setPolicy] = useState<'keep' | 'delete'>('delete');
  const [days, setDays] = useState('730');
  const [saved, setSaved] = useState(false);
  const form = useFormFeedback(['scope', 'spaceType', 'spaceId', 'keepDays']);
  const save = useSetRule();
  const preview = usePreviewRule();

  const values = (keep: boolean) => ({
    scope,
    spaceType: scope === 'space_type' ? spaceType : undefined,
    spaceId: scope === 'space' && spaceId ? spaceId : undefined,
    keepDays: keep ? null : /^\d+$/.test(days.trim()) ? Number(days.trim()) : Number.NaN,
  });
  const edited = () => {
    setSaved(false);
    preview.reset();
  };

  function runPreview() {
    form.clear();
    setSaved(false);
    const body = form.validate(PreviewBody, values(false));
    if (!body) return;
    preview.mutate(body, { onError: (error) => form.showError(error) });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setSaved(false);
    const body = form.validate(RuleBody, values(policy === 'keep'));
    if (!body) return;
    save.mutate(body, { onSuccess: () => setSaved(true), onError: (error) => form.showError(error) });
  }

  return (
    <section className="card" aria-labelledby="retention-edit-title">
      <h2 id="retention-edit-title">{t('retention.editTitle')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {saved ? (
          <Notice>
            <p>{t('retention.saved')}</p>
          </Notice>
        ) : null}
        <div className="form-grid">
          <Select
            label={t('retention.appliesTo')}
            name="scope"
            value={scope}
            onChange={(value) => {
              setScope(value as Scope);
              edited();
            }}
            error={form.fieldErrors.scope}
            options={(['organisation', 'space_type', 'space'] as const).map((value) => ({
              value,
              label: t(`retention.scopes.${value}`),
            }))}
          />
          {scope === 'space_type' ? (
            <Select
              label={t('retention.spaceType')}
              name="spaceType"
              value={spaceType}
              onChange={(value) => {
                setSpaceType(value as SpaceType);
                edited();
              }}
              error={form.fieldErrors.spaceType}
              options={SPACE_TYPES.map((value) => ({ value, label: t(`spaceTypes.${value}`) }))}
            />
          ) : null}
          {scope === 'space' ? (
            <Select
              label={t('retention.space')}
              name="spaceId"
              value={spaceId}
              onChange={(value) => {
                setSpaceId(value);
                edited();
              }}
              error={form.fieldErrors.spaceId}
              options={[
                { value: '', label: t('retention.chooseSpace') },
                ...spaces.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          ) : null}
          <Select
            label={t('retention.policy')}
            name="policy"
            value={policy}
            onChange={(value) => {
              setPolicy(value as 'keep' | 'delete');
              edited();
            }}
            options={[
              { value: 'keep', label: t('retention.keepForever') },
              { value: 'delete', label: t('retention.deleteOlder') },
            ]}
          />
          {policy === 'delete' ? (
            <TextField
              label={t('retention.days')}
              name="keepDays"
              inputMode="numeric"
              value={days}
              onChange={(value) => {
                setDays(value);
                edited();
              }}
              hint={t('retention.daysHint')}
              error={form.fieldErrors.keepDays}
              required
            />
          ) : null}
        </div>
        {preview.data ? (
          <div data-testid="retention-preview">
            <Notice tone="info">
              <p>
                {t('retention.previewResult', { count: preview.data.posts })}
                {preview.data.held > 0 ? ` ${t('retention.previewHeld', { count: preview.data.held })}` : ''}
              </p>
            </Notice>
          </div>
        ) : null}
        <div className="form-actions">
          {policy === 'delete' ? (
            <Button
              type="button"
              busy={preview.isPending}
              busyLabel={t('retention.previewing')}
              onClick={runPreview}
            >
              {t('retention.preview')}
            </Button>
          ) : null}
          <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
            {t('retention.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function RuleList({ rules }: { rules: RetentionRule[] }) {
  const { t, i18n } = useTranslation();
  const remove = useRemoveRule();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const place = (rule: RetentionRule) =>
    rule.scope === 'organisation'
      ? t('retention.organisationDefault')
      : rule.scope === 'space_type'
        ? t('retention.typeOf', { type: t(`spaceTypes.${rule.spaceType ?? 'project'}`) })
        : (rule.space?.name ?? '—');

  function removeRule(rule: RetentionRule) {
    setNotice(null);
    setError(null);
    remove.mutate(
      {
        scope: rule.scope,
        spaceType: rule.spaceType ?? undefined,
        spaceId: rule.space?.id,
      },
      {
        onSuccess: () => setNotice(t('retention.removed')),
        onError: (err) => setError(errorMessage(t, err)),
      },
    );
  }

  return (
    <section className="section" aria-labelledby="retention-rules-title">
      <h2 id="retention-rules-title">{t('retention.rulesTitle')}</h2>
      {rules.some((r) => r.scope === 'organisation') ? null : (
        <p className="muted">{t('retention.noOrganisationRule')}</p>
      )}
      <FormError message={error} />
      {notice ? (
        <Notice>
          <p>{notice}</p>
        </Notice>
      ) : null}
      {rules.length > 0 ? (
        <Table
          caption={t('retention.rulesCaption')}
          columns={[
            t('retention.appliesTo'),
            t('retention.policy'),
            t('retention.changed'),
            t('common.actions'),
          ]}
        >
          {rules.map((rule) => (
            <tr key={rule.key} data-testid="retention-rule">
              <th scope="row">{place(rule)}</th>
              <td>
                {rule.keepDays === null
                  ? t('retention.forever')
                  : t('retention.deleteAfter', { count: rule.keepDays })}
              </td>
              <td>
                {t('retention.changedBy', {
                  date: formatDateTime(rule.updatedAt, i18n.language),
                  name: rule.updatedBy?.name ?? '—',
                })}
              </td>
              <td>
                {rule.scope === 'organisation' ? (
                  <span className="muted">—</span>
                ) : (
                  <Button
                    type="button"
                    small
                    variant="danger"
                    disabled={remove.isPending}
                    onClick={() => removeRule(rule)}
                  >
                    {t('retention.remove')}
                    <span className="sr-only"> {place(rule)}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
    </section>
  );
}
