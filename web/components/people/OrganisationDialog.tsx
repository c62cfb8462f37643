import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminUser, OrganisationUpdateBody } from '../../../common/schemas/people.ts';
import { useDirectory, useUpdateOrganisation } from '../../api/people.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { Button } from '../Button.tsx';
import { Dialog } from '../Dialog.tsx';
import { FormError } from '../FormError.tsx';
import { TextField } from '../TextField.tsx';
import { type ManagerChoice, ManagerPicker } from './ManagerPicker.tsx';

const FIELDS = ['jobTitle', 'department', 'site', 'managerId'];

interface OrganisationDialogProps {
  /** The account being edited; the dialog is closed when null. */
  user: AdminUser | null;
  onClose: () => void;
  onSaved: (user: AdminUser) => void;
}

/** Administration: a person's job title, department, site and manager. */
export function OrganisationDialog({ user, onClose, onSaved }: OrganisationDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={user !== null}
      title={t('admin.people.organisationTitle', { name: user?.name ?? '' })}
      onClose={onClose}
      wide
    >
      {user ? <OrganisationForm key={user.id} user={user} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function OrganisationForm({
  user,
  onClose,
  onSaved,
}: { user: AdminUser } & Omit<OrganisationDialogProps, 'user'>) {
  const { t } = useTranslation();
  const id = useId();
  const directory = useDirectory();
  const update = useUpdateOrganisation();
  const form = useFormFeedback(FIELDS);
  const [jobTitle, setJobTitle] = useState(user.jobTitle ?? '');
  const [department, setDepartment] = useState(user.department?.name ?? '');
  const [site, setSite] = useState(user.site?.name ?? '');
  const [manager, setManager] = useState<ManagerChoice | null>(user.manager);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    // Only what changed is sent: an unchanged manager who has since left is not refused again.
    // Empty fields clear: no job title, no department, no site.
    const changes = {
      jobTitle: changed(jobTitle.trim(), user.jobTitle ?? ''),
      department: changed(department.trim() || null, user.department?.name ?? null),
      site: changed(site.trim() || null, user.site?.name ?? null),
      managerId: changed(manager?.id ?? null, user.manager?.id ?? null),
    };
    if (Object.values(changes).every((value) => value === undefined)) {
      onClose();
      return;
    }
    const body = form.validate(OrganisationUpdateBody, changes);
    if (!body) return;
    update.mutate(
      { id: user.id, body },
      { onSuccess: (saved) => onSaved(saved), onError: (error) => form.showError(error) },
    );
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormError ref={form.bannerRef} message={form.banner} />
      <TextField
        label={t('admin.people.jobTitle')}
        name="jobTitle"
        value={jobTitle}
        onChange={setJobTitle}
        error={form.fieldErrors.jobTitle}
        maxLength={100}
      />
      <div className="form-grid">
        <TextField
          label={t('admin.people.department')}
          name="department"
          hint={t('admin.people.placeHint')}
          value={department}
          onChange={setDepartment}
          error={form.fieldErrors.department}
          maxLength={100}
          list={`${id}-departments`}
        />
        <TextField
          label={t('admin.people.site')}
          name="site"
          hint={t('admin.people.placeHint')}
          value={site}
          onChange={setSite}
          error={form.fieldErrors.site}
          maxLength={100}
          list={`${id}-sites`}
        />
      </div>
      <datalist id={`${id}-departments`}>
        {directory.data?.departments.map((d) => (
          <option key={d.id} value={d.name} />
        ))}
      </datalist>
      <datalist id={`${id}-sites`}>
        {directory.data?.sites.map((s) => (
          <option key={s.id} value={s.name} />
        ))}
      </datalist>
      <ManagerPicker
        value={manager}
        onChange={setManager}
        excludeId={user.id}
        error={form.fieldErrors.managerId}
      />
      <div className="dialog-actions">
        <Button type="button" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('common.saving')}>
          {t('admin.people.save')}
        </Button>
      </div>
    </form>
  );
}

/** The new value when it differs from the current one; undefined (left out, kept) otherwise. */
function changed<T>(next: T, current: T): T | undefined {
  return next === current ? undefined : next;
}
