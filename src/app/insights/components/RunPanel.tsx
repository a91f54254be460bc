import { Play, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsRun, AnalyticsStep } from '../../../workers/analyticsContract';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useRunAnalytics } from '../hooks/useRunAnalytics';

export function RunPanel({ latest, done }: { latest: AnalyticsRun | null; done: AnalyticsRun | null }) {
  const { t, i18n } = useTranslation();
  const { running, progress, error, handleRun, handleCancel } = useRunAnalytics();
  const step = progress?.task.slice('analytics:'.length) as AnalyticsStep | undefined;
  const busy = running || latest?.status === 'running';
  return (
    <div className="card run-panel">
      <div className="run-panel-row">
        <p className="muted" data-testid="analytics-status">
          {running && step
            ? t('insights.stepProgress', {
                step: t(`insights.step.${step}`),
                done: formatNumber(progress?.done ?? 0, i18n.language),
                total: formatNumber(progress?.total ?? 0, i18n.language),
              })
            : busy
              ? t('insights.runningInBackground')
              : done
                ? t('insights.lastRun', {
                    when: formatDateTime(done.finishedAt ?? done.startedAt, i18n.language),
                    seconds: formatNumber(Math.round((done.totalMs ?? 0) / 100) / 10, i18n.language),
                  })
                : t('insights.never')}
        </p>
        <div className="header-actions">
          <button type="button" className="button" onClick={() => void handleRun()} disabled={running} data-testid="run-analytics">
            <Play aria-hidden="true" size={18} />
            <span>{running ? t('insights.running') : t('insights.runNow')}</span>
          </button>
          {running && (
            <button type="button" className="button button-secondary" onClick={handleCancel}>
              <X aria-hidden="true" size={18} />
              <span>{t('insights.cancel')}</span>
            </button>
          )}
        </div>
      </div>
      {running && progress && <progress className="run-progress" max={progress.total} value={progress.done} />}
      {error && (
        <p className="field-error" role="alert">
          {t('insights.runFailed', { error })}
        </p>
      )}
      {!running && latest?.status === 'failed' && <p className="field-error">{t('insights.lastFailed', { error: latest.error ?? '' })}</p>}
      {!running && latest?.status === 'cancelled' && <p className="muted">{t('insights.lastCancelled')}</p>}
    </div>
  );
}
