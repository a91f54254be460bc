import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/format';
import type { ImportFlow } from '../hooks/useImportFlow';
import { ImportOutcome } from './ImportOutcome';

/** A Rapport backup was chosen: what it holds, and restoring it record by record with its own ids and stamps. */
export function RestoreBackup({ flow }: { flow: ImportFlow }) {
  const { t, i18n } = useTranslation();
  const counts = flow.inspection?.backupCounts ?? {};
  return (
    <div className="import-restore">
      <p>{t('import.restoreLead', { customers: formatNumber(counts.customers ?? 0, i18n.language), interactions: formatNumber(counts.interactions ?? 0, i18n.language) })}</p>
      {flow.phase === 'ready' && (
        <button type="button" className="button" onClick={() => void flow.restore()} data-testid="restore-backup">
          {t('import.restore')}
        </button>
      )}
      {flow.phase === 'restoring' && <p aria-live="polite">{t('import.restoring', { table: flow.restoring?.table ?? '' })}</p>}
      {flow.phase === 'restored' && (
        <div role="status">
          <p data-testid="restore-done">{t('import.restored')}</p>
          {(flow.restoring?.refused ?? 0) > 0 && <p className="field-error">{t('import.restoreRefused', { count: flow.restoring?.refused ?? 0 })}</p>}
        </div>
      )}
      {flow.phase === 'failed' && <ImportOutcome flow={flow} />}
    </div>
  );
}
