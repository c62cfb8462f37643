import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SPACE_ROLES, type SpaceMember, type SpaceRole } from '../../common/schemas/spaces.ts';
import { useChangeSpaceRole, useRemoveSpaceMember, useSpaceMembers } from '../api/spaces.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { personPath } from '../components/rich-text-links.ts';
import { Select } from '../components/Select.tsx';
import { GuestInvitations } from '../components/spaces/GuestInvitations.tsx';
import { InviteToSpace } from '../components/spaces/InviteToSpace.tsx';
import { isManager, useSpaceOfPage } from '../components/spaces/space-context.ts';
import { TextField } from '../components/TextField.tsx';
import { useDebouncedValue } from '../forms/use-debounced-value.ts';
import { formatDate } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

/** Members, owners first; owners change roles, managers remove and invite. */
export function SpaceMembersTab() {
  const { t } = useTranslation();
  const space = useSpaceOfPage();
  const { user } = useSignedIn();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 250);
  const members = useSpaceMembers(space.slug, query);
  const changeRole = useChangeSpaceRole(space.slug);
  const remove = useRemoveSpaceMember(space.slug);
  const [removing, setRemoving] = useState<SpaceMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const error = changeRole.error;

  return (
    <div className="stream-single">
      {isManager(space) ? <InviteToSpace space={space} /> : null}
      {space.external && (isManager(space) || user.role === 'admin') ? (
        <GuestInvitations space={space} />
      ) : null}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('members.title')}</h2>
        <search className="filters">
          <TextField
            label={t('members.search')}
            name="q"
            type="search"
            value={q}
            onChange={setQ}
            maxLength={100}
          />
        </search>
        {notice ? (
          <Notice>
            <p>{notice}</p>
          </Notice>
        ) : null}
        {error ? <FormError message={errorMessage(t, error)} /> : null}
        {members.isPending ? (
          <Loading />
        ) : members.isError ? (
          <FormError message={errorMessage(t, members.error)} />
        ) : items.length === 0 ? (
          <EmptyState title={t('members.emptyTitle')} level={3} />
        ) : (
          <ul className="member-list" aria-busy={members.isFetching && !members.isFetchingNextPage}>
            {items.map((member) => (
              <MemberRow
                key={member.person.id}
                member={member}
                canChangeRole={space.can.manage}
                canRemove={space.can.manage || (space.myRole === 'moderator' && member.role === 'member')}
                busy={changeRole.isPending}
                onRole={(role) => {
                  setNotice(null);
                  changeRole.mutate(
                    { userId: member.person.id, role },
                    {
                      onSuccess: () =>
                        setNotice(
                          t('members.roleChanged', {
                            name: member.person.name,
                            role: t(`spaceRoles.${role}`),
                          }),
                        ),
                    },
                  );
                }}
                onRemove={() => {
                  remove.reset();
                  setRemoving(member);
                }}
              />
            ))}
          </ul>
        )}
        <Pager
          hasMore={members.hasNextPage}
          loading={members.isFetchingNextPage}
          onLoadMore={() => void members.fetchNextPage()}
        />
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={t('members.removeTitle', { name: removing?.person.name ?? '' })}
        confirmLabel={t('members.remove')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(t, remove.error) : null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const target = removing;
          if (!target) return;
          remove.mutate(target.person.id, {
            onSuccess: () => {
              setRemoving(null);
              setNotice(t('members.removed', { name: target.person.name }));
            },
          });
        }}
      >
        <p>{t('members.removeText')}</p>
      </ConfirmDialog>
    </div>
  );
}

interface MemberRowProps {
  member: SpaceMember;
  canChangeRole: boolean;
  canRemove: boolean;
  busy: boolean;
  onRole: (role: SpaceRole) => void;
  onRemove: () => void;
}

function MemberRow({ member, canChangeRole, canRemove, busy, onRole, onRemove }: MemberRowProps) {
  const { t, i18n } = useTranslation();
  const { user } = useSignedIn();
  const isMe = member.person.id === user.id;
  return (
    <li className="member" data-testid="member-row">
      <Avatar name={member.person.name} />
      <div className="member-main">
        <p className="member-name">
          <Link to={personPath(member.person.id)}>{member.person.name}</Link>
          {isMe ? <span className="muted"> {t('members.you')}</span> : null}
        </p>
        <p className="muted member-meta">
          {member.person.jobTitle ? `${member.person.jobTitle} · ` : ''}
          {t('members.since', { date: formatDate(member.joinedAt, i18n.language) })}
        </p>
      </div>
      <div className="member-actions">
        {canChangeRole && !isMe ? (
          <Select
            label={t('members.roleOf', { name: member.person.name })}
            hideLabel
            compact
            name="role"
            value={member.role}
            disabled={busy}
            onChange={(role) => onRole(role as SpaceRole)}
            options={SPACE_ROLES.map((role) => ({ value: role, label: t(`spaceRoles.${role}`) }))}
          />
        ) : (
          <Badge tone={member.role === 'member' ? 'neutral' : 'info'}>{t(`spaceRoles.${member.role}`)}</Badge>
        )}
        {canRemove && !isMe ? (
          <Button type="button" variant="danger" small onClick={onRemove}>
            {t('members.remove')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
