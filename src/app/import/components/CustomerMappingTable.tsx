import { useTranslation } from 'react-i18next';
import { CUSTOMER_TARGETS, type ColumnRule, type CustomerMapping, type CustomerTarget } from '../../../import/mapping';

function ruleValue(rule: ColumnRule): string {
  return rule.kind === 'field' ? `field:${rule.field}` : rule.kind;
}

/** One line per column of the file: its name, an example value, and the field it fills (editable). */
export function CustomerMappingTable({ mapping, sample, onChange }: { mapping: CustomerMapping; sample: string[][]; onChange: (mapping: CustomerMapping) => void }) {
  const { t } = useTranslation();
  const handleChange = (index: number, value: string) => {
    const header = mapping.header[index] ?? '';
    const rule: ColumnRule =
      value === 'ignore' ? { kind: 'ignore' }
      : value === 'custom' ? { kind: 'custom', key: header.trim().slice(0, 100) || `Column ${index + 1}` }
      : { kind: 'field', field: value.slice('field:'.length) as CustomerTarget };
    onChange({ ...mapping, columns: mapping.columns.map((current, i) => (i === index ? rule : current)) });
  };
  return (
    <section aria-labelledby="import-mapping">
      <h2 id="import-mapping">{t('import.mapping')}</h2>
      <p className="muted">{t('import.mappingHint')}</p>
      <div className="table-scroller" tabIndex={0}>
        <table className="data-table import-mapping">
          <thead>
            <tr>
              <th>{t('import.column')}</th>
              <th>{t('import.sample')}</th>
              <th>{t('import.target')}</th>
            </tr>
          </thead>
          <tbody>
            {mapping.columns.map((rule, index) => (
              <tr key={index}>
                <td>{mapping.header[index]}</td>
                <td className="muted import-sample">{sample.find((cells) => (cells[index] ?? '').trim() !== '')?.[index] ?? ''}</td>
                <td>
                  <select value={ruleValue(rule)} onChange={(event) => handleChange(index, event.target.value)} aria-label={mapping.header[index]} data-testid="mapping-select">
                    <option value="ignore">{t('import.ignore')}</option>
                    <option value="custom">{t('import.customField', { key: rule.kind === 'custom' ? rule.key : (mapping.header[index] ?? '') })}</option>
                    {CUSTOMER_TARGETS.map((target) => (
                      <option key={target} value={`field:${target}`}>
                        {t(`import.field.${target}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
