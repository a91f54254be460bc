import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/format';
import type { ImportFlow } from '../hooks/useImportFlow';

/** How an import ended: what it wrote, or why it stopped. */
export function ImportOutcome({ flow }: { flow: ImportFlow }) {
  const { t, i18n } = useTranslation();
  const { phase, job, failure } = flow;
  const n = (value: number | undefined) => formatNumber(value ?? 0, i18n.language);
  return (
    <div className="import-outcome" role="status">
      {phase === 'done' && (
        <p data-testid="import-done">
          {t('import.done', { created: n(job?.customersCreated), updated: n(job?.customersUpdated), interactions: n(job?.interactionsCreated) })}
        </p>
      )}
      {phase === 'cancelled' && <p>{t('import.cancelled')}</p>}
      {phase === 'failed' && failure && (
        <p className="field-error" role="alert" data-testid="import-error">
          {failure.code === 'wrong_file' ? t('import.wrongFile') : t(`import.error.${failure.code}`, { detail: failure.detail ?? '' })}
        </p>
      )}
      {phase !== 'failed' || job ? (
        <button type="button" className="button button-secondary" onClick={flow.reset} data-testid="import-another">
          {t('import.another')}
        </button>
      ) : null}
    </div>
  );
}
