import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJobRow } from '../../../data/db';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useImportJobs } from '../hooks/useImportJobs';
import { useUndoProgress } from '../hooks/useUndoProgress';

function jobTitle(t: TFunction, job: ImportJobRow): string {
  const names = job.kind === 'merge' ? ((job.settings as { names?: string[] } | null)?.names ?? []).join(', ') : '';
  return t(`import.job.${job.kind}`, { file: job.fileName, names });
}

/** This device's imports and merges, each with "Undo" while its records are there. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const jobs = useImportJobs().filter((job) => job.status !== 'running');
  const [busy, setBusy] = useState<string | null>(null);
  const undone = useUndoProgress();
  const n = (value: number) => formatNumber(value, i18n.language);

  const handleUndo = async (job: ImportJobRow) => {
    setBusy(job.id);
    try {
      await client.call('undoImportJob', job.id);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card" aria-labelledby="import-history">
      <h2 id="import-history">{t('import.history')}</h2>
      {jobs.length === 0 ? (
        <p className="muted">{t('import.historyNone')}</p>
      ) : (
        <ul className="plain-list">
          {jobs.map((job) => (
            <li key={job.id} className="import-job" data-testid="import-job">
              <div>
                <strong>{jobTitle(t, job)}</strong> <span className="badge">{t(`import.status.${job.status}`)}</span>
                <div className="muted">
                  {formatDateTime(job.startedAt, i18n.language)}
                  {job.kind !== 'merge' &&
                    ` · ${t('import.jobCounts', { created: n(job.customersCreated), updated: n(job.customersUpdated), interactions: n(job.interactionsCreated) })}`}
                </div>
              </div>
              {(job.status === 'done' || job.status === 'cancelled') && (
                <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void handleUndo(job)} data-testid="undo-import">
                  {busy === job.id
                    ? t('import.undoing', { done: n(undone?.done ?? 0), total: n(undone?.total ?? 0) })
                    : job.kind === 'merge'
                      ? t('import.undoMerge')
                      : t('import.undo')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
