import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Space } from '../../../common/schemas/spaces.ts';
import {
  useOrganisationPremoderation,
  useSetOrganisationPremoderation,
  useSetSpacePremoderation,
  useSpacePremoderation,
} from '../../api/moderation.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { Notice } from '../Notice.tsx';

type Setting = { premoderateGuests: boolean };

/** Administration: guests' posts wait for approval in every space. */
export function OrganisationPremoderationSection() {
  const setting = useOrganisationPremoderation();
  const save = useSetOrganisationPremoderation();
  return <PremoderationSection scope="organisation" setting={setting} save={save} />;
}

/** Space settings (owners): guests' posts in this space wait for approval. */
export function SpacePremoderationSection({ space }: { space: Space }) {
  const { user } = useSignedIn();
  const setting = useSpacePremoderation(space.slug);
  const save = useSetSpacePremoderation(space.slug);
  // Moderators manage the space, but only its owners (and administrators) choose this.
  if (space.myRole !== 'owner' && user.role !== 'admin') return null;
  return <PremoderationSection scope="space" setting={setting} save={save} />;
}

function PremoderationSection({
  scope,
  setting,
  save,
}: {
  scope: 'organisation' | 'space';
  setting: UseQueryResult<Setting>;
  save: UseMutationResult<Setting, Error, boolean>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('moderationUi.premoderation.title')}</h2>
      {setting.data ? (
        <PremoderationForm scope={scope} initial={setting.data.premoderateGuests} save={save} />
      ) : setting.isError ? (
        <FormError message={errorMessage(t, setting.error)} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function PremoderationForm({
  scope,
  initial,
  save,
}: {
  scope: 'organisation' | 'space';
  initial: boolean;
  save: UseMutationResult<Setting, Error, boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [on, setOn] = useState(initial);
  const [saved, setSaved] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate(on, { onSuccess: () => setSaved(true) });
      }}
    >
      {save.error ? <FormError message={errorMessage(t, save.error)} /> : null}
      {saved ? (
        <Notice>
          <p>{t('moderationUi.premoderation.saved')}</p>
        </Notice>
      ) : null}
      <div className="check-field">
        <input
          id={id}
          type="checkbox"
          checked={on}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setSaved(false);
            setOn(event.target.checked);
          }}
        />
        <label htmlFor={id}>{t(`moderationUi.premoderation.label.${scope}`)}</label>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {t('moderationUi.premoderation.hint')}
      </p>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
          {t('moderationUi.premoderation.save')}
        </Button>
      </div>
    </form>
  );
}
