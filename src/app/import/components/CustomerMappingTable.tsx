import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_TARGETS, type ColumnRule, type CustomerMapping, type CustomerTarget } from '../../../import/mapping';

function ruleValue(rule: ColumnRule): string {
  return rule.kind === 'field' ? `field:${rule.field}` : rule.kind;
}

interface MappingTableProps {
  mapping: CustomerMapping;
  sample: string[][];
  /** Called with the whole new mapping, so an `onChange` from an earlier render is as good as the latest. */
  onChange: (mapping: CustomerMapping) => void;
}

/**
 * One line per column of the file: its name, an example value, and the field it fills (editable). Drawn again only
 * when the mapping or the sample changes, not on every progress report of a check (each drawing translates a few
 * hundred option labels).
 */
export const CustomerMappingTable = memo(MappingTable, (before, after) => before.mapping === after.mapping && before.sample === after.sample);

function MappingTable({ mapping, sample, onChange }: MappingTableProps) {
  const { t } = useTranslation();
  const targetOptions = CUSTOMER_TARGETS.map((target) => (
    <option key={target} value={`field:${target}`}>
      {t(`import.field.${target}`)}
    </option>
  ));
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
                    {targetOptions}
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
