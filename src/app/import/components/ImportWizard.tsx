import { useTranslation } from 'react-i18next';
import { checkCustomerMapping } from '../../../import/mapping';
import type { ImportFlow } from '../hooks/useImportFlow';
import { CustomerMappingTable } from './CustomerMappingTable';
import { DuplicateReview } from './DuplicateReview';
import { FilePicker } from './FilePicker';
import { ImportOptions } from './ImportOptions';
import { ImportOutcome } from './ImportOutcome';
import { ImportProgressBar } from './ImportProgressBar';
import { InteractionMappingFields } from './InteractionMappingFields';
import { PreviewReport } from './PreviewReport';
import { RestoreBackup } from './RestoreBackup';

/** The steps of one import: file, settings and mapping, preview and duplicates, commit. */
export function ImportWizard({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const { phase, file, inspection, settings, preview } = flow;

  if (phase === 'importing' || phase === 'done' || phase === 'cancelled' || (phase === 'failed' && flow.job)) {
    return (
      <div className="card import-step">
        {phase === 'importing' ? <ImportProgressBar progress={flow.progress} onCancel={flow.cancel} /> : <ImportOutcome flow={flow} />}
      </div>
    );
  }
  if (!file || !inspection || phase === 'inspecting') {
    return (
      <div className="card import-step">
        {phase === 'inspecting' ? <p aria-live="polite">{t('import.reading')}</p> : <FilePicker onFile={(chosen) => void flow.chooseFile(chosen)} />}
        {phase === 'failed' && <ImportOutcome flow={flow} />}
      </div>
    );
  }
  const problems =
    settings?.kind === 'customers'
      ? checkCustomerMapping(settings.customerMapping).map((problem) => problem.code)
      : [...(settings?.interactionMapping.customerKey ? [] : ['no_key' as const]), ...(settings?.interactionMapping.at === null ? ['no_date' as const] : [])];

  return (
    <div className="card import-step">
      <div className="import-file-line">
        <strong data-testid="import-file-name">{t('import.fileSummary', { name: file.name, format: t(`import.format.${inspection.format}`) })}</strong>
        <button type="button" className="button button-secondary" onClick={flow.reset}>
          {t('import.another')}
        </button>
      </div>
      {inspection.format === 'backup' ? (
        <RestoreBackup flow={flow} />
      ) : (
        settings && (
          <>
            <ImportOptions flow={flow} settings={settings} />
            {settings.kind === 'customers' ? (
              <CustomerMappingTable
                mapping={settings.customerMapping}
                sample={inspection.sample}
                onChange={(customerMapping) => flow.updateSettings({ customerMapping })}
              />
            ) : (
              <InteractionMappingFields mapping={settings.interactionMapping} onChange={(interactionMapping) => flow.updateSettings({ interactionMapping })} />
            )}
            {problems.map((code) => (
              <p key={code} className="field-error" role="alert">
                {t(`import.mappingProblem.${code}`)}
              </p>
            ))}
            <div className="form-actions">
              <button type="button" className="button" onClick={() => void flow.check()} disabled={problems.length > 0 || phase === 'checking'} data-testid="import-check">
                {phase === 'checking' ? t('import.checking') : t('import.check')}
              </button>
              {phase === 'checking' && (
                <button type="button" className="button button-secondary" onClick={flow.cancel}>
                  {t('import.cancel')}
                </button>
              )}
            </div>
            {phase === 'checking' && <ImportProgressBar progress={flow.progress} />}
            {phase === 'failed' && <ImportOutcome flow={flow} />}
            {preview && phase === 'previewed' && (
              <>
                <PreviewReport preview={preview} />
                {preview.kind === 'customers' && <DuplicateReview preview={preview} flow={flow} />}
                <ConfirmImport flow={flow} />
              </>
            )}
          </>
        )
      )}
    </div>
  );
}

function ConfirmImport({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const { preview, settings } = flow;
  if (!preview || !settings) return null;
  const refused = settings.mode === 'all' && preview.invalidRows > 0;
  const rows = preview.validRows - preview.knownInteractions;
  return (
    <div className="import-confirm">
      {refused && (
        <p className="field-error" role="alert" data-testid="import-refused">
          {t('import.refused', { count: preview.invalidRows })}
        </p>
      )}
      <button type="button" className="button" disabled={refused || rows === 0} onClick={() => void flow.commit()} data-testid="import-commit">
        {rows === 0 ? t('import.confirmNothing') : t('import.confirm', { count: rows })}
      </button>
    </div>
  );
}
