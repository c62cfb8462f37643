import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SpaceUpdateBody } from '../../common/schemas/spaces.ts';
import { useExternalSettings } from '../api/external.ts';
import { useUpdateSpace } from '../api/spaces.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { SpacePremoderationSection } from '../components/moderation/PremoderationSection.tsx';
import { Notice } from '../components/Notice.tsx';
import { type SpaceDraft, SpaceFields } from '../components/spaces/SpaceFields.tsx';
import { useSpaceOfPage } from '../components/spaces/space-context.ts';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';

export function SpaceSettingsTab() {
  const { t } = useTranslation();
  const space = useSpaceOfPage();
  const update = useUpdateSpace(space.slug);
  const form = useFormFeedback(['name', 'description', 'type', 'visibility', 'external']);
  const settings = useExternalSettings(space.can.manage);
  const [saved, setSaved] = useState(false);
  const [draft, setDraft] = useState<SpaceDraft>({
    name: space.name,
    description: space.description,
    type: space.type,
    visibility: space.visibility,
    external: space.external,
  });

  if (!space.can.manage) return null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setSaved(false);
    // Only what changed, so two managers editing different fields do not undo each other.
    const changes: SpaceUpdateBody = {};
    if (draft.name !== space.name) changes.name = draft.name;
    if (draft.description !== space.description) changes.description = draft.description;
    if (draft.type !== space.type) changes.type = draft.type;
    if (draft.visibility !== space.visibility) changes.visibility = draft.visibility;
    if (draft.external !== space.external) changes.external = draft.external;
    if (Object.keys(changes).length === 0) {
      setSaved(true);
      return;
    }
    const body = form.validate(SpaceUpdateBody, changes);
    if (!body) return;
    update.mutate(body, { onSuccess: () => setSaved(true), onError: (error) => form.showError(error) });
  }

  return (
    <section className="card stream-single" aria-labelledby="space-settings-title">
      <h2 id="space-settings-title">{t('spaceSettings.title')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {saved ? (
          <Notice>
            <p>{t('spaceSettings.saved')}</p>
          </Notice>
        ) : null}
        <TextField
          label={t('spaceSettings.address')}
          name="slug"
          value={`/spaces/${space.slug}`}
          onChange={() => {}}
          readOnly
        />
        <SpaceFields
          value={draft}
          onChange={setDraft}
          errors={form.fieldErrors}
          externalAllowed={settings.data?.canCreateExternal ?? false}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('common.saving')}>
            {t('spaceSettings.save')}
          </Button>
        </div>
      </form>
      <SpacePremoderationSection space={space} />
    </section>
  );
}
