import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContentRuleAction } from '../../common/content-rules.ts';
import {
  type ContentRule,
  ContentRuleBody,
  type ContentRulePreview,
  ContentRulePreviewBody,
} from '../../common/schemas/content-rules.ts';
import {
  useContentRules,
  useCreateContentRule,
  useDeleteContentRule,
  usePreviewContentRule,
} from '../api/content-rules.ts';
import { useSpaces } from '../api/spaces.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Select } from '../components/Select.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

const ORGANISATION = '';

/** Administration → Content rules: words refused or held for review, with a preview of their reach. */
export function AdminContentRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('contentRules.title'), t('admin.title'));
  return (
    <>
      <h1>{t('contentRules.title')}</h1>
      <p>{t('contentRules.intro')}</p>
      <RuleForm />
      <RuleList />
    </>
  );
}

function RuleForm() {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [spaceId, setSpaceId] = useState(ORGANISATION);
  const [spaceSearch, setSpaceSearch] = useState('');
  const [action, setAction] = useState<ContentRuleAction>('reject');
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateContentRule();
  const preview = usePreviewContentRule();
  const spaces = useSpaces({ filter: 'all', q: spaceSearch.trim() || undefined });
  const form = useFormFeedback(['term', 'spaceId', 'action', 'note']);
  const spaceOptions = spaces.data?.pages.flatMap((page) => page.items) ?? [];

  function values() {
    return { term, action, note, spaceId: spaceId === ORGANISATION ? null : spaceId };
  }

  function runPreview() {
    form.clear();
    setAdded(null);
    const body = form.validate(ContentRulePreviewBody, values());
    if (!body) return;
    preview.mutate(body, { onError: (error) => form.showError(error) });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setAdded(null);
    const body = form.validate(ContentRuleBody, values());
    if (!body) return;
    create.mutate(body, {
      onSuccess: (rule) => {
        setAdded(rule.term);
        setTerm('');
        setNote('');
        preview.reset();
      },
      onError: (error) => form.showError(error),
    });
  }

  return (
    <section className="card" aria-labelledby="rule-form-title">
      <h2 id="rule-form-title">{t('contentRules.formTitle')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {added ? (
          <Notice>
            <p>{t('contentRules.added', { term: added })}</p>
          </Notice>
        ) : null}
        <div className="form-grid">
          <TextField
            label={t('contentRules.term')}
            name="term"
            hint={t('contentRules.termHint')}
            autoComplete="off"
            spellCheck={false}
            value={term}
            onChange={setTerm}
            error={form.fieldErrors.term}
            required
          />
          <Select
            label={t('contentRules.action')}
            name="action"
            value={action}
            onChange={(value) => setAction(value as ContentRuleAction)}
            error={form.fieldErrors.action}
            options={[
              { value: 'reject', label: t('contentRules.actions.reject') },
              { value: 'hold', label: t('contentRules.actions.hold') },
            ]}
            hint={t(`contentRules.actionHints.${action}`)}
          />
        </div>
        <div className="form-grid">
          <TextField
            label={t('contentRules.findSpace')}
            name="spaceSearch"
            type="search"
            autoComplete="off"
            value={spaceSearch}
            onChange={setSpaceSearch}
          />
          <Select
            label={t('contentRules.where')}
            name="spaceId"
            value={spaceId}
            onChange={setSpaceId}
            error={form.fieldErrors.spaceId}
            options={[
              { value: ORGANISATION, label: t('contentRules.organisation') },
              ...spaceOptions.map((space) => ({ value: space.id, label: space.name })),
            ]}
          />
        </div>
        <TextField
          label={t('contentRules.note')}
          name="note"
          hint={t('contentRules.noteHint')}
          maxLength={500}
          value={note}
          onChange={setNote}
          error={form.fieldErrors.note}
        />
        <div className="form-actions">
          <Button type="button" onClick={runPreview} busy={preview.isPending} busyLabel={t('common.working')}>
            {t('contentRules.preview')}
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('common.saving')}>
            {t('contentRules.add')}
          </Button>
        </div>
      </form>
      {preview.data ? <PreviewResult preview={preview.data} /> : null}
    </section>
  );
}

