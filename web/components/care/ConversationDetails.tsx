import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareConversationDetail, CarePriority, CareStatus } from '../../../common/schemas/care.ts';
import { useCareDirectory, useUpdateCareConversation } from '../../api/care-inbox.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';

const STATUSES: readonly CareStatus[] = ['open', 'pending', 'resolved'];
const PRIORITIES: readonly CarePriority[] = ['urgent', 'high', 'normal', 'low'];

/** Assignee, status, priority, team and tags: each list applies when changed. */
export function ConversationDetails({ conversation }: { conversation: CareConversationDetail }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const directory = useCareDirectory();
  const update = useUpdateCareConversation(conversation.id);
  const [tags, setTags] = useState(conversation.tags.join(', '));
  const [saved, setSaved] = useState(false);
  const tagsKey = conversation.tags.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the field when the server's tags change
  useEffect(() => setTags(conversation.tags.join(', ')), [tagsKey]);

  const change = (body: Parameters<typeof update.mutate>[0]) => {
    setSaved(false);
    update.mutate(body, { onSuccess: () => setSaved(true) });
  };
  const saveTags = (event: FormEvent) => {
    event.preventDefault();
    change({
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    });
  };

  const agents = directory.data?.items ?? [];
  // The current assignee stays in the list even if the directory no longer has them.
  const agentOptions = [
    ...agents.map((agent) => ({ value: agent.id, label: agent.name })),
    ...(conversation.assignee && !agents.some((a) => a.id === conversation.assignee?.id)
      ? [{ value: conversation.assignee.id, label: conversation.assignee.name }]
      : []),
  ];
  const teams = directory.data?.teams ?? [];

  return (
    <section className="card care-panel" aria-labelledby="care-details-title">
      <h2 id="care-details-title">{t('care.inbox.conversation.details')}</h2>
      <FormError message={update.isError ? errorMessage(t, update.error) : null} />
      <div role="status" className="care-saved">
        {saved && !update.isPending ? t('care.inbox.conversation.saved') : ''}
      </div>
      <Select
        label={t('care.inbox.conversation.assignee')}
        name="assignee"
        value={conversation.assignee?.id ?? ''}
        disabled={update.isPending}
        onChange={(value) => change({ assigneeId: value || null })}
        options={[{ value: '', label: t('care.inbox.conversation.nobody') }, ...agentOptions]}
      />
      {conversation.assignee?.id !== user.id ? (
        <p>
          <Button type="button" small busy={update.isPending} onClick={() => change({ assigneeId: user.id })}>
            {t('care.inbox.conversation.assignToMe')}
          </Button>
        </p>
      ) : null}
      <Select
        label={t('care.inbox.conversation.status')}
        name="status"
        value={conversation.status}
        disabled={update.isPending}
        onChange={(value) => change({ status: value as CareStatus })}
        options={STATUSES.map((status) => ({ value: status, label: t(`care.inbox.status.${status}`) }))}
      />
      <Select
        label={t('care.inbox.conversation.priority')}
        name="priority"
        value={conversation.priority}
        disabled={update.isPending}
        onChange={(value) => change({ priority: value as CarePriority })}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`care.inbox.priority.${p}`) }))}
      />
      <Select
        label={t('care.inbox.conversation.team')}
        name="team"
        value={conversation.team?.id ?? ''}
        disabled={update.isPending}
        onChange={(value) => change({ teamId: value || null })}
        options={[
          { value: '', label: t('care.inbox.conversation.noTeam') },
          ...teams.map((team) => ({ value: team.id, label: team.name })),
          ...(conversation.team && !teams.some((x) => x.id === conversation.team?.id)
            ? [{ value: conversation.team.id, label: conversation.team.name }]
            : []),
        ]}
      />
      <form onSubmit={saveTags}>
        <TextField
          label={t('care.inbox.conversation.tags')}
          hint={t('care.inbox.conversation.tagsHint')}
          name="tags"
          value={tags}
          onChange={setTags}
        />
        <Button type="submit" small busy={update.isPending}>
          {t('care.inbox.conversation.saveTags')}
        </Button>
      </form>
    </section>
  );
}
