import { useTranslation } from 'react-i18next';
import type { ProgressReport } from '../../../workers/importContract';
import { formatDuration, formatNumber } from '../../shared/format';

/** How far the worker has read: a bar, rows per second and the time left; cancel when it can be. */
export function ImportProgressBar({ progress, onCancel }: { progress: ProgressReport | null; onCancel?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="import-progress" aria-live="polite" data-testid="import-progress">
      <progress max={1} value={progress?.fraction ?? 0} aria-label={t('import.importing')} />
      <span className="muted">
        {progress
          ? t('import.progress', { rows: formatNumber(progress.rows, i18n.language), speed: formatNumber(progress.rowsPerSecond, i18n.language) })
          : t('import.reading')}
        {progress?.timeLeft !== null && progress?.timeLeft !== undefined && ` · ${t('import.timeLeft', { time: formatDuration(progress.timeLeft, i18n.language) })}`}
      </span>
      {onCancel && (
        <button type="button" className="button button-secondary" onClick={onCancel} data-testid="import-cancel">
          {t('import.cancel')}
        </button>
      )}
    </div>
  );
}
