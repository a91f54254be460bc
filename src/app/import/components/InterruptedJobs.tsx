import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJobRow } from '../../../data/db';
import { formatNumber } from '../../shared/format';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import type { ImportFlow } from '../hooks/useImportFlow';
import { useImportJobs } from '../hooks/useImportJobs';
import { useUndoProgress } from '../hooks/useUndoProgress';
import { FilePicker } from './FilePicker';

/** Imports a closed tab left half done: resume with the same file, or roll back what was written. */
export function InterruptedJobs({ flow }: { flow: ImportFlow }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const [busy, setBusy] = useState<string | null>(null);
  const undone = useUndoProgress();
  const n = (value: number) => formatNumber(value, i18n.language);
  const interrupted = useImportJobs().filter((job) => job.status === 'running' && job.kind !== 'merge' && job.id !== flow.job?.id);
  if (interrupted.length === 0 || flow.phase === 'importing') return null;

  const handleRollBack = async (job: ImportJobRow) => {
    setBusy(job.id);
    try {
      await client.call('undoImportJob', job.id);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="banner import-interrupted" role="alert">
      <p>{t('import.interrupted')}</p>
      {interrupted.map((job) => (
        <div key={job.id} className="toolbar">
          <strong>{t(`import.job.${job.kind}`, { file: job.fileName, names: '' })}</strong>
          <FilePicker label={t('import.resumeFile', { file: job.fileName })} onFile={(file) => void flow.resume(job, file)} testId="resume-file" />
          <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void handleRollBack(job)} data-testid="roll-back">
            {busy === job.id ? t('import.undoing', { done: n(undone?.done ?? 0), total: n(undone?.total ?? 0) }) : t('import.rollBack')}
          </button>
        </div>
      ))}
    </div>
  );
}
