import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../Button.tsx';
import { ReportDialog } from './ReportDialog.tsx';

/** "Report" on someone else's profile. */
export function ReportPersonButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="quiet" small onClick={() => setOpen(true)}>
        {t('moderationUi.report.person')}
      </Button>
      <ReportDialog open={open} onClose={() => setOpen(false)} targetType="person" targetId={personId} />
    </>
  );
}
