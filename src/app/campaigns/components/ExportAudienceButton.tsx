import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../data/db';
import type { Member } from '../../../domain/member';
import { CSV_COLUMNS, customersCsv, type CsvColumn } from '../../import/utils/customerExport';
import { downloadText, fileDate } from '../../import/utils/download';

/** The audience as a spreadsheet, with the customer list export's columns (and its escaping of formula-like cells). */
export function ExportAudienceButton({ customers, members, fileName }: { customers: readonly CustomerRow[]; members: Map<string, Member>; fileName: string }) {
  const { t } = useTranslation();
  const handleExport = () => {
    const columns = Object.fromEntries(CSV_COLUMNS.map((column) => [column, t(`import.csvColumns.${column}`)])) as Record<CsvColumn, string>;
    const csv = customersCsv(customers, {
      columns,
      lifecycle: (stage) => t(`lifecycle.${stage}`),
      owner: (memberId) => members.get(memberId)?.displayName ?? '',
    });
    downloadText(csv, `${fileName}-${fileDate(Date.now())}.csv`, 'text/csv');
  };
  return (
    <button type="button" className="button button-secondary" onClick={handleExport} disabled={customers.length === 0} data-testid="campaign-export">
      <Download aria-hidden="true" size={18} />
      <span>{t('campaigns.page.export')}</span>
    </button>
  );
}
