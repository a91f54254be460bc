import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ShownPreview } from '../../../workers/importContract';
import { formatNumber } from '../../shared/format';
import { downloadText } from '../utils/download';
import { issueText } from '../utils/issueText';
import { ReportTable } from './ReportTable';

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
        <ReportTable
          items={preview.issues}
          testId="issue-table"
          rowTestId="issue-row"
          rowClassName={(issue) => (issue.severity === 'warning' ? 'muted' : undefined)}
          columns={[
            { header: t('import.row'), cell: (issue) => issue.row },
            { header: t('import.column'), cell: (issue) => columnName(issue.column) },
            { header: t('import.value'), cell: (issue) => issue.value, className: 'import-sample' },
            { header: t('import.reason'), cell: (issue) => issueText(t, issue.code) },
          ]}
        />
      )}
      {preview.issueCount > preview.issues.length && <p className="muted">{t('import.issuesMore', { shown: n(preview.issues.length), total: n(preview.issueCount) })}</p>}
      {preview.changeCount > 0 && (
        <details>
          <summary>
            {t('import.changes')} ({n(preview.changeCount)})
          </summary>
          <ReportTable
            items={preview.changes}
            columns={[
              { header: t('import.row'), cell: (change) => change.row },
              { header: t('import.column'), cell: (change) => columnName(change.column) },
              { header: t('import.from'), cell: (change) => change.from, className: 'import-sample' },
              { header: t('import.to'), cell: (change) => change.to, className: 'import-sample' },
            ]}
          />
          {preview.changeCount > preview.changes.length && <p className="muted">{t('import.changesMore', { shown: n(preview.changes.length), total: n(preview.changeCount) })}</p>}
        </details>
      )}
    </section>
  );
}
