import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SpaceCreateBody } from '../../../common/schemas/spaces.ts';
import { useExternalSettings } from '../../api/external.ts';
import { useCreateSpace } from '../../api/spaces.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { Button } from '../Button.tsx';
import { Dialog } from '../Dialog.tsx';
import { FormError } from '../FormError.tsx';
import { spacePath } from '../rich-text-links.ts';
import { type SpaceDraft, SpaceFields } from './SpaceFields.tsx';

const FIELDS = ['name', 'description', 'type', 'visibility', 'external'];

export function CreateSpaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('spaces.createTitle')} onClose={onClose} wide>
      <CreateSpaceForm onClose={onClose} />
    </Dialog>
  );
}

function CreateSpaceForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSpace();
  const form = useFormFeedback(FIELDS);
  const [draft, setDraft] = useState<SpaceDraft>({
    name: '',
    description: '',
    type: 'project',
    visibility: 'open',
    external: false,
  });
  const settings = useExternalSettings();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const body = form.validate(SpaceCreateBody, draft);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (space) => {
        onClose();
        navigate(spacePath(space.slug));
      },
      onError: (error) => form.showError(error, { slug_taken: 'name' }),
    });
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormError ref={form.bannerRef} message={form.banner} />
      <SpaceFields
        value={draft}
        onChange={setDraft}
        errors={form.fieldErrors}
        externalAllowed={settings.data?.canCreateExternal ?? false}
      />
      <div className="dialog-actions">
        <Button type="button" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('spaces.creating')}>
          {t('spaces.create')}
        </Button>
      </div>
    </form>
  );
}
