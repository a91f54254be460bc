import { Columns3 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { LIST_SPECS, toggleColumn, type ViewList } from '../../../domain/views';
import type { en } from '../../i18n/en';
import { handleMenuKeyDown, handleMenuToggle } from '../utils/listMenu';
import '../views.css';

type ColumnName = keyof typeof en.views.column;

/** The list's optional columns as checkboxes (the name or title always shows). */
export function ColumnsMenu({ list, columns, onChange }: { list: ViewList; columns: readonly string[]; onChange: (columns: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <details className="list-menu columns-menu" onToggle={handleMenuToggle} onKeyDown={handleMenuKeyDown} data-testid={`columns-${list}`}>
      <summary className="button button-secondary">
        <Columns3 aria-hidden="true" size={18} />
        <span>{t('views.columns')}</span>
      </summary>
      <fieldset className="list-menu-panel">
        <legend>{t('views.columnsLabel')}</legend>
        {LIST_SPECS[list].columns.map((column) => (
          <label key={column} className="checkbox">
            <input type="checkbox" checked={columns.includes(column)} onChange={() => onChange(toggleColumn(list, columns, column))} data-testid={`column-${column}`} />
            <span>{t(`views.column.${column as ColumnName}`)}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