function PreviewResult({ preview }: { preview: ContentRulePreview }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="rule-preview-title" className="section" aria-live="polite">
      <h3 id="rule-preview-title">{t('contentRules.previewTitle')}</h3>
      <p>{t('contentRules.previewSummary', { count: preview.caught, scanned: preview.scanned })}</p>
      {preview.truncated ? <p className="muted">{t('contentRules.previewTruncated')}</p> : null}
      {preview.bySpace.length > 0 ? (
        <ul>
          {preview.bySpace.map((entry) => (
            <li key={entry.space?.id ?? entry.place}>
              {entry.space ? entry.space.name : t(`contentRules.places.${entry.place}`)} — {entry.count}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.examples.length > 0 ? (
        <>
          <h4>{t('contentRules.examples')}</h4>
          <ul className="rule-examples">
            {preview.examples.map((example) => (
              <li key={example.commentId ?? example.postId}>
                <Excerpt text={example.excerpt} found={example.found} />{' '}
                <span className="muted">
                  {example.space ? example.space.name : t('contentRules.places.profile')} ·{' '}
                  {formatDateTime(example.createdAt, i18n.language)} ·{' '}
                  <Link to={`/posts/${example.postId}`}>{t('contentRules.open')}</Link>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The excerpt as text, with the caught words marked. */
function Excerpt({ text, found }: { text: string; found: string }) {
  const at = text.indexOf(found.replace(/\s+/g, ' '));
  if (at < 0 || found === '') return <q>{text}</q>;
  const end = at + found.replace(/\s+/g, ' ').length;
  return (
    <q>
      {text.slice(0, at)}
      <mark>{text.slice(at, end)}</mark>
      {text.slice(end)}
    </q>
  );
}

function RuleList() {
  const { t, i18n } = useTranslation();
  const rules = useContentRules();
  const remove = useDeleteContentRule();
  const [removing, setRemoving] = useState<ContentRule | null>(null);
  const items = rules.data?.items ?? [];

  return (
    <section aria-labelledby="rules-title" className="section">
      <h2 id="rules-title">{t('contentRules.listTitle')}</h2>
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <FormError message={errorMessage(t, rules.error)} />
      ) : items.length === 0 ? (
        <EmptyState level={3} title={t('contentRules.emptyTitle')}>
          <p>{t('contentRules.emptyText')}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t('contentRules.listTitle')}
          columns={[
            t('contentRules.term'),
            t('contentRules.where'),
            t('contentRules.action'),
            t('contentRules.note'),
            t('contentRules.addedBy'),
            t('common.actions'),
          ]}
        >
          {items.map((rule) => (
            <tr key={rule.id}>
              <td>
                <code>{rule.term}</code>
              </td>
              <td>{rule.space ? rule.space.name : t(`contentRules.scopes.${rule.place}`)}</td>
              <td>
                <Badge tone={rule.action === 'reject' ? 'warning' : 'info'}>
                  {t(`contentRules.actions.${rule.action}`)}
                </Badge>
              </td>
              <td>{rule.note}</td>
              <td>
                {rule.createdBy?.name ?? '—'}
                <br />
                <span className="muted">{formatDateTime(rule.createdAt, i18n.language)}</span>
              </td>
              <td>
                <Button type="button" onClick={() => setRemoving(rule)}>
                  {t('contentRules.remove')}
                  <span className="sr-only"> {rule.term}</span>
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('contentRules.removeTitle', { term: removing?.term ?? '' })}
        confirmLabel={t('contentRules.remove')}
        busyLabel={t('common.working')}
        busy={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        danger
        onCancel={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, { onSuccess: () => setRemoving(null) });
        }}
      >
        <p>{t('contentRules.removeText')}</p>
      </ConfirmDialog>
    </section>
  );
}
