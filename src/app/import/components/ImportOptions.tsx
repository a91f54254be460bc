import { useTranslation } from 'react-i18next';
import type { Region } from '../../../domain/normalise';
import { TEXT_ENCODINGS, type TextEncodingName } from '../../../import/encoding';
import type { ImportMode, ImportSettings } from '../../../workers/importContract';
import type { ImportFlow } from '../hooks/useImportFlow';

const REGIONS = ['CN', 'HK', 'TW', 'SG', 'JP', 'KR', 'US', 'CA', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'AU', 'IN', 'BR'] as const;

/** What the file holds and how its values are read: kind, encoding, header, phone region, date order, currency. */
export function ImportOptions({ flow, settings }: { flow: ImportFlow; settings: ImportSettings }) {
  const { t } = useTranslation();
  const { inspection } = flow;
  const textFile = inspection?.format === 'delimited' || inspection?.format === 'vcard';
  const setClean = (change: Partial<ImportSettings['clean']>) => flow.updateSettings({ clean: { ...settings.clean, ...change } });
  const regions: readonly string[] = REGIONS.includes(settings.clean.region as (typeof REGIONS)[number]) ? REGIONS : [settings.clean.region, ...REGIONS];

  return (
    <div className="import-options">
      <fieldset className="field">
        <legend>{t('import.kind')}</legend>
        {(['customers', 'interactions'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input type="radio" name="import-kind" checked={settings.kind === kind} onChange={() => flow.updateSettings({ kind })} data-testid={`import-kind-${kind}`} />
            <span>{kind === 'customers' ? t('import.kindCustomers') : t('import.kindInteractions')}</span>
          </label>
        ))}
      </fieldset>
      {textFile && (
        <label className="field">
          <span>{t('import.encoding')}</span>
          <select
            value={settings.encoding ?? ''}
            onChange={(event) => void flow.reread({ encoding: (event.target.value || undefined) as TextEncodingName | undefined, hasHeader: settings.hasHeader })}
            data-testid="import-encoding"
          >
            <option value="">{t('import.encodingAuto')}</option>
            {TEXT_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {encoding.toUpperCase()}
              </option>
            ))}
          </select>
          {inspection?.encoding && <span className="field-hint">{t('import.encodingDetected', { encoding: inspection.encoding.encoding.toUpperCase() })}</span>}
        </label>
      )}
      {inspection?.format !== 'vcard' && (
        <label className="checkbox">
          <input type="checkbox" checked={settings.hasHeader} onChange={(event) => void flow.reread({ encoding: settings.encoding, hasHeader: event.target.checked })} />
          <span>{t('import.hasHeader')}</span>
        </label>
      )}
      <label className="field">
        <span>{t('import.region')}</span>
        <select value={settings.clean.region} onChange={(event) => setClean({ region: event.target.value as Region })}>
          {regions.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>{t('import.dateOrder')}</legend>
        {(['dmy', 'mdy'] as const).map((order) => (
          <label key={order} className="checkbox">
            <input type="radio" name="import-date-order" checked={settings.clean.dateOrder === order} onChange={() => setClean({ dateOrder: order })} />
            <span>{t(`import.${order}`)}</span>
          </label>
        ))}
        {inspection?.dateOrder && <span className="field-hint">{t('import.dateOrderGuessed')}</span>}
      </fieldset>
      {settings.kind === 'interactions' && (
        <>
          <label className="field">
            <span>{t('import.currency')}</span>
            <input
              value={settings.clean.defaultCurrency}
              maxLength={3}
              onChange={(event) => /^[A-Za-z]{0,3}$/.test(event.target.value) && setClean({ defaultCurrency: event.target.value.toUpperCase() })}
            />
          </label>
          <label className="field">
            <span>{t('import.decimal')}</span>
            <select value={settings.clean.decimalSeparator} onChange={(event) => setClean({ decimalSeparator: event.target.value as '.' | ',' })}>
              <option value=".">1,234.56</option>
              <option value=",">1.234,56</option>
            </select>
          </label>
        </>
      )}
      <fieldset className="field">
        <legend>{t('import.mode')}</legend>
        {(['valid', 'all'] as const satisfies readonly ImportMode[]).map((mode) => (
          <label key={mode} className="checkbox">
            <input type="radio" name="import-mode" checked={settings.mode === mode} onChange={() => flow.updateSettings({ mode })} data-testid={`import-mode-${mode}`} />
            <span>{mode === 'valid' ? t('import.modeValid') : t('import.modeAll')}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
