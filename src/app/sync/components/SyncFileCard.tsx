import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/formatBytes';
import { formatDateTime } from '../../shared/format';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** Sneakernet: the whole workspace into an encrypted file, and a file from another device merged in. */
export function SyncFileCard() {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const input = useRef<HTMLInputElement>(null);
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (job: () => Promise<{ ok: boolean; text: string }>) => {
    setWorking(true);
    setOutcome(null);
    try {
      setOutcome(await job());
    } catch {
      setOutcome({ ok: false, text: t('sync.file.problem.failed') });
    } finally {
      setWorking(false);
    }
  };

  const handleExport = () =>
    run(async () => {
      const file = await client.call('exportSyncFile');
      const url = URL.createObjectURL(new Blob([file as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `rapport-${new Date().toISOString().slice(0, 10)}.rapportsync`;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { ok: true, text: t('sync.file.exported', { size: formatBytes(file.byteLength, i18n.language) }) };
    });

  const handleImport = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void run(async () => {
      const result = await client.call('importSyncFile', new Uint8Array(await file.arrayBuffer()));
      return result.ok
        ? { ok: true, text: t('sync.file.imported', { count: result.documents, time: formatDateTime(result.createdAt, i18n.language) }) }
        : { ok: false, text: t(`sync.file.problem.${result.problem}`) };
    });
  };

  return (
    <section aria-labelledby="sync-file-title">
      <h3 id="sync-file-title">{t('sync.file.title')}</h3>
      <p className="muted">{t('sync.file.hint')}</p>
      <div className="row">
        <button type="button" className="button button-secondary" onClick={() => void handleExport()} disabled={working}>
          {t('sync.file.export')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => input.current?.click()} disabled={working}>
          {t('sync.file.import')}
        </button>
        <input ref={input} type="file" hidden accept=".rapportsync,application/octet-stream" onChange={handleImport} data-testid="sync-file-input" />
        {working && <span role="status">{t('sync.file.working')}</span>}
      </div>
      {outcome && (
        <p className={outcome.ok ? undefined : 'field-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="sync-file-outcome">
          {outcome.text}
        </p>
      )}
    </section>
  );
}
