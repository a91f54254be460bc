import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ShownPreview } from '../../../workers/importContract';
import { formatNumber } from '../../shared/format';
import { downloadText } from '../utils/download';
import { issueText } from '../utils/issueText';

/** What the check found: counts, every invalid value with its reason, the changes cleaning made, the reports. */
export function PreviewReport({ preview }: { preview: ShownPreview }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const columnName = (column: number | null) => (column === null ? t('import.wholeRow') : (preview.header[column] ?? `Column ${column + 1}`));
  const stats: Array<[string, number, string]> = [
    [t('import.rowsRead'), preview.rowsRead, 'rows-read'],
    [t('import.validRows'), preview.validRows, 'valid-rows'],
    [t('import.invalidRows'), preview.invalidRows, 'invalid-rows'],
    [t('import.changedValues'), preview.changeCount, 'changed-values'],
    ...(preview.kind === 'customers'
      ? [[t('import.duplicateGroups'), preview.groupCount, 'duplicate-groups'] as [string, number, string]]
      : [
          [t('import.newCustomers'), preview.newCustomers, 'new-customers'] as [string, number, string],
          [t('import.knownInteractions'), preview.knownInteractions, 'known-interactions'] as [string, number, string],
        ]),
  ];
  return (
    <section aria-labelledby="import-preview" className="import-preview">
      <h2 id="import-preview">{t('import.preview')}</h2>
      <div className="stats">
        {stats.map(([label, value, id]) => (
          <div key={id} className="stat">
            <span className="stat-value" data-testid={`preview-${id}`}>
              {n(value)}
            </span>
            <span className="muted">{label}</span>
          </div>
        ))}
      </div>
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => downloadText(preview.errorReport, 'import-errors.csv', 'text/csv')} data-testid="download-errors">
          <Download aria-hidden="true" size={18} />
          <span>{t('import.downloadErrors')}</span>
        </button>
        <button type="button" className="button button-secondary" onClick={() => downloadText(preview.changeReport, 'import-changes.csv', 'text/csv')}>
          <Download aria-hidden="true" size={18} />
          <span>{t('import.downloadChanges')}</span>
        </button>
      </div>
      <h3>{t('import.issues')}</h3>
      {preview.issueCount === 0 ? (
        <p className="muted">{t('import.issuesNone')}</p>
      ) : (
        <div className="table-scroller" tabIndex={0}>
          <table className="data-table" data-testid="issue-table">
            <thead>
              <tr>
                <th>{t('import.row')}</th>
                <th>{t('import.column')}</th>
                <th>{t('import.value')}</th>
                <th>{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.issues.map((issue, index) => (
                <tr key={index} data-testid="issue-row" className={issue.severity === 'warning' ? 'muted' : undefined}>
                  <td>{issue.row}</td>
                  <td>{columnName(issue.column)}</td>
                  <td className="import-sample">{issue.value}</td>
                  <td>{issueText(t, issue.code)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.issueCount > preview.issues.length && <p className="muted">{t('import.issuesMore', { shown: n(preview.issues.length), total: n(preview.issueCount) })}</p>}
      {preview.changeCount > 0 && (
        <details>
          <summary>
            {t('import.changes')} ({n(preview.changeCount)})
          </summary>
          <div className="table-scroller" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t('import.row')}</th>
                  <th>{t('import.column')}</th>
                  <th>{t('import.from')}</th>
                  <th>{t('import.to')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.map((change, index) => (
                  <tr key={index}>
                    <td>{change.row}</td>
                    <td>{columnName(change.column)}</td>
                    <td className="import-sample">{change.from}</td>
                    <td className="import-sample">{change.to}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.changeCount > preview.changes.length && <p className="muted">{t('import.changesMore', { shown: n(preview.changes.length), total: n(preview.changeCount) })}</p>}
        </details>
      )}
    </section>
  );
}
