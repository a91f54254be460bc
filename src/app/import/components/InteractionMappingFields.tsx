import { useTranslation } from 'react-i18next';
import { INTERACTION_TYPES, SCORE_SCALES, type InteractionType, type ScoreScale } from '../../../domain/interaction';
import { CUSTOMER_KEY_KINDS, type CustomerKeyKind, type InteractionMapping } from '../../../import/mapping';

type ColumnField = 'at' | 'type' | 'amount' | 'currency' | 'subject' | 'body' | 'score' | 'scale';
const COLUMN_FIELDS = [
  ['at', 'dateColumn'],
  ['type', 'typeColumn'],
  ['amount', 'amountColumn'],
  ['currency', 'currencyColumn'],
  ['subject', 'subjectColumn'],
  ['body', 'bodyColumn'],
  ['score', 'scoreColumn'],
  ['scale', 'scaleColumn'],
] as const satisfies ReadonlyArray<readonly [ColumnField, string]>;

/** Which column of a history file holds the customer, the date, the type, the amount… (editable). */
export function InteractionMappingFields({ mapping, onChange }: { mapping: InteractionMapping; onChange: (mapping: InteractionMapping) => void }) {
  const { t } = useTranslation();
  const columnOptions = (
    <>
      <option value="">{t('import.none')}</option>
      {mapping.header.map((name, index) => (
        <option key={index} value={index}>
          {name || `Column ${index + 1}`}
        </option>
      ))}
    </>
  );
  const toColumn = (value: string) => (value === '' ? null : Number(value));
  return (
    <section aria-labelledby="import-mapping" className="import-options">
      <h2 id="import-mapping">{t('import.mapping')}</h2>
      <label className="field">
        <span>{t('import.customerKey')}</span>
        <select
          value={mapping.customerKey?.column ?? ''}
          onChange={(event) => {
            const column = toColumn(event.target.value);
            onChange({ ...mapping, customerKey: column === null ? null : { column, by: mapping.customerKey?.by ?? 'id' } });
          }}
          data-testid="mapping-customer-key"
        >
          {columnOptions}
        </select>
      </label>
      {mapping.customerKey && (
        <label className="field">
          <span>{t('import.customerKeyBy')}</span>
          <select
            value={mapping.customerKey.by}
            onChange={(event) => mapping.customerKey && onChange({ ...mapping, customerKey: { ...mapping.customerKey, by: event.target.value as CustomerKeyKind } })}
          >
            {CUSTOMER_KEY_KINDS.map((by) => (
              <option key={by} value={by}>
                {t(`import.keyBy.${by}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {COLUMN_FIELDS.map(([field, label]) => (
        <label key={field} className="field">
          <span>{t(`import.${label}`)}</span>
          <select value={mapping[field] ?? ''} onChange={(event) => onChange({ ...mapping, [field]: toColumn(event.target.value) })} data-testid={`mapping-${field}`}>
            {columnOptions}
          </select>
        </label>
      ))}
      <label className="field">
        <span>{t('import.defaultType')}</span>
        <select value={mapping.defaultType} onChange={(event) => onChange({ ...mapping, defaultType: event.target.value as InteractionType })}>
          {INTERACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`interaction.types.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {mapping.score !== null && mapping.scale === null && (
        <label className="field">
          <span>{t('import.defaultScale')}</span>
          <select value={mapping.defaultScale} onChange={(event) => onChange({ ...mapping, defaultScale: event.target.value as ScoreScale })} data-testid="mapping-default-scale">
            {(Object.keys(SCORE_SCALES) as ScoreScale[]).map((scale) => (
              <option key={scale} value={scale}>
                {t(`import.scales.${scale}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
