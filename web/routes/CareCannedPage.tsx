import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANNED_VARIABLES } from '../../common/care-canned.ts';
import type { CareCannedReply } from '../../common/schemas/care.ts';
import {
  useCannedReplies,
  useCreateCannedReply,
  useDeleteCannedReply,
  useUpdateCannedReply,
} from '../api/care-inbox.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

const variables = CANNED_VARIABLES.map((name) => `{{${name}}}`).join(', ');

/** The team's canned replies: add, edit, delete. */
export function CareCannedPage() {
  const { t } = useTranslation();
  const list = useCannedReplies();
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="care-canned-title">
      <h2 id="care-canned-title">{t('care.inbox.canned.title')}</h2>
      <p className="muted">{t('care.inbox.canned.intro', { variables })}</p>
      <NewCannedReply />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <FormError message={errorMessage(t, list.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={t('care.inbox.canned.emptyTitle')} level={3}>
          <p>{t('care.inbox.canned.emptyText')}</p>
        </EmptyState>
      ) : (
        <ul className="care-list">
          {items.map((item) => (
            <CannedRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function NewCannedReply() {
  const { t } = useTranslation();
  const create = useCreateCannedReply();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [added, setAdded] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    create.mutate(
      { title, body },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
          setAdded(true);
        },
      },
    );
  };
  return (
    <form className="card care-canned-form" onSubmit={submit} aria-label={t('care.inbox.canned.add')}>
      <FormError message={create.isError ? errorMessage(t, create.error) : null} />
      <CannedFields title={title} body={body} onTitle={setTitle} onBody={setBody} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t('care.inbox.canned.add')}
        </Button>
      </div>
      {added ? <Notice>{t('care.inbox.canned.added')}</Notice> : null}
    </form>
  );
}

function CannedFields(props: {
  title: string;
  body: string;
  onTitle: (value: string) => void;
  onBody: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('care.inbox.canned.name')}
        name="title"
        value={props.title}
        onChange={props.onTitle}
        maxLength={100}
        required
      />
      <TextField
        label={t('care.inbox.canned.body')}
        name="body"
        multiline
        rows={4}
        value={props.body}
        onChange={props.onBody}
        maxLength={10_000}
        required
      />
    </>
  );
}

function CannedRow({ item }: { item: CareCannedReply }) {
  const { t } = useTranslation();
  const update = useUpdateCannedReply();
  const remove = useDeleteCannedReply();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [body, setBody] = useState(item.body);
  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: item.id, title, body }, { onSuccess: () => setEditing(false) });
  };
  return (
    <li className="card" data-testid="canned-row">
      {editing ? (
        <form onSubmit={save}>
          <FormError message={update.isError ? errorMessage(t, update.error) : null} />
          <CannedFields title={title} body={body} onTitle={setTitle} onBody={setBody} />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={update.isPending}>
              {t('care.inbox.canned.save')}
            </Button>
            <Button type="button" variant="quiet" onClick={() => setEditing(false)}>
              {t('care.inbox.canned.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <h3>{item.title}</h3>
          <p className="care-message-body">{item.body}</p>
          <div className="row-actions">
            <Button
              type="button"
              small
              onClick={() => {
                setTitle(item.title);
                setBody(item.body);
                setEditing(true);
              }}
            >
              {t('care.inbox.canned.edit')}
            </Button>
            <Button type="button" small variant="danger" onClick={() => setConfirming(true)}>
              {t('care.inbox.canned.remove')}
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('care.inbox.canned.removeTitle')}
        confirmLabel={t('care.inbox.canned.remove')}
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => remove.mutate(item.id, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('care.inbox.canned.removeText', { title: item.title })}</p>
      </ConfirmDialog>
    </li>
  );
}
