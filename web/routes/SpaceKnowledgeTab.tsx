import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreatePage, usePages } from '../api/knowledge.ts';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { PageTreeList } from '../components/knowledge/PageTreeList.tsx';
import { Loading } from '../components/Loading.tsx';
import { Select } from '../components/Select.tsx';
import { useSpaceOfPage } from '../components/spaces/space-context.ts';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { errorMessage } from '../i18n/messages.ts';

/** A space's knowledge: its pages as a tree, and for members a form to write one. */
export function SpaceKnowledgeTab() {
  const { t } = useTranslation();
  const space = useSpaceOfPage();
  const pages = usePages(space.slug);
  const create = useCreatePage(space.slug);
  const navigate = useNavigate();
  const form = useFormFeedback(['title', 'body', 'parentId']);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [parentId, setParentId] = useState('');

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    if (!title.trim()) return form.showIssues([{ field: 'title', reason: 'custom', message: '' }]);
    create.mutate(
      { title, body, parentId: parentId || null },
      { onSuccess: (page) => void navigate(`/pages/${page.id}`), onError: (error) => form.showError(error) },
    );
  }

  return (
    <div className="stream-single">
      <h2>{t('knowledge.title')}</h2>
      {pages.isPending ? (
        <Loading />
      ) : pages.isError ? (
        <FormError message={errorMessage(t, pages.error)} />
      ) : pages.data.length === 0 ? (
        <EmptyState level={3} title={t('knowledge.emptyTitle')}>
          <p>{t('knowledge.emptyText')}</p>
        </EmptyState>
      ) : (
        <nav aria-label={t('knowledge.treeLabel')}>
          <PageTreeList pages={pages.data} />
        </nav>
      )}
      {space.can.post ? (
        <form ref={form.formRef} className="card page-form" onSubmit={submit} noValidate>
          <h2>{t('knowledge.newPage')}</h2>
          <FormError ref={form.bannerRef} message={form.banner} />
          <TextField
            label={t('knowledge.pageTitle')}
            name="title"
            value={title}
            onChange={setTitle}
            maxLength={200}
            error={form.fieldErrors.title}
          />
          <Select
            label={t('knowledge.parent')}
            name="parentId"
            value={parentId}
            onChange={setParentId}
            options={[
              { value: '', label: t('knowledge.noParent') },
              ...(pages.data ?? []).map((p) => ({ value: p.id, label: p.title })),
            ]}
          />
          <TextField
            label={t('knowledge.body')}
            name="body"
            value={body}
            onChange={setBody}
            multiline
            rows={8}
            error={form.fieldErrors.body}
            hint={t('knowledge.bodyHint')}
          />
          <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('knowledge.saving')}>
            {t('knowledge.create')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
