import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Directory } from '../../../common/schemas/people.ts';
import { Select } from '../Select.tsx';

interface PlaceFiltersProps {
  directory: z.infer<typeof Directory> | undefined;
  departmentId: string;
  siteId: string;
  onDepartment: (id: string) => void;
  onSite: (id: string) => void;
}

/** Department and site selects, shown once the organisation has some; "" means all. */
export function PlaceFilters({ directory, departmentId, siteId, onDepartment, onSite }: PlaceFiltersProps) {
  const { t } = useTranslation();
  return (
    <>
      {directory && directory.departments.length > 0 ? (
        <Select
          label={t('people.department')}
          name="departmentId"
          value={departmentId}
          onChange={onDepartment}
          options={[
            { value: '', label: t('people.allDepartments') },
            ...directory.departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
      ) : null}
      {directory && directory.sites.length > 0 ? (
        <Select
          label={t('people.site')}
          name="siteId"
          value={siteId}
          onChange={onSite}
          options={[
            { value: '', label: t('people.allSites') },
            ...directory.sites.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      ) : null}
    </>
  );
}
