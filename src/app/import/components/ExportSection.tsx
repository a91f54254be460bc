import { Download } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSettings } from '../../../sync/settings';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useImportWorker } from '../hooks/useImportWorker';
import { downloadBlob, fileDate } from '../utils/download';

/** The full backup: every synced table, built in the import worker, saved as one JSON file. */
export function ExportSection() {
  const { t } = useTranslation();
  const client = useWorkspace();
  const worker = useImportWorker();
  const [busy, setBusy] = useState(false);

  const handleBackup = async () => {
    setBusy(true);
    try {
      const settings = ((await client.db.device.get('settings'))?.value ?? {}) as Partial<WorkspaceSettings>;
      const answer = await worker.run({ kind: 'backup', workspaceId: client.identity.workspaceId, settings: { ...settings } });
      if (answer.kind === 'backup') downloadBlob(answer.blob, `rapport-backup-${fileDate(Date.now())}.json`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="import-export">
      <h2 id="import-export">{t('import.export')}</h2>
      <p className="muted">{t('import.exportLead')}</p>
      <button type="button" className="button" onClick={() => void handleBackup()} disabled={busy} data-testid="download-backup">
        <Download aria-hidden="true" size={18} />
        <span>{busy ? t('import.backingUp') : t('import.backup')}</span>
      </button>
    </section>
  );
}
