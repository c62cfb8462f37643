import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionRun } from '../../../common/schemas/retention.ts';
import { useRetentionRuns, useStartRun } from '../../api/retention.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Badge, type BadgeTone } from '../Badge.tsx';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { Notice } from '../Notice.tsx';
import { Table } from '../Table.tsx';

const TONES: Record<RetentionRun['status'], BadgeTone> = {
  running: 'info',
  done: 'success',
  failed: 'warning',
};

/** The daily job: when it runs next, a button to run it now, and what each run deleted. */
export function RetentionRuns({ nextRunAt }: { nextRunAt: string | null }) {
  const { t, i18n } = useTranslation();
  const runs = useRetentionRuns();
  const start = useStartRun();
  const [error, setError] = useState<string | null>(null);
  const items = runs.data?.items ?? [];

  function runNow() {
    setError(null);
    start.mutate(undefined, { onError: (err) => setError(errorMessage(t, err)) });
  }

  return (
    <section className="section" aria-labelledby="retention-job-title">
      <div className="section-header">
        <h2 id="retention-job-title">{t('retention.jobTitle')}</h2>
        <Button type="button" busy={start.isPending} busyLabel={t('retention.starting')} onClick={runNow}>
          {t('retention.runNow')}
        </Button>
      </div>
      {nextRunAt ? <p>{t('retention.nextRun', { date: formatDateTime(nextRunAt, i18n.language) })}</p> : null}
      <FormError message={error} />
      {start.isSuccess ? (
        <Notice>
          <p>{t('retention.started')}</p>
        </Notice>
      ) : null}
      {runs.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('retention.noRuns')}</p>
      ) : (
        <Table
          caption={t('retention.runsCaption')}
          columns={[
            t('retention.started_at'),
            t('retention.trigger'),
            t('retention.status'),
            t('retention.deletedPosts'),
            t('retention.deletedComments'),
            t('retention.deletedFiles'),
            t('retention.skippedHeld'),
          ]}
        >
          {items.map((run) => (
            <tr key={run.id} data-testid="retention-run">
              <th scope="row">{formatDateTime(run.startedAt, i18n.language)}</th>
              <td>
                {run.trigger === 'manual' && run.requestedBy
                  ? run.requestedBy.name
                  : t(`retention.triggers.${run.trigger}`)}
              </td>
              <td>
                <Badge tone={TONES[run.status]}>{t(`retention.statuses.${run.status}`)}</Badge>
              </td>
              <td>{run.deletedPosts}</td>
              <td>{run.deletedComments}</td>
              <td>{run.deletedFiles}</td>
              <td>{run.skippedHeld}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
