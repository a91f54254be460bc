import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../data/db';
import type { CustomerId } from '../../../domain/ids';
import type { Member } from '../../../domain/member';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { CSV_COLUMNS, customersCsv, customersVCard } from '../utils/customerExport';
import { downloadText, fileDate } from '../utils/download';

/** The customer list as it is filtered and sorted, saved as CSV (its columns) or as vCards. */
export function ExportListButtons({ ids, members }: { ids: readonly string[]; members: Map<string, Member> }) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const rows = async () => (await db.customers.bulkGet(ids as CustomerId[])).filter((row): row is CustomerRow => row !== undefined);

  const handleCsv = async () => {
    const columns = Object.fromEntries(CSV_COLUMNS.map((column) => [column, t(`import.csvColumns.${column}`)])) as Record<(typeof CSV_COLUMNS)[number], string>;
    const csv = customersCsv(await rows(), {
      columns,
      lifecycle: (stage) => t(`lifecycle.${stage}`),
      owner: (memberId) => members.get(memberId)?.displayName ?? '',
    });
    downloadText(csv, `customers-${fileDate(Date.now())}.csv`, 'text/csv');
  };
  const handleVCard = async () => downloadText(customersVCard(await rows()), `customers-${fileDate(Date.now())}.vcf`, 'text/vcard');

  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => void handleCsv()} disabled={ids.length === 0} data-testid="export-csv">
        <Download aria-hidden="true" size={18} />
        <span>{t('import.exportCsv')}</span>
      </button>
      <button type="button" className="button button-secondary" onClick={() => void handleVCard()} disabled={ids.length === 0} data-testid="export-vcard">
        <Download aria-hidden="true" size={18} />
        <span>{t('import.exportVCard')}</span>
      </button>
    </>
  );
}
