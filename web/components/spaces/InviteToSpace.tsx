import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Space } from '../../../common/schemas/spaces.ts';
import { useInviteToSpace } from '../../api/spaces.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { PeoplePicker, type Picked } from './PeoplePicker.tsx';

/** Managers invite colleagues: pick people, send; each accepts by joining. */
export function InviteToSpace({ space }: { space: Space }) {
  const { t } = useTranslation();
  const invite = useInviteToSpace(space.slug);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [empty, setEmpty] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('members.inviteTitle')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setResult(null);
          if (picked.length === 0) {
            setEmpty(true);
            return;
          }
          setEmpty(false);
          invite.mutate(
            picked.map((p) => p.id),
            {
              onSuccess: ({ invited, alreadyMembers }) => {
                setPicked([]);
                setResult(
                  [
                    t('members.invited', { count: invited }),
                    alreadyMembers > 0 ? t('members.alreadyMembers', { count: alreadyMembers }) : '',
                  ]
                    .filter(Boolean)
                    .join(' '),
                );
              },
            },
          );
        }}
      >
        {result ? (
          <Notice>
            <p>{result}</p>
          </Notice>
        ) : null}
        {invite.error ? <FormError message={errorMessage(t, invite.error)} /> : null}
        <PeoplePicker
          picked={picked}
          onChange={(next) => {
            setPicked(next);
            if (next.length > 0) setEmpty(false);
          }}
          error={empty ? t('members.inviteNone') : undefined}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={invite.isPending} busyLabel={t('common.sending')}>
            {picked.length === 0
              ? t('members.inviteTitle')
              : t('members.inviteSubmit', { count: picked.length })}
          </Button>
        </div>
      </form>
    </section>
  );
}
