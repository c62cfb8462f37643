import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_REASONS } from '../../../common/schemas/moderation.ts';
import { useReport } from '../../api/moderation.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { Dialog } from '../Dialog.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';

type Reason = (typeof REPORT_REASONS)[number];
export type ReportTargetType = 'post' | 'comment' | 'person';

interface ReportDialogProps {
  open: boolean;
  onClose: () => void;
  targetType: ReportTargetType;
  targetId: string;
}

/** Report a post, comment or person: a reason, optional details, then a clear confirmation. */
export function ReportDialog({ open, onClose, targetType, targetId }: ReportDialogProps) {
  const { t } = useTranslation();
  const report = useReport();
  const [reason, setReason] = useState<Reason>('spam');
  const [details, setDetails] = useState('');
  const done = report.isSuccess;

  function close() {
    report.reset();
    setReason('spam');
    setDetails('');
    onClose();
  }

  return (
    <Dialog
      open={open}
      title={t(`moderationUi.report.title.${targetType}`)}
      onClose={close}
      actions={
        done ? (
          <Button type="button" variant="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button type="button" onClick={close} disabled={report.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              form={`report-${targetType}-${targetId}`}
              variant="primary"
              busy={report.isPending}
              busyLabel={t('common.working')}
            >
              {t('moderationUi.report.send')}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <Notice>
          <p>{t('moderationUi.report.sent')}</p>
        </Notice>
      ) : (
        <form
          id={`report-${targetType}-${targetId}`}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            report.mutate({ targetType, targetId, reason, details });
          }}
        >
          <Select
            label={t('moderationUi.report.reason')}
            name="reason"
            value={reason}
            onChange={(value) => setReason(value as Reason)}
            options={REPORT_REASONS.map((value) => ({ value, label: t(`moderationUi.reasons.${value}`) }))}
          />
          <TextField
            label={t('moderationUi.report.details')}
            hint={t('moderationUi.report.detailsHint')}
            name="details"
            value={details}
            onChange={setDetails}
            multiline
            rows={3}
            maxLength={2000}
          />
          {report.error ? <FormError message={errorMessage(t, report.error)} /> : null}
        </form>
      )}
    </Dialog>
  );
}
