import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Space } from '../../../common/schemas/spaces.ts';
import { useJoinSpace, useLeaveSpace } from '../../api/spaces.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { Dialog } from '../Dialog.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { TextField } from '../TextField.tsx';

/** Join, ask to join, accept or decline an invitation, withdraw a request, or leave — per `can` and myRequest. */
export function MembershipActions({ space }: { space: Space }) {
  const { t } = useTranslation();
  const join = useJoinSpace(space.slug);
  const leave = useLeaveSpace(space.slug);
  const [asking, setAsking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [message, setMessage] = useState('');
  const [joined, setJoined] = useState(false);
  const error = join.error ?? (leaving ? null : leave.error);

  let actions: React.ReactNode = null;
  if (space.myRole) {
    actions = (
      <Button
        type="button"
        onClick={() => {
          leave.reset();
          setLeaving(true);
        }}
      >
        {t('space.leave')}
      </Button>
    );
  } else if (space.myRequest === 'invited') {
    actions = (
      <>
        <p className="membership-note">{t('space.invitedText')}</p>
        <Button
          type="button"
          variant="primary"
          busy={join.isPending}
          onClick={() => join.mutate(undefined, { onSuccess: () => setJoined(true) })}
        >
          {t('space.accept')}
        </Button>
        <Button type="button" busy={leave.isPending} onClick={() => leave.mutate()}>
          {t('space.decline')}
        </Button>
      </>
    );
  } else if (space.myRequest === 'requested') {
    actions = (
      <>
        <p className="membership-note">{t('space.requestSent')}</p>
        <Button type="button" busy={leave.isPending} onClick={() => leave.mutate()}>
          {t('space.withdraw')}
        </Button>
      </>
    );
  } else if (space.can.join && space.visibility === 'open') {
    actions = (
      <Button
        type="button"
        variant="primary"
        busy={join.isPending}
        busyLabel={t('space.joining')}
        onClick={() => join.mutate(undefined, { onSuccess: () => setJoined(true) })}
      >
        {t('space.join')}
      </Button>
    );
  } else if (space.can.join) {
    actions = (
      <Button
        type="button"
        variant="primary"
        onClick={() => {
          join.reset();
          setAsking(true);
        }}
      >
        {t('space.requestToJoin')}
      </Button>
    );
  }

  return (
    <div className="membership">
      <div className="membership-actions">{actions}</div>
      {joined && space.myRole ? (
        <Notice>
          <p>{t('space.joined', { name: space.name })}</p>
        </Notice>
      ) : null}
      {error ? <FormError message={errorMessage(t, error)} /> : null}
      <Dialog
        open={asking}
        title={t('space.requestTitle', { name: space.name })}
        onClose={() => setAsking(false)}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            join.mutate(message.trim() || undefined, {
              onSuccess: () => {
                setAsking(false);
                setMessage('');
              },
            });
          }}
        >
          <p>{t('space.requestText')}</p>
          {join.error ? <FormError message={errorMessage(t, join.error)} /> : null}
          <TextField
            label={t('space.requestMessage')}
            name="message"
            multiline
            rows={3}
            maxLength={500}
            value={message}
            onChange={setMessage}
          />
          <div className="dialog-actions">
            <Button type="button" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" busy={join.isPending} busyLabel={t('common.sending')}>
              {t('space.sendRequest')}
            </Button>
          </div>
        </form>
      </Dialog>
      <ConfirmDialog
        open={leaving}
        title={t('space.leaveTitle', { name: space.name })}
        confirmLabel={t('space.leave')}
        busyLabel={t('space.leaving')}
        danger
        busy={leave.isPending}
        error={leave.error ? errorMessage(t, leave.error) : null}
        onCancel={() => setLeaving(false)}
        onConfirm={() => leave.mutate(undefined, { onSuccess: () => setLeaving(false) })}
      >
        <p>{t('space.leaveText')}</p>
        {space.visibility === 'secret' ? <p>{t('space.leaveSecretText')}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
